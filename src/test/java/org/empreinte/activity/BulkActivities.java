package org.empreinte.activity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Properties;

/**
 * Many activities written straight into a database file, bypassing the API, for tests that need an
 * organization far larger than requests could build in a test's time. Each row is a Québec electricity
 * bill as the service stores it, with its monthly shares (reports and the organization's page read
 * them), its result key (one for all), and every tenth tagged {@code bulk} so that tag filters find some.
 *
 * <p>SQLite makes the rows itself, from a counting CTE, in a few INSERT ... SELECT statements: JDBC batches
 * bound row by row took 23 s for 500,000 activities and their 790,000 shares on the 2-core machine, which
 * is the cost of binding 13 values a row through the driver, not of SQLite's writing. The date arithmetic
 * is SQLite's: this is test data for the SQLite the tests run on.
 */
public final class BulkActivities {

    private BulkActivities() {
    }

    /**
     * Adds {@code count} activities to the organization, all in {@code year}: periods of 1 to 28 days
     * (about half over a month's end, so two shares) starting on days spread over the year, ids after the
     * largest one stored. One transaction; the organization's data revision is raised, as any write does,
     * so that no cached report outlives it.
     *
     * @return the time it took, in milliseconds
     */
    public static long write(Path database, long organizationId, int count, int year) throws SQLException {
        long t0 = System.nanoTime();
        Properties settings = new Properties();
        settings.setProperty("foreign_keys", "true");
        settings.setProperty("busy_timeout", "30000");
        // A test's throw-away file: no need to wait for the disk at commit.
        settings.setProperty("synchronous", "OFF");
        settings.setProperty("cache_size", "-262144");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), settings)) {
            c.setAutoCommit(false);
            long firstId = single(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM activity");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO activity_result_key (organization_id, scope, category, type, site_id, data_quality,"
                        + " factor_id, factor_set, factor_set_version, factor_unit, factor_co2e_per_unit) VALUES ("
                        + organizationId + ", 2, 'purchased_electricity', 'electricity', 0, 'measured',"
                        + " 'eccc-electricity-ca-qc-2018', 'eccc-canada', '1', 'kWh', 0.0017)");
            }
            long resultKey = single(c, "SELECT MAX(id) FROM activity_result_key");
            LocalDate first = LocalDate.of(year, 1, 1);
            long firstDay = first.toEpochDay();
            long lastDay = LocalDate.of(year, 12, 31).toEpochDay();
            // Start: a fixed spread over the year (the same rows on every run); length 1 to 28 days, cut at the year's end.
            String rows = "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?),"
                    + " p(i, start_day, end_day, quantity) AS (SELECT i, ? + (i * 7) % ?, min(? + (i * 7) % ? + i % 28, ?),"
                    + " 100 + i % 1000 FROM n)";
            try (PreparedStatement activities = c.prepareStatement(rows + " INSERT INTO activity (id, organization_id, type,"
                    + " quantity, unit, period_start, period_end, start_day, end_day, effective_region, data_quality, co2e_kg,"
                    + " co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg, scope, category, factor_id, factor_set,"
                    + " factor_set_version, factor_unit, factor_co2e_per_unit, quantity_in_factor_unit, created_at,"
                    + " updated_at, result_key) SELECT ? + i, ?, 'electricity', quantity, 'kWh',"
                    + " date(start_day * 86400, 'unixepoch'), date(end_day * 86400, 'unixepoch'), start_day, end_day, 'CA-QC',"
                    + " 'measured', quantity * 0.0017, 0, 0, 0, quantity * 0.0017, 2, 'purchased_electricity',"
                    + " 'eccc-electricity-ca-qc-2018', 'eccc-canada', '1', 'kWh', 0.0017, quantity,"
                    + " '2024-12-31T12:00:00Z', '2024-12-31T12:00:00Z', ? FROM p")) {
                int p = 1;
                activities.setInt(p++, count - 1);
                activities.setLong(p++, firstDay);
                activities.setLong(p++, lastDay - firstDay + 1);
                activities.setLong(p++, firstDay);
                activities.setLong(p++, lastDay - firstDay + 1);
                activities.setLong(p++, lastDay);
                activities.setLong(p++, firstId);
                activities.setLong(p++, organizationId);
                activities.setLong(p, resultKey);
                activities.executeUpdate();
            }
            // Each period lies within two calendar months: the share up to the first month's end, then the rest.
            String monthEnd = "(CAST(julianday(period_start, 'start of month', '+1 month', '-1 day') AS INTEGER) - 2440587)";
            String shares = "INSERT INTO activity_month (activity_id, organization_id, month, first_day, last_day, co2e_kg,"
                    + " co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg) SELECT id, organization_id, %s, %s, %s,"
                    + " co2e_kg * (%3$s - %2$s + 1) / (end_day - start_day + 1), 0, 0, 0,"
                    + " co2e_kg * (%3$s - %2$s + 1) / (end_day - start_day + 1)"
                    + " FROM (SELECT a.*, " + monthEnd + " AS month_end FROM activity a WHERE a.id >= " + firstId + ") %s";
            try (Statement s = c.createStatement()) {
                s.executeUpdate(shares.formatted("substr(period_start, 1, 7)", "start_day", "min(end_day, month_end)", ""));
                s.executeUpdate(shares.formatted("substr(period_end, 1, 7)", "(month_end + 1)", "end_day",
                        "WHERE end_day > month_end"));
                s.executeUpdate("INSERT INTO activity_tag (activity_id, tag) SELECT id, 'bulk' FROM activity WHERE id >= "
                        + firstId + " AND (id - " + firstId + ") % 10 = 0");
                s.executeUpdate("UPDATE organization SET data_revision = data_revision + 1 WHERE id = " + organizationId);
            }
            // Rows written around ActivityDao: their running totals from what was written.
            RunningTotals.rebuild(c, organizationId);
            c.commit();
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
