package org.empreinte.mail;

/** Sends plain-text messages, or says that it cannot: mail is off until config.yml names an SMTP server. */
public interface Mailer {

    /** One message to one person. */
    record Message(String to, String subject, String body) {
    }

    boolean enabled();

    /**
     * Sends at once, returning when the server has accepted the message.
     *
     * @throws MailFailure when the server cannot be reached or refuses it
     */
    void send(Message message);

    /** The mailer of the configuration: off without a host. */
    static Mailer of(MailConfiguration configuration) {
        return configuration.enabled() ? new SmtpMailer(configuration) : OFF;
    }

    Mailer OFF = new Mailer() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void send(Message message) {
            throw new MailFailure("mail is off: config.yml's mail.host (SMTP_HOST) is empty", null);
        }
    };

    /** A message that did not go. */
    class MailFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
