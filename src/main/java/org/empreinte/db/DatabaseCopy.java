package org.empreinte.db;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies every row of one Empreinte database into another, empty one of the same schema (a SQLite file into
 * PostgreSQL, typically), then checks the copy. Generic over the tables: it reads them, their columns and their
 * foreign keys from the target's catalogue, so a table added by a later change set is copied without a change here.
 *
 * <p>One transaction on the target: a copy that fails half-way leaves it empty, ready for another attempt.
 */
public final class DatabaseCopy {

    /** Liquibase's own tables and the change log's fingerprint: each database has its own, written by its migration. */
    private static final Set<String> SKIPPED = Set.of("databasechangelog", "databasechangeloglock",
            DatabaseSetup.FINGERPRINT_TABLE);
    private static final int BATCH = 1000;
    /** Sums of the same doubles in another order may differ in their last bits; a lost row moves them far more. */
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private final Connection source;
    private final Connection target;
    private final PrintStream out;

    public DatabaseCopy(Connection source, Connection target, PrintStream out) {
        this.source = source;
        this.target = target;
        this.out = out;
    }

    /** What a verification found: nothing when the two databases hold the same. */
    public record Verification(List<String> mismatches, int tables, int organizationYears) {
        public boolean equal() {
            return mismatches.isEmpty();
        }
    }

    /**
     * Copies the rows, table by table in foreign-key order, in batches, and sets the target's id counters past
     * the largest copied id.
     *
     * @return the rows copied per table, in the order copied
     * @throws IllegalStateException if the target already holds rows, or lacks a table of the source
     */
    public Map<String, Long> copy() throws SQLException {
        List<String> tables = tablesInForeignKeyOrder(target);
        Set<String> sourceTables = tables(source);
        sourceTables.removeAll(tables);
        if (!sourceTables.isEmpty()) {
            throw new IllegalStateException("the target has no table " + sourceTables + ": is it migrated to the same version?");
        }
        for (String table : tables) {
            if (count(target, table) > 0) {
                throw new IllegalStateException("the target is not empty: table " + table + " holds rows; copy into an empty database");
            }
        }
        DatabaseKind targetKind = DatabaseKind.of(target.getMetaData().getURL());
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        Map<String, Long> copied = new LinkedHashMap<>();
        try {
            for (String table : tables) {
                long rows = copyTable(table);
                copied.put(table, rows);
                targetKind.restartIdentityAfterMax(target, table);
                out.printf(Locale.ROOT, "%-28s %,12d rows%n", table, rows);
            }
            target.commit();
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
        return copied;
    }

    private long copyTable(String table) throws SQLException {
        Map<String, Integer> columns = columns(target, table);
        String names = String.join(", ", columns.keySet().stream().map(DatabaseCopy::quoted).toList());
        String insert = "INSERT INTO " + quoted(table) + " (" + names + ") VALUES ("
                + String.join(", ", columns.keySet().stream().map(c -> "?").toList()) + ")";
        List<Integer> types = new ArrayList<>(columns.values());
        long rows = 0;
        try (Statement read = source.createStatement();
                ResultSet rs = read.executeQuery("SELECT " + names + " FROM " + quoted(table));
                PreparedStatement write = target.prepareStatement(insert)) {
            while (rs.next()) {
                for (int i = 0; i < types.size(); i++) {
                    Object value = rs.getObject(i + 1);
                    // The target's type, not the value's: SQLite gives 0/1 for a BOOLEAN and an Integer for a
                    // small BIGINT, which PostgreSQL's driver converts only when told the column's type.
                    if (value == null) {
                        write.setNull(i + 1, types.get(i));
                    } else {
                        write.setObject(i + 1, value, types.get(i));
                    }
                }
                write.addBatch();
                if (++rows % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    /** Row counts per table and every organization's yearly totals, on both sides. */
    public Verification verify() throws SQLException {
        List<String> mismatches = new ArrayList<>();
        List<String> tables = tablesInForeignKeyOrder(target);
        for (String table : tables) {
            long from = count(source, table);
            long to = count(target, table);
            if (from != to) {
                mismatches.add(String.format(Locale.ROOT, "table %s: %,d rows in the source, %,d in the target", table, from, to));
            }
        }
        Map<String, Double> sourceTotals = yearlyTotals(source);
        Map<String, Double> targetTotals = yearlyTotals(target);
        Set<String> keys = new LinkedHashSet<>(sourceTotals.keySet());
        keys.addAll(targetTotals.keySet());
        for (String key : keys) {
            double from = sourceTotals.getOrDefault(key, 0.0);
            double to = targetTotals.getOrDefault(key, 0.0);
            if (Math.abs(from - to) > RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(from))) {
                mismatches.add(String.format(Locale.ROOT, "%s: %.6f kg CO2e in the source, %.6f in the target", key, from, to));
            }
        }
        return new Verification(mismatches, tables.size(), (int) keys.stream().filter(k -> !k.endsWith(RUNNING)).count());
    }

    /** How a yearly total read from the running totals is told from the same year summed over the shares. */
    private static final String RUNNING = " (running totals)";

    /**
     * Each organization's total per calendar year: one sum over the stored monthly shares, and one over the running
     * totals that reports read (change set 16-running-totals). SUBSTR and SUM read alike on both databases.
     */
    private static Map<String, Double> yearlyTotals(Connection connection) throws SQLException {
        Map<String, Double> totals = new TreeMap<>();
        // Every line's shares: the activities' own, and their other lines' (change set 18-activity-lines).
        String shares = "(SELECT organization_id, month, co2e_kg FROM activity_month"
                + " UNION ALL SELECT organization_id, month, co2e_kg FROM activity_line_month) s";
        for (String table : List.of(shares, "activity_total")) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT organization_id, SUBSTR(month, 1, 4) AS year, SUM(co2e_kg)"
                            + " FROM " + table + " GROUP BY organization_id, SUBSTR(month, 1, 4)")) {
                while (rs.next()) {
                    totals.put("organization " + rs.getLong(1) + ", year " + rs.getString(2)
                            + (table.equals("activity_total") ? RUNNING : ""), rs.getDouble(3));
                }
            }
        }
        return totals;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quoted(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(table) && !table.startsWith("sqlite_")) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** The tables, each after every table its foreign keys refer to, so that inserts never meet a missing parent. */
    static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>(tables(connection));
        DatabaseMetaData metaData = connection.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String table : tables) {
            Set<String> referenced = new LinkedHashSet<>();
            try (ResultSet rs = metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table)) {
                        referenced.add(parent);
                    }
                }
            }
            parents.put(table, referenced);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!ordered.contains(table) && ordered.containsAll(parents.get(table))) {
                    ordered.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + tables + " less " + ordered);
            }
        }
        return ordered;
    }

    private static Map<String, Integer> columns(Connection connection, String table) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
            }
        }
        return columns;
    }

    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }
}
