package org.empreinte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

/** The real application on the real config.yml, with a fresh SQLite file and free ports. */
public final class TestApp {

    private TestApp() {
    }

    public static DropwizardAppExtension<EmpreinteConfiguration> create() {
        try {
            Path database = Files.createTempFile("empreinte-test", ".db");
            return new DropwizardAppExtension<>(EmpreinteApplication.class, Path.of("config.yml").toAbsolutePath().toString(),
                    ConfigOverride.config("database.url", "jdbc:sqlite:" + database),
                    ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("emissionFactors.directory", Path.of("emission-factors").toAbsolutePath().toString()),
                    ConfigOverride.config("logging.level", "WARN"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
