package org.empreinte.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows an import stored for one organization, read back (activities, tags, monthly shares, result keys, running
 * totals), and the ceiling of the import: the same values written again with plain JDBC batches in one transaction,
 * activity ids read back as the import reads them, on a new database with the service's connection settings
 * (multi-row inserts on PostgreSQL, as its pool sends batches).
 */
record StoredRows(List<String> activityColumns, List<Object[]> activities, List<Object[]> tags, List<Object[]> months,
        Table keys, Table totals, Table tagTotals) {

    private static final int BATCH = 1_000;

    /** A table's columns and rows, as read. */
    record Table(String name, List<String> columns, List<Object[]> rows) {

        static Table read(Connection c, String name, String where) throws Exception {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + name + " WHERE " + where)) {
                List<String> columns = StoredRows.columns(rs.getMetaData());
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(StoredRows.values(rs, 1, columns.size()));
                }
                return new Table(name, columns, rows);
            }
        }

        String insert() {
            return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        }
    }

    int rowCount() {
        return activities.size() + tags.size() + months.size() + totals.rows().size() + tagTotals.rows().size();
    }

    static StoredRows read(Connection c, long organizationId) throws Exception {
        String ofOrganization = "organization_id = " + organizationId;
        List<String> columns;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM activity WHERE 1 = 0")) {
            columns = columns(rs.getMetaData());
            columns.remove("id");
        }
        // activity id to its position, for the tags and monthly shares
        Map<Long, Integer> position = new HashMap<>();
        List<Object[]> activities = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, " + String.join(", ", columns)
                + " FROM activity WHERE " + ofOrganization + " ORDER BY id")) {
            while (rs.next()) {
                position.put(rs.getLong(1), activities.size());
                activities.add(values(rs, 2, columns.size()));
            }
        }
        List<Object[]> tags = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT t.activity_id, t.tag FROM activity_tag t"
                + " JOIN activity a ON a.id = t.activity_id WHERE a." + ofOrganization)) {
            while (rs.next()) {
                tags.add(new Object[] {position.get(rs.getLong(1)), rs.getString(2)});
            }
        }
        List<Object[]> months = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT activity_id, organization_id, month, first_day,"
                + " last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg FROM activity_month WHERE "
                + ofOrganization)) {
            while (rs.next()) {
                Object[] month = values(rs, 1, 10);
                month[0] = position.get(rs.getLong(1));
                months.add(month);
            }
        }
        return new StoredRows(columns, activities, tags, months, Table.read(c, "activity_result_key", ofOrganization),
                Table.read(c, "activity_total", ofOrganization), Table.read(c, "activity_tag_total", ofOrganization));
    }

    /**
     * Writes the rows again on {@code target} (migrated here, with the organization and its result keys written
     * before the clock starts, as they were before the import): nanoseconds.
     */
    long insertInto(BenchDatabase target) throws Exception {
        int importColumn = activityColumns.indexOf("import_id");
        Object organizationId = activities.get(0)[activityColumns.indexOf("organization_id")];
        try (Connection c = target.migrated()) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO organization (id, name, sector, region, employees, created_at, updated_at)"
                        + " VALUES (" + organizationId + ", 'Raw', '624410', 'CA-QC', 10, 'now', 'now')");
            }
            try (PreparedStatement key = c.prepareStatement(keys.insert())) {
                batch(key, keys.rows(), values -> bind(key, values, 0));
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement upload = c.prepareStatement("INSERT INTO activity_import (organization_id, sha256, file_name,"
                    + " row_count, imported_at) VALUES (?, 'raw', 'raw.csv', ?, 'now') RETURNING id");
                    PreparedStatement activity = c.prepareStatement("INSERT INTO activity (" + String.join(", ", activityColumns)
                            + ") VALUES (" + "?, ".repeat(activityColumns.size() - 1) + "?)");
                    PreparedStatement ids = c.prepareStatement("SELECT id FROM activity WHERE import_id = ? ORDER BY id");
                    PreparedStatement tag = c.prepareStatement("INSERT INTO activity_tag (activity_id, tag) VALUES (?, ?)");
                    PreparedStatement month = c.prepareStatement("INSERT INTO activity_month (activity_id, organization_id, month,"
                            + " first_day, last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement total = c.prepareStatement(totals.insert());
                    PreparedStatement tagTotal = c.prepareStatement(tagTotals.insert())) {
                upload.setObject(1, organizationId);
                upload.setInt(2, activities.size());
                long importId;
                try (ResultSet keys = upload.executeQuery()) {
                    keys.next();
                    importId = keys.getLong(1);
                }
                batch(activity, activities, values -> {
                    for (int i = 0; i < values.length; i++) {
                        activity.setObject(i + 1, i == importColumn ? importId : values[i]);
                    }
                });
                long[] id = new long[activities.size()];
                ids.setLong(1, importId);
                try (ResultSet result = ids.executeQuery()) {
                    for (int i = 0; result.next(); i++) {
                        id[i] = result.getLong(1);
                    }
                }
                batch(tag, tags, values -> {
                    tag.setLong(1, id[(Integer) values[0]]);
                    tag.setObject(2, values[1]);
                });
                batch(month, months, values -> {
                    month.setLong(1, id[(Integer) values[0]]);
                    bind(month, values, 1);
                });
                batch(total, totals.rows(), values -> bind(total, values, 0));
                batch(tagTotal, tagTotals.rows(), values -> bind(tagTotal, values, 0));
                c.commit();
                return System.nanoTime() - t0;
            }
        }
    }

    private static void bind(PreparedStatement statement, Object[] values, int from) throws Exception {
        for (int i = from; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private static List<String> columns(ResultSetMetaData meta) throws Exception {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
        }
        return columns;
    }

    private static Object[] values(ResultSet rs, int from, int count) throws Exception {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = rs.getObject(from + i);
        }
        return values;
    }

    private interface Binder {
        void bind(Object[] values) throws Exception;
    }

    private static void batch(PreparedStatement statement, List<Object[]> rows, Binder binder) throws Exception {
        for (int i = 0; i < rows.size(); i++) {
            binder.bind(rows.get(i));
            statement.addBatch();
            if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
                statement.executeBatch();
            }
        }
    }
}
