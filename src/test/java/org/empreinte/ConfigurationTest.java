package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What config.yml and the environment may say, checked before anything starts. */
@Tiers.Api
class ConfigurationTest {

    private final Validator validator = Validators.newValidator();

    @Test
    void aShortEnvironmentTokenStopsStartUpWithAMessageSayingHowToMakeOne() {
        DropwizardAppExtension<EmpreinteConfiguration> app = TestApp.create(Map.of("auth.adminToken", "a"));
        try {
            assertThatThrownBy(app::before).isInstanceOf(ConfigurationValidationException.class)
                    .hasMessageContaining("EMPREINTE_ADMIN_TOKEN")
                    .hasMessageContaining("at least 32 characters")
                    .hasMessageContaining("openssl rand -hex 32");
        } finally {
            app.after();
        }
    }

    @Test
    void aGuessableFirstAdministratorPasswordStopsStartUpOnAnEmptyDatabase() {
        DropwizardAppExtension<EmpreinteConfiguration> app = TestApp.create(Map.of("auth.firstAdminPassword", "motdepasse123"));
        try {
            assertThatThrownBy(app::before).hasStackTraceContaining("EMPREINTE_ADMIN_PASSWORD")
                    .hasStackTraceContaining("too easy to guess").hasStackTraceContaining("leave it empty")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("motdepasse123"));
        } finally {
            app.after();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "test-admin-token-0123456789", "0123456789abcdef0123456789abcde", "               x                "})
    void anEnvironmentTokenOfFewerThan32CharactersIsRefused(String token) {
        assertThat(violations(token)).singleElement().satisfies(v -> assertThat(v.getMessage())
                .contains("EMPREINTE_ADMIN_TOKEN").contains("openssl rand -hex 32"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "0123456789abcdef0123456789abcdef", TestApp.ADMIN_TOKEN})
    void noEnvironmentTokenOrOneOf32CharactersOrMoreIsAccepted(String token) {
        assertThat(violations(token)).isEmpty();
    }

    private Set<ConstraintViolation<EmpreinteConfiguration>> violations(String token) {
        EmpreinteConfiguration configuration = new EmpreinteConfiguration();
        configuration.getDataSourceFactory().setDriverClass("org.sqlite.JDBC");
        configuration.getDataSourceFactory().setUrl("jdbc:sqlite::memory:");
        configuration.getAuth().setAdminToken(token);
        return validator.validate(configuration);
    }
}
