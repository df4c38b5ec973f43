package org.empreinte.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.empreinte.activity.ActivityDao;
import org.empreinte.activity.RunningTotals;
import org.empreinte.db.DatabaseKind;

/**
 * Writes organizations and their activities in bulk, as the service would store them: each activity with its result
 * key, tags and monthly shares (prorated by days, as the calculation core does), then the running totals filled by
 * the service's own SQL ({@link RunningTotals#fillAll}). Rows go with explicit ids through batched inserts on SQLite
 * and through COPY on PostgreSQL (its driver's {@link CopyManager}), several times as fast as inserts there.
 *
 * <p>{@link #write(Generated)} is the one place that turns an activity into rows: a change to how activities are
 * stored changes it, and {@code ScaleBenchmark} checks the result (a report over generated data equals the plain sum of
 * the generated activities).
 */
final class BenchData implements AutoCloseable {

    /** What the generated activities are: real factor ids and values of the shipped sets. */
    record Kind(String type, int scope, String category, String factorId, String set, String unit, double perUnit,
            double co2Share, double ch4Share, double n2oShare, double minQuantity, double maxQuantity, boolean bill) {
    }

    static final Kind[] KINDS = {
        new Kind("electricity", 2, "purchased_electricity", "eccc-electricity-ca-qc-2018", "eccc-canada", "kWh", 0.0017, 0, 0, 0,
                500, 40_000, true),
        new Kind("electricity", 2, "purchased_electricity", "eccc-electricity-ca-on-2018", "eccc-canada", "kWh", 0.030, 0, 0, 0,
                500, 20_000, true),
        new Kind("natural_gas", 1, "stationary_combustion", "eccc-natural-gas-ca-qc", "eccc-canada", "m3", 1.936311,
                1.926 / 1.936311, 0.001036 / 1.936311, 0.009275 / 1.936311, 100, 5_000, true),
        new Kind("flight", 3, "business_travel", "desnz-2024-flight-long-economy-rf", "desnz-2024", "km", 0.20011,
                0.19911 / 0.20011, 0.00001 / 0.20011, 0.00099 / 0.20011, 1_000, 12_000, false),
        new Kind("hotel", 3, "business_travel", "desnz-2024-hotel-ca", "desnz-2024", "night", 7.4, 0, 0, 0, 1, 20, false),
        new Kind("purchase", 3, "purchased_goods", "useeio-111110", "useeio-1.3", "USD2022", 0.532, 0, 0, 0, 100, 50_000, false),
    };

    /** One activity as the service would have computed it; {@code siteId} null for none. */
    record Generated(long organizationId, Long siteId, Kind kind, double quantity, LocalDate start, LocalDate end,
            String quality, List<String> tags) {

        double co2e() {
            return quantity * kind.perUnit();
        }
    }

    /** Rows of one table, sent when {@link #flush} is called: flushed in the order of the foreign keys. */
    private interface Table {
        void row(Object... values) throws SQLException;

        void flush() throws SQLException;
    }

    private static final String NOW = "2025-01-15T12:00:00Z";
    /** Activities between two flushes (and commits). */
    private static final int CHUNK = 5_000;

    private final BenchDatabase database;
    private final Connection connection;
    private final Random random;
    private final Table organizations;
    private final Table sites;
    private final Table keys;
    private final Table activities;
    private final Table tags;
    private final Table months;
    private final Map<List<Object>, Long> keyIds = new HashMap<>();
    private long nextOrganization;
    private long nextSite;
    private long nextKey;
    private long nextActivity;
    private int pending;
    private long written;

    BenchData(BenchDatabase database, Connection connection, long seed) throws SQLException {
        this.database = database;
        this.connection = connection;
        this.random = new Random(seed);
        connection.setAutoCommit(false);
        organizations = table("organization", "id, name, sector, region, employees, annual_revenue_cad, created_at, updated_at");
        sites = table("site", "id, organization_id, name, region");
        keys = table("activity_result_key", "id, organization_id, scope, category, type, site_id, data_quality, factor_id,"
                + " factor_set, factor_set_version, factor_unit, factor_co2e_per_unit");
        activities = table("activity", "id, " + ActivityDao.WRITTEN_LIST + ", result_key, created_at, updated_at");
        tags = table("activity_tag", "activity_id, tag");
        months = table("activity_month", "activity_id, organization_id, month, first_day, last_day, co2e_kg, co2_co2e_kg,"
                + " ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg");
        nextOrganization = max("organization") + 1;
        nextSite = max("site") + 1;
        nextKey = max("activity_result_key") + 1;
        nextActivity = max("activity") + 1;
    }

    /** A new organization (two sites in Québec) with {@code count} activities in {@code year}; returns its id. */
    long organization(String name, int count, int year) throws SQLException {
        long id = nextOrganization++;
        organizations.row(id, name, "624410", "CA-QC", (double) (5 + random.nextInt(200)), (double) (200_000 + random.nextInt(20_000_000)),
                NOW, NOW);
        long firstSite = nextSite;
        for (int s = 0; s < 2; s++) {
            sites.row(nextSite++, id, "Site " + s, "CA-QC");
        }
        for (int i = 0; i < count; i++) {
            write(activity(id, firstSite, year));
        }
        return id;
    }

