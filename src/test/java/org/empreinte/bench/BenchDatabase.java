package org.empreinte.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.empreinte.db.DatabaseKind;
import org.empreinte.db.DatabaseSetup;
import org.empreinte.db.TestDatabase;

/**
 * A database a benchmark writes and points the service at: a SQLite file, or a PostgreSQL schema of its own in the
 * test database (the tests' server and login, {@link TestDatabase}), dropped by {@link #close}. Connections get the
 * settings the service's pool gives that database.
 */
record BenchDatabase(DatabaseKind kind, Path file, String url) implements AutoCloseable {

    static BenchDatabase create(DatabaseKind kind, Path file) {
        return new BenchDatabase(kind, file, TestDatabase.url(file, kind));
    }

    /** The name the command line and the table use. */
    String label() {
        return kind == DatabaseKind.SQLITE ? "SQLite" : "PostgreSQL";
    }

    Properties properties() {
        return TestDatabase.connectionProperties(kind);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, properties());
    }

    Connection migrated() throws SQLException {
        Connection c = connect();
        DatabaseSetup.migrate(c);
        return c;
    }

    /** The environment that points the service at this database (config.yml's DATABASE_URL and login). */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DATABASE_URL", url);
        if (kind == DatabaseKind.POSTGRESQL) {
            environment.put("DATABASE_USER", TestDatabase.user(kind));
            environment.put("DATABASE_PASSWORD", TestDatabase.password(kind));
        }
        return environment;
    }

    /** Statistics for the planner after a bulk load, as both databases' documentation advises. */
    void analyze(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(kind == DatabaseKind.SQLITE ? "ANALYZE" : "VACUUM ANALYZE");
        }
    }

    @Override
    public void close() {
        if (kind == DatabaseKind.POSTGRESQL) {
            TestDatabase.dropSchema(file);
        }
    }
}
