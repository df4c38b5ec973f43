package org.empreinte.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;

import jakarta.validation.Validator;

import io.dropwizard.jersey.validation.Validators;
import org.junit.jupiter.api.Test;

/** The mail settings as config.yml gives them, and a server that cannot be reached. */
class MailerTest {

    private final Validator validator = Validators.newValidator();

    @Test
    void mailIsOffWhileNoHostIsGivenAndThenSendsNothing() {
        MailConfiguration shipped = new MailConfiguration();
        Mailer mailer = Mailer.of(shipped);
        assertThat(mailer.enabled()).isFalse();
        assertThatThrownBy(() -> mailer.send(new Mailer.Message("a@example.org", "Objet", "Texte")))
                .isInstanceOf(Mailer.MailFailure.class).hasMessageContaining("SMTP_HOST");
        assertThat(validator.validate(shipped)).isEmpty();
    }

    @Test
    void aHostWithoutASenderAddressOrAnUnknownTlsModeIsRefusedBeforeStartUp() {
        MailConfiguration configuration = new MailConfiguration();
        configuration.setHost("smtp.example.org");
        assertThat(validator.validate(configuration)).singleElement()
                .satisfies(v -> assertThat(v.getMessage()).contains("SMTP_FROM"));
        configuration.setFrom("coordination@example.org");
        configuration.setTls("ssl");
        assertThat(validator.validate(configuration)).singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("tls"));
    }

    @Test
    void aServerThatCannotBeReachedIsAFailureNamingTheRecipient() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        MailConfiguration configuration = new MailConfiguration();
        configuration.setHost("127.0.0.1");
        configuration.setPort(closed);
        configuration.setTls("none");
        configuration.setFrom("coordination@example.org");
        Mailer mailer = Mailer.of(configuration);
        assertThat(mailer.enabled()).isTrue();
        assertThatThrownBy(() -> mailer.send(new Mailer.Message("gamma@example.org", "Rappel", "Bonjour")))
                .isInstanceOf(Mailer.MailFailure.class).hasMessageContaining("gamma@example.org");
    }
}
