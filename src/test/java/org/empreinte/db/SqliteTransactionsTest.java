package org.empreinte.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A commit through the service's pool leaves the SQLite write lock free, so another writer may take it at once; a
 * plain sqlite-jdbc connection, for contrast, takes it again in its commit (the driver's COMMIT then BEGIN IMMEDIATE),
 * which is what answered a stored write 503 while an import held the lock. Writers waiting for the lock queue in the
 * JVM and get it in their order of arrival, the moment it is left; past the busy time-out they get SQLITE_BUSY.
 */
@Tiers.Database
@Tiers.SqliteOnly // sqlite-jdbc's commit and SQLite's single write lock; PostgreSQL has neither
class SqliteTransactionsTest {

    private final Path file = TestApp.temporaryDatabase("commit");
    private final String url = "jdbc:sqlite:" + file.toAbsolutePath();

    @Test
    void aCommitThroughThePoolLeavesTheWriteLockFree() throws Exception {
        ManagedDataSource pool = pool(4, 5_000);
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
    void waitingWritersGetTheLockInTheirOrderOfArrival() throws Exception {
        ManagedDataSource pool = pool(5, 5_000);
        try (Connection first = pool.getConnection()) {
            create(first);
            first.setAutoCommit(false);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<?>> writers = new ArrayList<>();
            try {
                for (int w = 1; w <= 3; w++) {
                    int writer = w;
                    writers.add(threads.submit(() -> {
                        try (Connection c = pool.getConnection()) {
                            c.setAutoCommit(false);
                            order.add("writer " + writer);
                            try (Statement statement = c.createStatement()) {
                                statement.executeUpdate("INSERT INTO t (x) VALUES (" + writer + ")");
                            }
                            c.commit();
                            c.setAutoCommit(true);
                        }
                        return null;
                    }));
                    // The next one arrives only once this one waits in the queue.
                    long deadline = System.nanoTime() + 5_000_000_000L;
                    while (SqliteTransactions.waiting(url) < writer && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                    }
                    assertThat(SqliteTransactions.waiting(url)).isEqualTo(writer);
                }
                first.commit();
                first.setAutoCommit(true);
                for (Future<?> writer : writers) {
                    writer.get(10, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(order).containsExactly("writer 1", "writer 2", "writer 3");
            assertThat(count(first)).isEqualTo(3);
        } finally {
            pool.stop();
        }
    }

    @Test
    void aWriterWaitingPastTheBusyTimeOutIsToldTheDatabaseIsBusy() throws Exception {
        ManagedDataSource pool = pool(2, 300);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            create(first);
            first.setAutoCommit(false);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> second.setAutoCommit(false)).isInstanceOfSatisfying(SQLiteException.class,
                    e -> assertThat(e.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_BUSY));
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(250L, 4_000L);
            first.commit();
            first.setAutoCommit(true);
            // Refused, it holds nothing: it may try again and write.
            second.setAutoCommit(false);
            try (Statement statement = second.createStatement()) {
                statement.executeUpdate("INSERT INTO t (x) VALUES (2)");
            }
            second.commit();
            second.setAutoCommit(true);
            assertThat(count(first)).isEqualTo(1);
        } finally {
            pool.stop();
        }
    }

    private ManagedDataSource pool(int size, int busyTimeoutMs) throws Exception {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setUrl(url);
        factory.setMaxSize(size);
        factory.setProperties(java.util.Map.of("busy_timeout", Integer.toString(busyTimeoutMs)));
        DatabaseKind.prepare(factory);
        ManagedDataSource pool = factory.build(new MetricRegistry(), "transactions-test-" + size);
        pool.start();
        return pool;
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
