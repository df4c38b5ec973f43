package org.empreinte.db;

import java.nio.file.Path;
import java.security.Principal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;

import io.dropwizard.jackson.Jackson;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.footprint.FootprintService;
import org.empreinte.footprint.ReportCache;
import org.empreinte.organization.OrganizationAccess;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.YearlyFigures;

/**
 * The database of a test: by default a real SQLite file, migrated with the application's own change log and
 * opened with the connection settings the application gives its pool (foreign keys enforced). With the system
 * property {@code empreinte.test.database=postgresql} (pom.xml's second surefire run of the database and api
 * tiers) the same tests run on PostgreSQL: each file a test names stands for a fresh schema of its own in the
 * test database, the same schema each time the same file is named, dropped when the test JVM ends.
 *
 * <p>The PostgreSQL server: {@code EMPREINTE_TEST_POSTGRES_URL} (default
 * {@value #DEFAULT_POSTGRES_URL}), {@code EMPREINTE_TEST_POSTGRES_USER} and {@code EMPREINTE_TEST_POSTGRES_PASSWORD}
 * (default {@code empreinte} for both). Unreachable, its tests are skipped with a message saying so on a
 * developer's machine, and fail when {@code CI} is set: there a skip would pass for green.
 */
public final class TestDatabase {

    public static final String PROPERTY = "empreinte.test.database";
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://localhost:5432/empreinte_test";
    private static final String SCHEMA_PREFIX = "test_";
    /** Schemas left by a test JVM that was killed are dropped by a later one, once surely not in use. */
    private static final Duration STALE_AFTER = Duration.ofHours(12);

    private static final Map<Path, String> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile String unreachable;
    private static volatile boolean checked;

    private TestDatabase() {
    }

