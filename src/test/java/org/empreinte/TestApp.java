package org.empreinte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.dropwizard.testing.ConfigOverride;
import org.glassfish.jersey.client.JerseyClientBuilder;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

/**
 * The real application on the real config.yml, with a fresh SQLite file and free ports. Its client
 * calls as the administrator of {@code EMPREINTE_ADMIN_TOKEN} unless a request sets its own
 * Authorization; browsers sign in as the first administrator.
 */
public final class TestApp {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String ADMIN_EMAIL = "admin@empreinte.local";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestApp() {
    }

    /** The application, with these settings changed if any, on a fresh database file. */
    public static DropwizardAppExtension<EmpreinteConfiguration> create(ConfigOverride... changed) {
        try {
            return create(Files.createTempFile("empreinte-test", ".db"), changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application on this database file. */
    public static DropwizardAppExtension<EmpreinteConfiguration> create(Path database, ConfigOverride... changed) {
        ConfigOverride[] overrides = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                    ConfigOverride.config("auth.adminToken", ADMIN_TOKEN),
                    ConfigOverride.config("auth.firstAdminPassword", ADMIN_PASSWORD),
                    ConfigOverride.config("database.url", "jdbc:sqlite:" + database),
                    ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("emissionFactors.directory", Path.of("emission-factors").toAbsolutePath().toString()),
                    ConfigOverride.config("logging.level", "WARN")), java.util.stream.Stream.of(changed))
                .toArray(ConfigOverride[]::new);
        return new DropwizardAppExtension<EmpreinteConfiguration>(EmpreinteApplication.class,
                    Path.of("config.yml").toAbsolutePath().toString(), overrides) {
                @Override
                protected JerseyClientBuilder clientBuilder() {
                    return super.clientBuilder().register((ClientRequestFilter) request -> {
                        if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                            request.getHeaders().add(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN);
                        }
                    });
                }
            };
    }
}
