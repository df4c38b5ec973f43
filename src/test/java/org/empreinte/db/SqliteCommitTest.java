package org.empreinte.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import org.junit.jupiter.api.Test;

import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A commit through the service's pool leaves the SQLite write lock free, so another writer may take it at once; a
 * plain sqlite-jdbc connection, for contrast, takes it again in its commit (the driver's COMMIT then BEGIN IMMEDIATE),
 * which is what answered a stored write 503 while an import held the lock.
 */
@Tiers.Database
@Tiers.SqliteOnly // sqlite-jdbc's commit and SQLite's single write lock; PostgreSQL has neither
class SqliteCommitTest {

    private final Path file = TestApp.temporaryDatabase("commit");
    private final String url = "jdbc:sqlite:" + file.toAbsolutePath();

    @Test
    void aCommitThroughThePoolLeavesTheWriteLockFree() throws Exception {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setUrl(url);
        DatabaseKind.prepare(factory);
        ManagedDataSource pool = factory.build(new MetricRegistry(), "commit-test");
        pool.start();
        try (Connection writer = pool.getConnection()) {
            create(writer);
            writer.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
                statement.executeUpdate("INSERT INTO t (x) VALUES (1)");
            }
            writer.commit();

            // Before the writer turns auto-commit back on, as JDBI does after its commit: the lock is free.
            try (Connection other = noWaiting()) {
                takeTheWriteLock(other);
                assertThat(count(other)).isEqualTo(1);
            }
            writer.setAutoCommit(true);
        } finally {
            pool.stop();
        }
    }

    @Test
    void aPlainSqliteJdbcCommitTakesTheWriteLockAgain() throws Exception {
        Properties properties = new Properties();
        properties.putAll(DatabaseKind.SQLITE.connectionProperties());
        try (Connection writer = DriverManager.getConnection(url, properties)) {
            create(writer);
            writer.setAutoCommit(false);
            try (Statement statement = writer.createStatement()) {
                statement.executeUpdate("INSERT INTO t (x) VALUES (1)");
            }
            writer.commit();
            try (Connection other = noWaiting()) {
                assertThatThrownBy(() -> takeTheWriteLock(other)).isInstanceOf(SQLException.class).hasMessageContaining("BUSY");
            }
            writer.setAutoCommit(true);
        }
    }

    private static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)");
        }
    }

    /** A connection that fails at once rather than wait for the lock. */
    private Connection noWaiting() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", "0");
        return DriverManager.getConnection(url, properties);
    }

    private static void takeTheWriteLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("COMMIT");
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
