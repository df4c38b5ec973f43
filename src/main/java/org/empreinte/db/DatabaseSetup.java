package org.empreinte.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.SqlStatements;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.core.setup.Environment;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Opens the pool, brings the schema up to date and hands out the {@link Jdbi} every DAO uses. */
public final class DatabaseSetup {

    public static final String CHANGELOG = "org/empreinte/db/changelog.yml";
    /** One row: the SHA-256 of the change log the schema was last brought up to date with. */
    public static final String FINGERPRINT_TABLE = "schema_fingerprint";

    static {
        // Liquibase (4.30+) otherwise fetches an analytics configuration from the Internet at every
        // migration: members' servers must not call out, and offline it waits for a time-out.
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    private DatabaseSetup() {
    }

    public static Jdbi open(Environment environment, DataSourceFactory dataSource) {
        DatabaseKind.prepare(dataSource);
        Jdbi jdbi = new JdbiFactory().build(environment, dataSource, "database");
        // Dropwizard's engine prepends each statement's DAO method as a comment and lexes the SQL again on
        // every call, bypassing JDBI's template cache: about a fifth of an activity write. JDBI's own engine
        // caches; SQL logs lose the method comment.
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(new DefinedAttributeTemplateEngine());
        jdbi.useHandle(handle -> migrate(handle.getConnection()));
        return jdbi;
    }

    /**
     * Applies every change set not yet applied; the schema is ready before the first request. A database last
     * migrated with this very change log (its SHA-256 kept in {@link #FINGERPRINT_TABLE}) is left to itself:
     * Liquibase took about 1.8 s of a 6.4 s start-up to find nothing to do (loading its classes, parsing the log,
     * locking, reading its history). Any other change log, one more change set or one edited, goes through
     * Liquibase, which applies or refuses it as before.
     */
    @SuppressWarnings("deprecation") // Liquibase's command API needs the same objects; this form is the documented embedding
    public static void migrate(Connection connection) {
        try {
            boolean autoCommit = connection.getAutoCommit();
            try {
                String fingerprint = changelogFingerprint();
                if (fingerprint.equals(migratedFingerprint(connection))) {
                    return;
                }
                liquibase.database.Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database).update("");
                connection.setAutoCommit(true);
                recordFingerprint(connection, fingerprint);
            } finally {
                // Liquibase leaves the connection in manual-commit mode; the pool must get it back as it lent it.
                connection.setAutoCommit(autoCommit);
            }
        } catch (LiquibaseException | SQLException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of the change log this build carries. */
    static String changelogFingerprint() {
        try (InputStream in = DatabaseSetup.class.getClassLoader().getResourceAsStream(CHANGELOG)) {
            if (in == null) {
                throw new IllegalStateException("the change log " + CHANGELOG + " is not on the class path");
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fingerprint of the change log the database was last migrated with; null for a new or older database. */
    static String migratedFingerprint(Connection connection) throws SQLException {
        if (!hasFingerprintTable(connection)) {
            return null;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT changelog_sha256 FROM " + FINGERPRINT_TABLE + " WHERE id = 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static boolean hasFingerprintTable(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        // PostgreSQL's catalogue keeps unquoted names in lower case, SQLite as written: both are lower case here.
        try (ResultSet tables = meta.getTables(null, connection.getSchema(), FINGERPRINT_TABLE, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /**
     * Outside the change log on purpose: it is written after Liquibase has finished, and a change set cannot record
     * the hash of the file that holds it.
     */
    private static void recordFingerprint(Connection connection, String fingerprint) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + FINGERPRINT_TABLE
                    + " (id INTEGER PRIMARY KEY, changelog_sha256 VARCHAR(64) NOT NULL)");
            statement.execute("DELETE FROM " + FINGERPRINT_TABLE);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + FINGERPRINT_TABLE + " (id, changelog_sha256) VALUES (1, ?)")) {
            insert.setString(1, fingerprint);
            insert.executeUpdate();
        }
    }
}
