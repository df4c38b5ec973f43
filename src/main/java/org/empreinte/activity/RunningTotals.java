package org.empreinte.activity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;

/**
 * The running totals (change set 16-running-totals): each activity's monthly shares added to its organization's
 * totals by month and result key, and by tag, in the transaction that writes it, so that a report reads totals
 * rather than activities. Only {@link ActivityDao}'s writes and an import's publication call it: an activity is
 * {@link #add added} once its row, key, tags and shares are stored, and {@link #subtract subtracted} before any of
 * them changes or goes.
 *
 * <p>An activity's other lines (upstream, losses...: change set 18-activity-lines) are added and subtracted with it,
 * each under its own result key.
 *
 * <p>Both are one portable upsert per table ({@code INSERT ... ON CONFLICT ... DO UPDATE}, as SQLite and PostgreSQL
 * both spell it) of the rows' sums grouped by the totals' key. A total whose activity count falls to 0 is deleted, so
 * that what a month no longer holds reads as nothing rather than as a rounding residue.
 */
public interface RunningTotals extends SqlObject {

    /**
     * What an activity's line contributes to a total: the sums of its shares, as the change set fills them;
     * {@code q} is the alias of the row holding the line's quantity (the activity for its direct line).
     */
    private static String sums(String q) {
        return ":sign * SUM(m.co2e_kg), :sign * SUM(m.co2_co2e_kg), :sign * SUM(m.ch4_co2e_kg),"
                + " :sign * SUM(m.n2o_co2e_kg), :sign * SUM(m.unspecified_co2e_kg),"
                + " :sign * SUM(" + q + ".quantity_in_factor_unit * (m.last_day - m.first_day + 1) * 1.0"
                + " / (a.end_day - a.start_day + 1)),"
                + " :sign * COUNT(*), :sign * SUM(CASE WHEN m.first_day = a.start_day THEN 1 ELSE 0 END)";
    }

    /** The direct lines' shares, and the other lines' (change set 18-activity-lines), each with its result key. */
    String DIRECT = " FROM activity a JOIN activity_month m ON m.activity_id = a.id";
    String OTHERS = " FROM activity a JOIN activity_line l ON l.activity_id = a.id"
            + " JOIN activity_line_month m ON m.activity_id = l.activity_id AND m.line = l.line";
    String VALUES = "co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg, quantity, activities, starting";

    /** The rows a write concerns: one activity, or an import's. */
    String ONE = "a.id = :id";
    String IMPORTED = "a.import_id = :id";

    /**
     * Takes the organization's row lock (a write that changes nothing) before a write touches its activities: the
     * totals of one organization are then written by one transaction at a time on PostgreSQL, in a fixed order
     * (this row, then the activities, then the totals), where two writers adding to the same months in different
     * orders, or an import's table lock ({@code DatabaseKind.reserveConsecutiveIds}) taken between, could deadlock.
     * The unit of work raises the revision on this row at the end anyway; SQLite has one writer at a time.
     */
    default void lockOrganization(long organizationId) {
        getHandle().createUpdate("UPDATE organization SET data_revision = data_revision WHERE id = :id")
                .bind("id", organizationId).execute();
    }

    /** Adds the activity's stored shares to the totals: after it and its key, tags and shares are written. */
    default void add(long activityId) {
        apply(ONE, activityId, 1);
    }

    /** Takes the activity's stored shares out of the totals: before its row, key, tags or shares change or go. */
    default void subtract(long activityId) {
        apply(ONE, activityId, -1);
        // Only the months the activity had can have fallen to no activity.
        for (String table : new String[] {"activity_total", "activity_tag_total"}) {
            getHandle().createUpdate("DELETE FROM " + table + " WHERE activities = 0"
                            + " AND organization_id = (SELECT organization_id FROM activity WHERE id = :id)"
                            + " AND month IN (SELECT month FROM activity_month WHERE activity_id = :id)")
                    .bind("id", activityId).execute();
        }
    }

    /** Adds an import's published activities to the totals, in the publication's transaction. */
    default void addImport(long importId) {
        apply(IMPORTED, importId, 1);
    }

    /**
     * Sets an organization's totals from its stored shares, as the change set filled them: for rows written
     * around {@link ActivityDao} (bulk loads of benchmarks and tests), and to check that the running totals
     * equal a sum made afresh.
     */
    default void rebuild(long organizationId) {
        try {
            rebuild(getHandle().getConnection(), organizationId);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("rebuilding the totals of organization " + organizationId
                    + " failed", e, null);
        }
    }

    /** {@link #rebuild(long)} on a plain connection, in its transaction. */
    static void rebuild(Connection connection, long organizationId) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {"activity_total", "activity_tag_total"}) {
                statement.executeUpdate("DELETE FROM " + table + " WHERE organization_id = " + organizationId);
            }
            for (String sql : upserts("a.organization_id = " + organizationId)) {
                statement.executeUpdate(sql.replace(":sign", "1"));
            }
        }
    }

    /** Adds every stored activity to the totals, which must hold none yet: for a database loaded in bulk. */
    static void fillAll(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : upserts("1 = 1")) {
                statement.executeUpdate(sql.replace(":sign", "1"));
            }
        }
    }

    private void apply(String rows, long id, int sign) {
        for (String sql : upserts(rows)) {
            getHandle().createUpdate(sql).bind("id", id).bind("sign", sign).execute();
        }
    }

    private static String[] upserts(String rows) {
        String tags = " JOIN activity_tag t ON t.activity_id = a.id";
        return new String[] {
            upsert("activity_total", "a.organization_id, m.month, a.result_key", "organization_id, month, result_key",
                    DIRECT, "a", rows),
            upsert("activity_tag_total", "a.organization_id, t.tag, m.month, a.result_key",
                    "organization_id, tag, month, result_key", DIRECT + tags, "a", rows),
            upsert("activity_total", "a.organization_id, m.month, l.result_key", "organization_id, month, result_key",
                    OTHERS, "l", rows),
            upsert("activity_tag_total", "a.organization_id, t.tag, m.month, l.result_key",
                    "organization_id, tag, month, result_key", OTHERS + tags, "l", rows)};
    }

    private static String upsert(String table, String groups, String key, String from, String q, String rows) {
        StringBuilder update = new StringBuilder();
        for (String column : VALUES.split(", ")) {
            update.append(update.isEmpty() ? "" : ", ").append(column).append(" = ").append(table).append('.').append(column)
                    .append(" + excluded.").append(column);
        }
        // The WHERE keeps SQLite from reading ON CONFLICT as a join's ON (its documented parsing ambiguity).
        return "INSERT INTO " + table + " (" + key + ", " + VALUES + ") SELECT " + groups + ", " + sums(q)
                + from + " WHERE " + rows
                + " GROUP BY " + groups + " ON CONFLICT (" + key + ") DO UPDATE SET " + update;
    }
}