    /** A random activity of the organization in the year: bills over about a month, trips and purchases of a few days. */
    private Generated activity(long organizationId, long firstSite, int year) {
        Kind kind = KINDS[random.nextInt(KINDS.length)];
        LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
        LocalDate end = start.plusDays(kind.bill() ? 27 + random.nextInt(5) : random.nextInt(4));
        if (end.getYear() > year) {
            end = LocalDate.of(year, 12, 31);
        }
        double quantity = kind.minQuantity() + random.nextDouble() * (kind.maxQuantity() - kind.minQuantity());
        int site = random.nextInt(3);
        return new Generated(organizationId, site == 2 ? null : firstSite + site, kind, quantity, start, end,
                random.nextInt(5) == 0 ? "estimated" : "measured", random.nextInt(10) == 0 ? List.of("sommet") : List.of());
    }

    /** The rows of one activity: its result key (new for the organization, or the one it shares), row, tags, monthly shares. */
    void write(Generated a) throws SQLException {
        Kind kind = a.kind();
        List<Object> key = List.of(a.organizationId(), kind.scope(), kind.category(), kind.type(), a.siteId() == null ? 0L : a.siteId(),
                a.quality(), kind.factorId(), kind.set(), "1", kind.unit(), kind.perUnit());
        Long keyId = keyIds.get(key);
        if (keyId == null) {
            keyId = nextKey++;
            keyIds.put(key, keyId);
            List<Object> row = new ArrayList<>(key);
            row.add(0, keyId);
            keys.row(row.toArray());
        }
        long id = nextActivity++;
        double co2e = a.co2e();
        double unspecified = 1 - kind.co2Share() - kind.ch4Share() - kind.n2oShare();
        // In ActivityDao.WRITTEN's order.
        activities.row(id, a.organizationId(), a.siteId(), kind.type(), a.quantity(), kind.unit(), a.start().toString(),
                a.end().toString(), a.start().toEpochDay(), a.end().toEpochDay(), null, "CA-QC", a.quality(), null, co2e,
                co2e * kind.co2Share(), co2e * kind.ch4Share(), co2e * kind.n2oShare(), co2e * unspecified, kind.scope(),
                kind.category(), kind.factorId(), kind.set(), "1", kind.unit(), kind.perUnit(), a.quantity(), keyId, NOW, NOW);
        for (String tag : a.tags()) {
            tags.row(id, tag);
        }
        long days = a.end().toEpochDay() - a.start().toEpochDay() + 1;
        for (LocalDate first = a.start(); !first.isAfter(a.end()); ) {
            LocalDate monthEnd = YearMonth.from(first).atEndOfMonth();
            LocalDate last = monthEnd.isBefore(a.end()) ? monthEnd : a.end();
            double share = (last.toEpochDay() - first.toEpochDay() + 1.0) / days;
            months.row(id, a.organizationId(), YearMonth.from(first).toString(), first.toEpochDay(), last.toEpochDay(), co2e * share,
                    co2e * kind.co2Share() * share, co2e * kind.ch4Share() * share, co2e * kind.n2oShare() * share,
                    co2e * unspecified * share);
            first = last.plusDays(1);
        }
        if (++written % 1_000_000 == 0) {
            System.out.printf("%s: %,d activities written%n", database.label(), written);
        }
        if (++pending >= CHUNK) {
            flush();
        }
    }

    long written() {
        return written;
    }

    private void flush() throws SQLException {
        for (Table table : List.of(organizations, sites, keys, activities, tags, months)) {
            table.flush();
        }
        connection.commit();
        pending = 0;
    }

    /**
     * Sends what is left, fills the running totals with the service's SQL, has the identity sequences follow the
     * explicit ids (the service creates rows after), and refreshes the planner's statistics.
     */
    @Override
    public void close() throws SQLException {
        flush();
        long t0 = System.nanoTime();
        RunningTotals.fillAll(connection);
        System.out.printf("%s: running totals filled in %.1f s%n", database.label(), (System.nanoTime() - t0) / 1e9);
        connection.commit();
        for (String table : List.of("organization", "site", "activity_result_key", "activity")) {
            database.kind().restartIdentityAfterMax(connection, table);
        }
        connection.commit();
        connection.setAutoCommit(true);
        database.analyze(connection);
    }

    private long max(String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Table table(String name, String columns) throws SQLException {
        return database.kind() == DatabaseKind.POSTGRESQL ? copy(name, columns) : batch(name, columns);
    }

    private Table batch(String name, String columns) throws SQLException {
        int count = columns.split(",").length;
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + name + " (" + columns + ") VALUES ("
                + "?, ".repeat(count - 1) + "?)");
        return new Table() {
            @Override
            public void row(Object... values) throws SQLException {
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }

            @Override
            public void flush() throws SQLException {
                insert.executeBatch();
            }
        };
    }

    /** COPY's CSV format: NULL unquoted and empty, text quoted with its quotes doubled. */
    private Table copy(String name, String columns) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + name + " (" + columns + ") FROM STDIN (FORMAT csv)";
        StringBuilder rows = new StringBuilder();
        return new Table() {
            @Override
            public void row(Object... values) {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        rows.append(',');
                    }
                    Object value = values[i];
                    if (value instanceof String text) {
                        rows.append('"').append(text.replace("\"", "\"\"")).append('"');
                    } else if (value != null) {
                        rows.append(value);
                    }
                }
                rows.append('\n');
            }

            @Override
            public void flush() throws SQLException {
                if (rows.isEmpty()) {
                    return;
                }
                try {
                    copy.copyIn(sql, new StringReader(rows.toString()));
                } catch (java.io.IOException e) {
                    throw new SQLException("COPY " + name + " failed", e);
                }
                rows.setLength(0);
            }
        };
    }
}
