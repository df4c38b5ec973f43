package org.empreinte.mail;

import java.util.Locale;

import static org.empreinte.web.TextFields.blankToNull;

import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;

/** Messages through the configured SMTP server, by Simple Java Mail (UTF-8 text, STARTTLS or SMTPS). */
final class SmtpMailer implements Mailer {

    /** A server that does not answer must not hold a coordinator's request for minutes. */
    private static final int TIMEOUT_MILLIS = 20_000;

    private final org.simplejavamail.api.mailer.Mailer mailer;
    private final String from;

    SmtpMailer(MailConfiguration configuration) {
        TransportStrategy strategy = switch (configuration.getTls().toLowerCase(Locale.ROOT)) {
            case "smtps" -> TransportStrategy.SMTPS;
            case "none" -> TransportStrategy.SMTP;
            default -> TransportStrategy.SMTP_TLS;
        };
        String username = blankToNull(configuration.getUsername());
        this.mailer = MailerBuilder.withSMTPServer(configuration.getHost().strip(), configuration.getPort(), username,
                        username == null ? null : configuration.getPassword())
                .withTransportStrategy(strategy)
                .withSessionTimeout(TIMEOUT_MILLIS)
                .buildMailer();
        this.from = configuration.getFrom().strip();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void send(Message message) {
        try {
            mailer.sendMail(EmailBuilder.startingBlank()
                    .from(from)
                    .to(message.to())
                    .withSubject(message.subject())
                    .withPlainText(message.body())
                    .buildEmail()).join();
        } catch (RuntimeException e) {
            throw new MailFailure("the message to " + message.to() + " was not sent: " + e.getMessage(), e);
        }
    }
}
