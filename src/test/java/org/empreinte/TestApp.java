package org.empreinte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.dropwizard.testing.ConfigOverride;
import org.glassfish.jersey.client.JerseyClientBuilder;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.db.TestDatabase;

/**
 * The real application on the real config.yml, with a fresh database and free ports: a SQLite file, or on
 * PostgreSQL a schema standing for that file (see {@link TestDatabase}). Its client
 * calls as the administrator of {@code EMPREINTE_ADMIN_TOKEN} unless a request sets its own
 * Authorization; browsers sign in as the first administrator.
 */
public final class TestApp {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123456789";
    public static final String ADMIN_EMAIL = "admin@empreinte.local";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    private TestApp() {
    }

    public static DropwizardAppExtension<EmpreinteConfiguration> create() {
        return create(Map.of());
    }

    private static DropwizardAppExtension<EmpreinteConfiguration> shared;

    /**
     * One application for every class of this JVM that asks for it, started by the first and never stopped (the fork
     * ends with the run). Starting the application, a few seconds in a JVM that has just started, was most of the fast
     * tier's time, once per class. For classes whose tests make their own organizations and users and never count
     * what exists in the whole database; a class that needs a database of its own, other settings or its own clock
     * keeps {@link #create()}.
     */
    public static synchronized DropwizardAppExtension<EmpreinteConfiguration> shared() {
        if (shared == null) {
            Path database = temporaryDatabase("empreinte-shared");
            shared = create(EmpreinteApplication.class, () -> TestDatabase.url(database),
                    TestDatabase.onPostgresql(), Map.of(), true);
        }
        return shared;
    }

    /** The application with these settings (config.yml's paths) changed, on a fresh database file. */
    public static DropwizardAppExtension<EmpreinteConfiguration> create(Map<String, String> changed) {
        try {
            return create(Files.createTempFile("empreinte-test", ".db"), changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application on this database file. */
    public static DropwizardAppExtension<EmpreinteConfiguration> create(Path database) {
        return create(EmpreinteApplication.class, database, Map.of());
    }

    /** This application class (Empreinte, or a test's variant of it) on this database file. */
    public static DropwizardAppExtension<EmpreinteConfiguration> create(Class<? extends EmpreinteApplication> application,
            Path database) {
        return create(application, database, Map.of());
    }

    private static DropwizardAppExtension<EmpreinteConfiguration> create(Path database, Map<String, String> changed) {
        return create(EmpreinteApplication.class, database, changed);
    }

    /** This application class on this database file, with these settings changed. */
    public static DropwizardAppExtension<EmpreinteConfiguration> create(Class<? extends EmpreinteApplication> application,
            Path database, Map<String, String> changed) {
        return create(application, () -> TestDatabase.url(database), TestDatabase.onPostgresql(), changed);
    }

    /**
     * The application on this SQLite file whatever database the run tests: for what starts from SQLite (a copy
     * into PostgreSQL, a SQLite backup).
     */
    public static DropwizardAppExtension<EmpreinteConfiguration> createOnSqliteFile(Path file) {
        return create(EmpreinteApplication.class, () -> "jdbc:sqlite:" + file.toAbsolutePath(), false, Map.of());
    }

    private static DropwizardAppExtension<EmpreinteConfiguration> create(Class<? extends EmpreinteApplication> application,
            Supplier<String> databaseUrl, boolean postgresqlLogin, Map<String, String> changed) {
        return create(application, databaseUrl, postgresqlLogin, changed, false);
    }

    private static DropwizardAppExtension<EmpreinteConfiguration> create(Class<? extends EmpreinteApplication> application,
            Supplier<String> databaseUrl, boolean postgresqlLogin, Map<String, String> changed, boolean oneForAll) {
        // One override per key: Dropwizard keeps them in a set, so of two for one key either could win.
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auth.adminToken", ADMIN_TOKEN);
        settings.put("auth.firstAdminPassword", ADMIN_PASSWORD);
        if (postgresqlLogin) {
            settings.put("database.user", TestDatabase.user());
            settings.put("database.password", TestDatabase.password());
        }
        settings.put("server.applicationConnectors[0].port", "0");
        settings.put("server.adminConnectors[0].port", "0");
        settings.put("emissionFactors.directory", Path.of("emission-factors").toAbsolutePath().toString());
        settings.put("logging.level", "WARN");
        // Stopping, Jetty waited for the test clients' idle keep-alive connections to close: 1 to 2 s each time
        // the application stopped, about a minute of a full run, when the class's tests had all had their answers.
        // Any shorter wait that is not none ends in a TimeoutException. At worst, an answer still being closed
        // when its class ends is cut, and the log shows an EofException.
        settings.put("server.shutdownGracePeriod", "0 seconds");
        // Test classes sign in wrongly on purpose, many times from one address (the access matrix, each route
        // by every role and spelling): the throttle would answer them 429. Its own test restores the limits.
        settings.put("auth.signInThrottle.accountFreeFailures", "100000");
        settings.put("auth.signInThrottle.addressFreeFailures", "100000");
        settings.putAll(changed);
        // The database when the extension starts, not when the test class is loaded: on PostgreSQL, a server that
        // cannot be reached then skips the class (or fails it on CI) instead of failing its initialization.
        ConfigOverride[] overrides = Stream.concat(
                Stream.of(ConfigOverride.config("database.url", databaseUrl)),
                settings.entrySet().stream().map(setting -> ConfigOverride.config(setting.getKey(), setting.getValue())))
                .toArray(ConfigOverride[]::new);
        return new DropwizardAppExtension<EmpreinteConfiguration>(application,
                    Path.of("config.yml").toAbsolutePath().toString(), overrides) {
                private boolean started;
                /** The shared instance's client is its class's: a class that leaves answers open cannot drain the next's. */
                private Client classClient;

                @Override
                public void before() throws Exception {
                    if (!oneForAll) {
                        super.before();
                        return;
                    }
                    if (started) {
                        return;
                    }
                    // The settings are system properties (dw.*) while the application starts, and commands run by
                    // later classes read them: put back what was there, since this instance never stops to do it.
                    Map<String, String> before = settings();
                    super.before();
                    started = true;
                    settings().keySet().forEach(System::clearProperty);
                    before.forEach(System::setProperty);
                }

                @Override
                public void after() {
                    if (!oneForAll) {
                        super.after();
                        return;
                    }
                    synchronized (this) {
                        if (classClient != null) {
                            classClient.close();
                            classClient = null;
                        }
                    }
                }

                @Override
                public Client client() {
                    if (!oneForAll) {
                        return super.client();
                    }
                    synchronized (this) {
                        if (classClient == null) {
                            classClient = clientBuilder().build();
                        }
                        return classClient;
                    }
                }

                private Map<String, String> settings() {
                    Map<String, String> found = new LinkedHashMap<>();
                    for (String name : System.getProperties().stringPropertyNames()) {
                        if (name.startsWith("dw.")) {
                            found.put(name, System.getProperty(name));
                        }
                    }
                    return found;
                }

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

    /**
     * A database file of a test's own, deleted at exit with its write-ahead log: the large ones (hundreds of
     * MB for 500,000 activities) must not pile up run after run.
     */
    public static Path temporaryDatabase(String prefix) {
        try {
            Path file = Files.createTempFile(prefix, ".db");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path.of(file + suffix).toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
