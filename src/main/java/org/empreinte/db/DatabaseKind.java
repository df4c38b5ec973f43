package org.empreinte.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.jdbi.v3.core.Handle;

import io.dropwizard.db.DataSourceFactory;

/**
 * The two databases Empreinte runs on, told apart by the JDBC URL, and everything that must differ between
 * them (the DESIGN rule: such differences live in this package, each with its reason). The SQL of the DAOs
 * is written once, in what both accept.
 */
public enum DatabaseKind {

    /** The embedded default: one file, one writer at a time. */
    SQLITE("jdbc:sqlite:", "org.sqlite.JDBC"),
    /** For networks that outgrow one writer, or several service instances on one database. */
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver");

    /**
     * SQLite's settings, applied by its driver to every connection it opens. They are SQLite pragmas and
     * sqlite-jdbc options: PostgreSQL's driver would refuse or ignore them, so they are given only to SQLite
     * connections, here rather than in config.yml, where they would reach every database.
     */
    private static final Map<String, String> SQLITE_PROPERTIES = sqliteProperties();

    private final String urlPrefix;
    private final String driverClass;

    DatabaseKind(String urlPrefix, String driverClass) {
        this.urlPrefix = urlPrefix;
        this.driverClass = driverClass;
    }

    private static Map<String, String> sqliteProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        // Without it SQLite ignores every REFERENCES clause, cascades included.
        properties.put("foreign_keys", "true");
        // Readers do not wait for the writer, nor the writer for readers.
        properties.put("journal_mode", "WAL");
        properties.put("synchronous", "NORMAL");
        // A writer waits up to 5 s for the single write lock before SQLITE_BUSY (answered 503, see web.DatabaseBusy).
        properties.put("busy_timeout", "5000");
        // A transaction takes the write lock when it begins: one that read first and then wrote could
        // otherwise fail at its first write, past the busy time-out's help.
        properties.put("transaction_mode", "IMMEDIATE");
        // Reports read many pages: mapped into memory they are read without a system call each (256 MiB
        // of address space, not of memory), and grouping sorts in memory rather than in temporary files.
        properties.put("mmap_size", "268435456");
        properties.put("temp_store", "MEMORY");
        return Map.copyOf(properties);
    }

    /** The database this URL names; refuses one Empreinte has never run on rather than fail later in SQL. */
    public static DatabaseKind of(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (lower.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unsupported database URL " + url
                + ": Empreinte runs on SQLite (jdbc:sqlite:FILE) or PostgreSQL (jdbc:postgresql://HOST/DATABASE)");
    }

    public String driverClass() {
        return driverClass;
    }

    /**
     * The connection properties of this database: SQLite's pragmas (foreign keys, WAL, busy time-out...); for
     * PostgreSQL, batched inserts sent as multi-row INSERTs (an import's staged rows, a copy), several times as fast
     * as one statement a row. That makes a batch's update counts unknown (SUCCESS_NO_INFO): nothing here reads them.
     */
    public Map<String, String> connectionProperties() {
        return this == SQLITE ? SQLITE_PROPERTIES : Map.of("reWriteBatchedInserts", "true");
    }

    /**
     * Completes the pool's settings from its URL, so that {@code DATABASE_URL} alone picks the database: the
     * driver (unless one is named), this database's connection properties (those set in the configuration
     * win), and no user or password when they are empty (config.yml reads them from an environment that
     * usually has none for SQLite).
     */
    public static DatabaseKind prepare(DataSourceFactory dataSource) {
        DatabaseKind kind = of(dataSource.getUrl());
        if (dataSource.getDriverClass() == null || dataSource.getDriverClass().isBlank()) {
            dataSource.setDriverClass(kind.driverClass);
        }
        Map<String, String> properties = new LinkedHashMap<>(kind.connectionProperties());
        properties.putAll(dataSource.getProperties());
        dataSource.setProperties(properties);
        if (kind == SQLITE) {
            String others = dataSource.getJdbcInterceptors().orElse("");
            if (!others.contains(SqliteTransactions.class.getName())) {
                dataSource.setJdbcInterceptors(Optional.of(
                        (others.isBlank() ? "" : others + ";") + SqliteTransactions.class.getName()));
            }
        }
        if (dataSource.getUser() != null && dataSource.getUser().isBlank()) {
            dataSource.setUser(null);
        }
        if (dataSource.getPassword() != null && dataSource.getPassword().isEmpty()) {
            dataSource.setPassword(null);
        }
        return kind;
    }

    /** A plain connection, outside any pool, with the pool's settings: for a command that copies or backs up a whole database. */
    public static Connection connect(DataSourceFactory dataSource) throws SQLException {
        prepare(dataSource);
        Properties properties = new Properties();
        properties.putAll(dataSource.getProperties());
        if (dataSource.getUser() != null) {
            properties.setProperty("user", dataSource.getUser());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        return DriverManager.getConnection(dataSource.getUrl(), properties);
    }

    /** The database behind this handle's connection. */
    public static DatabaseKind of(Handle handle) {
        try {
            return of(handle.getConnection().getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's URL", e);
        }
    }

    /**
     * After rows were inserted with their ids (a copy), makes the table's next generated id follow the largest.
     * SQLite takes the largest stored id plus one by itself; a PostgreSQL identity column counts on its own
     * sequence, which explicit ids do not advance, so the next insert would collide with a copied row.
     */
    public void restartIdentityAfterMax(Connection connection, String table) throws SQLException {
        if (this != POSTGRESQL) {
            return;
        }
        String sequence;
        String column;
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT pg_get_serial_sequence(?, a.attname), a.attname FROM pg_attribute a"
                        + " WHERE a.attrelid = CAST(? AS regclass) AND a.attidentity <> '' AND NOT a.attisdropped")) {
            find.setString(1, table);
            find.setString(2, table);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                sequence = rs.getString(1);
                column = rs.getString(2);
            }
        }
        try (Statement statement = connection.createStatement()) {
            // setval(seq, max, true): the next value is max + 1; an empty table keeps the sequence's start.
            statement.execute("SELECT setval('" + sequence.replace("'", "''") + "', m) FROM (SELECT MAX(" + column + ") AS m FROM "
                    + table + ") t WHERE m IS NOT NULL");
        }
    }

    /**
     * After a bulk write (an import's publication), has the database look at the tables again. PostgreSQL plans
     * each query from statistics that autovacuum refreshes only a minute or so later: a report or a join planned
     * in between, on tables it still believes nearly empty, took a nested loop over 170,000 activities and ran
     * for minutes where a hash join takes a fraction of a second. SQLite plans from its indexes alone.
     */
    public void refreshStatistics(Handle handle, String... tables) {
        if (this == POSTGRESQL) {
            handle.execute("ANALYZE " + String.join(", ", tables));
        }
    }

    /**
     * Makes the rows this transaction inserts into {@code table} next get consecutive ids, for a publication
     * that numbers dependent rows as the first id plus their place. SQLite gives them anyway: it numbers the
     * rows of one INSERT in order while its single writer is held. PostgreSQL's identity sequence hands out
     * numbers to concurrent transactions interleaved, so there the table is locked against other writers
     * (readers go on) until this transaction ends.
     */
    public void reserveConsecutiveIds(Handle handle, String table) {
        if (this == POSTGRESQL) {
            handle.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
        }
    }
}