    /** The database the tests of this JVM run on. */
    public static DatabaseKind kind() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "sqlite")) ? DatabaseKind.POSTGRESQL : DatabaseKind.SQLITE;
    }

    public static boolean onPostgresql() {
        return kind() == DatabaseKind.POSTGRESQL;
    }

    /** Skips the calling test on PostgreSQL, for a reason that exists only on SQLite. */
    public static void assumeSqlite(String reason) {
        Assumptions.assumeTrue(!onPostgresql(), () -> "SQLite only: " + reason);
    }

    /**
     * The JDBC URL of the database that stands for this file: the file on SQLite; on PostgreSQL a schema of its
     * own, created the first time (skips or fails the test when PostgreSQL cannot be reached, see above).
     */
    public static String url(Path file) {
        return url(file, kind());
    }

    /**
     * As {@link #url(Path)}, on the database named rather than this JVM's: for a benchmark that measures both in one
     * run.
     */
    public static String url(Path file, DatabaseKind kind) {
        if (kind == DatabaseKind.SQLITE) {
            return "jdbc:sqlite:" + file.toAbsolutePath();
        }
        String schema = SCHEMAS.computeIfAbsent(file.toAbsolutePath(), ignored -> createSchema());
        String base = postgresUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String user() {
        return user(kind());
    }

    public static String password() {
        return password(kind());
    }

    public static String user(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? env("EMPREINTE_TEST_POSTGRES_USER", "empreinte") : null;
    }

    public static String password(DatabaseKind kind) {
        return kind == DatabaseKind.POSTGRESQL ? env("EMPREINTE_TEST_POSTGRES_PASSWORD", "empreinte") : null;
    }

    /** The connection properties the application's pool would use for this database, with the test server's login. */
    public static Properties connectionProperties() {
        return connectionProperties(kind());
    }

    public static Properties connectionProperties(DatabaseKind kind) {
        Properties properties = new Properties();
        properties.putAll(kind.connectionProperties());
        if (kind == DatabaseKind.POSTGRESQL) {
            properties.setProperty("user", user(kind));
            properties.setProperty("password", password(kind));
        }
        return properties;
    }

    /** Creates (or reopens) the database standing for this file, brings its schema up to date and returns a Jdbi on it. */
    public static Jdbi migrated(Path file) {
        return migratedAt(url(file));
    }

    /** As {@link #migrated(Path)}, for a URL {@link #url(Path)} gave (an application's, say). */
    public static Jdbi migratedAt(String url) {
        Jdbi jdbi = Jdbi.create(url, connectionProperties());
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.useHandle(handle -> DatabaseSetup.migrate(handle.getConnection()));
        return jdbi;
    }

    /** A plain connection to the database standing for this file, as {@link #url(Path)}. */
    public static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection(url(file), connectionProperties());
    }

    private static String postgresUrl() {
        return env("EMPREINTE_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Connection server() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", user(DatabaseKind.POSTGRESQL));
        login.setProperty("password", password(DatabaseKind.POSTGRESQL));
        login.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(postgresUrl(), login);
    }

    private static String createSchema() {
        requireServer();
        String schema = SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = server(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test schema " + schema + " at " + postgresUrl(), e);
        }
        return schema;
    }

    /**
     * Why this run's PostgreSQL server cannot be reached (checked once per JVM, when a test first needs it, which
     * also drops the schemas killed runs left), or empty when it can, or when the run is on SQLite.
     */
    public static synchronized Optional<String> unreachable() {
        return onPostgresql() ? postgresqlUnreachable() : Optional.empty();
    }

    /** As {@link #unreachable()}, whichever database this JVM's tests run on. */
    public static synchronized Optional<String> postgresqlUnreachable() {
        if (!checked) {
            checked = true;
            try (Connection connection = server()) {
                dropStaleSchemas(connection);
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropSchemas, "drop-test-schemas"));
            } catch (SQLException e) {
                unreachable = "PostgreSQL is not reachable at " + postgresUrl() + " as " + user(DatabaseKind.POSTGRESQL) + " (" + e.getMessage()
                        + "). Start it and create the test role and database as .ci/run does (pg_ctlcluster 15 main start, then as"
                        + " postgres: CREATE ROLE empreinte LOGIN PASSWORD 'empreinte'; CREATE DATABASE empreinte_test OWNER empreinte),"
                        + " or point EMPREINTE_TEST_POSTGRES_URL, _USER and _PASSWORD at a server.";
                System.err.println("\n*** " + unreachable + (onCi() ? " CI is set: these tests FAIL.\n" : " Its tests are SKIPPED.\n"));
            }
        }
        return Optional.ofNullable(unreachable);
    }

    /** On CI a skip would pass for green: there an unreachable server fails the tests instead. */
    public static boolean onCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank();
    }

    /** Skips the test (fails it on CI) when the server cannot be reached. */
    private static void requireServer() {
        Optional<String> reason = postgresqlUnreachable();
        if (reason.isPresent()) {
            if (onCi()) {
                throw new IllegalStateException(reason.get() + " CI is set: the PostgreSQL run must not be skipped.");
            }
            Assumptions.abort(reason.get() + " Skipped.");
        }
    }

    private static void dropStaleSchemas(Connection connection) throws SQLException {
        long before = Instant.now().minus(STALE_AFTER).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + SCHEMA_PREFIX + "%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length == 3 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < before) {
                    stale.add(rs.getString(1));
                }
            }
        }
        drop(connection, stale);
    }

    /** Drops the schema standing for this file now, rather than when the JVM ends: a benchmark's millions of rows. */
    public static void dropSchema(Path file) {
        String schema = SCHEMAS.remove(file.toAbsolutePath());
        if (schema != null) {
            try (Connection connection = server()) {
                drop(connection, List.of(schema));
            } catch (SQLException e) {
                System.err.println("test schema " + schema + " not dropped: " + e.getMessage());
            }
        }
    }

    private static void dropSchemas() {
        try (Connection connection = server()) {
            drop(connection, new ArrayList<>(SCHEMAS.values()));
        } catch (SQLException e) {
            System.err.println("test schemas not dropped: " + e.getMessage());
        }
    }

    private static void drop(Connection connection, List<String> schemas) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // An application a test left running would hold its locks: give up on its schema rather than hang.
            statement.execute("SET lock_timeout = '5s'");
            for (String schema : schemas) {
                try {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                } catch (SQLException e) {
                    System.err.println("test schema " + schema + " not dropped: " + e.getMessage());
                }
            }
        }
    }

    /** The footprint service on this database, with a small cache of its own. */
    public static FootprintService footprints(Jdbi jdbi, FactorLibrary library) {
        return new FootprintService(jdbi, library, org.empreinte.factor.UncertaintyTable.none(), figures(jdbi), new ReportCache(100, Duration.ofMinutes(5)));
    }

    public static YearlyFigures figures(Jdbi jdbi) {
        return new YearlyFigures(jdbi, units(jdbi, Clock.systemUTC()), Clock.systemUTC());
    }

    /** The unit of work every write goes through, with its audit trail, as the application wires it. */
    public static UnitOfWork units(Jdbi jdbi, Clock clock) {
        return new UnitOfWork(jdbi, new AuditTrail(jdbi, Jackson.newObjectMapper(), clock));
    }

    /**
     * The organization service of a test that logs no activity through it: changing a region recomputes
     * nothing, and every caller sees every organization (the tests call it as the database's owner).
     */
    public static OrganizationService organizations(Jdbi jdbi, Clock clock) {
        return new OrganizationService(jdbi, units(jdbi, clock), clock, organizationId -> List.of(), new OrganizationAccess() {
            @Override
            public Set<Long> visible(Principal who) {
                return null;
            }

            @Override
            public void created(long organizationId, Principal who) {
            }
        });
    }

    /**
     * Runs a statement a test expects the database to refuse, inside a savepoint of the test's transaction: after a
     * failed statement PostgreSQL refuses every further one of the transaction until it rolls back (SQLite does not),
     * so the test can go on to check what is stored. Rethrows what the statement threw.
     */
    public static void inSavepoint(Handle handle, ThrowingCallable statement) throws Throwable {
        handle.savepoint("expected_refusal");
        try {
            statement.call();
        } finally {
            handle.rollbackToSavepoint("expected_refusal");
        }
    }

    public static int count(Handle handle, String table) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one();
    }

    public static int count(Handle handle, String table, String where, Object value) {
        return handle.createQuery("SELECT COUNT(*) FROM " + table + " WHERE " + where + " = :value")
                .bind("value", value).mapTo(Integer.class).one();
    }
}
