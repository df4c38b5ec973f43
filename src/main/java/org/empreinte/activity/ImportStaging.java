package org.empreinte.activity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.empreinte.db.DatabaseKind;

/**
 * The staging tables of CSV imports (change set 13-import-staging): an import's rows are written there in
 * short transactions, then published into the tables everything reads by one transaction of
 * INSERT ... SELECT, which copies inside SQLite instead of binding every value again. Nothing reads the
 * staging tables but the import that wrote them, so a half-staged import is invisible, and discarded.
 *
 * <p>Plain JDBC batches on the transaction's connection: through {@code @SqlBatch}/{@code @BindMethods} (29 values a
 * row bound by method name) the activity rows of a 100,000-row import took 5.6 s, with plain JDBC 1.4 to 2.4 s
 * (the import benchmark of 2026-11-22, since folded into bench.ScaleBenchmark).
 */
public interface ImportStaging extends SqlObject {

    /** The columns an activity is stored with: {@link ActivityDao#WRITTEN}, whose order the statement binds in. */
    String COLUMNS = ActivityDao.WRITTEN_LIST;
    /** A publication this large changes the tables' statistics enough for PostgreSQL to plan badly without new ones. */
    int REFRESH_STATISTICS_AFTER = 1_000;
    String MONTH_COLUMNS = "organization_id, month, first_day, last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg,"
            + " unspecified_co2e_kg";

    /** Writes rows {@code firstSeq} onwards of an import: activities, monthly shares and tags. */
    default void stage(String stagingId, int firstSeq, List<ActivityImport.PreparedRow> rows) {
        var connection = getHandle().getConnection();
        try (PreparedStatement activity = connection.prepareStatement("INSERT INTO activity_staging (staging_id, seq, " + COLUMNS
                + ") VALUES (?, ?, " + String.join(", ", Collections.nCopies(ActivityDao.WRITTEN.size(), "?")) + ")");
                PreparedStatement month = connection.prepareStatement("INSERT INTO activity_month_staging (staging_id, seq, "
                        + MONTH_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement tag = connection.prepareStatement("INSERT INTO activity_tag_staging (staging_id, seq, tag)"
                        + " VALUES (?, ?, ?)");
                PreparedStatement line = connection.prepareStatement("INSERT INTO activity_line_staging (staging_id, seq, "
                        + LineRow.COLUMN_LIST + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement lineMonth = connection.prepareStatement("INSERT INTO activity_line_month_staging"
                        + " (staging_id, seq, line, " + MONTH_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = firstSeq;
            for (ActivityImport.PreparedRow row : rows) {
                ActivityRow a = row.stored();
                int p = 1;
                activity.setString(p++, stagingId);
                activity.setInt(p++, seq);
                activity.setLong(p++, a.organizationId());
                activity.setObject(p++, a.siteId(), Types.BIGINT);
                activity.setString(p++, a.type());
                activity.setDouble(p++, a.quantity());
                activity.setString(p++, a.unit());
                activity.setString(p++, a.periodStart());
                activity.setString(p++, a.periodEnd());
                activity.setLong(p++, a.startDay());
                activity.setLong(p++, a.endDay());
                activity.setString(p++, a.region());
                activity.setString(p++, a.effectiveRegion());
                activity.setString(p++, a.dataQuality());
                activity.setString(p++, a.attributes());
                activity.setDouble(p++, a.co2eKg());
                activity.setDouble(p++, a.co2Co2eKg());
                activity.setDouble(p++, a.ch4Co2eKg());
                activity.setDouble(p++, a.n2oCo2eKg());
                activity.setDouble(p++, a.unspecifiedCo2eKg());
                activity.setInt(p++, a.scope());
                activity.setString(p++, a.category());
                activity.setString(p++, a.factorId());
                activity.setString(p++, a.factorSet());
                activity.setString(p++, a.factorSetVersion());
                activity.setString(p++, a.factorUnit());
                activity.setDouble(p++, a.factorCo2ePerUnit());
                activity.setDouble(p, a.quantityInFactorUnit());
                activity.addBatch();
                for (MonthShareRow m : row.months()) {
                    month.setString(1, stagingId);
                    month.setInt(2, seq);
                    bindMonth(month, 3, m);
                    month.addBatch();
                }
                for (LineRow l : row.lines()) {
                    stageLine(line, stagingId, seq, l);
                    for (MonthShareRow m : l.months()) {
                        lineMonth.setString(1, stagingId);
                        lineMonth.setInt(2, seq);
                        lineMonth.setString(3, l.line());
                        bindMonth(lineMonth, 4, m);
                        lineMonth.addBatch();
                    }
                }
                for (String t : row.tags()) {
                    tag.setString(1, stagingId);
                    tag.setInt(2, seq);
                    tag.setString(3, t);
                    tag.addBatch();
                }
                seq++;
            }
            activity.executeBatch();
            month.executeBatch();
            tag.executeBatch();
            line.executeBatch();
            lineMonth.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("staging imported activities failed", e, null);
        }
    }

    private static void bindMonth(PreparedStatement statement, int first, MonthShareRow m) throws SQLException {
        int p = first;
        statement.setLong(p++, m.organizationId());
        statement.setString(p++, m.month());
        statement.setLong(p++, m.firstDay());
        statement.setLong(p++, m.lastDay());
        statement.setDouble(p++, m.co2eKg());
        statement.setDouble(p++, m.co2Co2eKg());
        statement.setDouble(p++, m.ch4Co2eKg());
        statement.setDouble(p++, m.n2oCo2eKg());
        statement.setDouble(p, m.unspecifiedCo2eKg());
    }

    /** An activity's other line (change set 18-activity-lines), in {@link LineRow#COLUMN_LIST}'s order. */
    private static void stageLine(PreparedStatement statement, String stagingId, int seq, LineRow l) throws SQLException {
        int p = 1;
        statement.setString(p++, stagingId);
        statement.setInt(p++, seq);
        statement.setString(p++, l.line());
        statement.setLong(p++, l.organizationId());
        statement.setDouble(p++, l.co2eKg());
        statement.setDouble(p++, l.co2Co2eKg());
        statement.setDouble(p++, l.ch4Co2eKg());
        statement.setDouble(p++, l.n2oCo2eKg());
        statement.setDouble(p++, l.unspecifiedCo2eKg());
        statement.setInt(p++, l.scope());
        statement.setString(p++, l.category());
        statement.setString(p++, l.factorId());
        statement.setString(p++, l.factorSet());
        statement.setString(p++, l.factorSetVersion());
        statement.setString(p++, l.factorUnit());
        statement.setDouble(p++, l.factorCo2ePerUnit());
        statement.setDouble(p, l.quantityInFactorUnit());
        statement.addBatch();
    }

    /**
     * Gives staged rows [from, to) their result keys, adding the organization's new keys first (as
     * {@link ActivityDao#assignResultKey} does for one stored activity): the publication then copies them.
     * A key added for an import that fails is harmless: reports join keys from the activities that use them.
     */
    default void assignResultKeys(String stagingId, int from, int to) {
        String match = ActivityDao.KEY_MATCH.replace("activity.", "s.");
        getHandle().createUpdate(ActivityDao.NEW_KEYS.replace("FROM activity", "FROM activity_staging s")
                        .replace("SELECT DISTINCT organization_id", "SELECT DISTINCT s.organization_id")
                        + " WHERE s.staging_id = :stagingId AND s.seq >= :from AND s.seq < :to"
                        + " AND NOT EXISTS (SELECT 1 FROM activity_result_key k WHERE " + match + ")")
                .bind("stagingId", stagingId).bind("from", from).bind("to", to).execute();
        getHandle().createUpdate("UPDATE activity_staging SET result_key = (SELECT MIN(k.id) FROM activity_result_key k WHERE "
                        + ActivityDao.KEY_MATCH.replace("activity.", "activity_staging.") + ")"
                        + " WHERE staging_id = :stagingId AND seq >= :from AND seq < :to")
                .bind("stagingId", stagingId).bind("from", from).bind("to", to).execute();
        // The other lines' keys: the line's own columns, its activity's type, site and data quality.
        String lines = " FROM activity_line_staging l JOIN activity_staging a ON a.staging_id = l.staging_id AND a.seq = l.seq"
                + " WHERE l.staging_id = :stagingId AND l.seq >= :from AND l.seq < :to";
        getHandle().createUpdate(ActivityDao.NEW_LINE_KEYS + lines
                        + " AND NOT EXISTS (SELECT 1 FROM activity_result_key k WHERE " + ActivityDao.LINE_KEY_MATCH + ")")
                .bind("stagingId", stagingId).bind("from", from).bind("to", to).execute();
        getHandle().createUpdate("UPDATE activity_line_staging SET result_key = (SELECT MIN(k.id) FROM activity_result_key k"
                        + " JOIN activity_staging a ON a.staging_id = activity_line_staging.staging_id"
                        + " AND a.seq = activity_line_staging.seq WHERE "
                        + ActivityDao.LINE_KEY_MATCH.replace("l.", "activity_line_staging.") + ")"
                        + " WHERE staging_id = :stagingId AND seq >= :from AND seq < :to")
                .bind("stagingId", stagingId).bind("from", from).bind("to", to).execute();
    }

    /**
     * Copies a staged import into activity, activity_month and activity_tag, and adds it to the running totals
     * ({@link RunningTotals}), in the caller's transaction: the activities in file order, which gives them
     * consecutive ids (SQLite numbers the rows of one INSERT one after the other while it holds the writer;
     * PostgreSQL, see {@link DatabaseKind#reserveConsecutiveIds}), so that a row's id is the first id plus its seq.
     *
     * @return the number of activities published
     * @throws IllegalStateException if the ids are not consecutive: the caller's transaction then rolls back
     */
    default int publish(String stagingId, long importId, String now) {
        var handle = getHandle();
        DatabaseKind kind = DatabaseKind.of(handle);
        // The organization first, then the table: the order every writer of its activities takes them in.
        long organizationId = handle.createQuery("SELECT organization_id FROM activity_staging WHERE staging_id = :stagingId"
                + " AND seq = 0").bind("stagingId", stagingId).mapTo(Long.class).findOne().orElse(0L);
        handle.attach(RunningTotals.class).lockOrganization(organizationId);
        kind.reserveConsecutiveIds(handle, "activity");
        int activities = handle.createUpdate("INSERT INTO activity (" + COLUMNS + ", created_at, updated_at, import_id,"
                        + " result_key) SELECT " + COLUMNS + ", :now, :now, :importId, result_key FROM activity_staging"
                        + " WHERE staging_id = :stagingId ORDER BY seq")
                .bind("now", now).bind("importId", importId).bind("stagingId", stagingId).execute();
        long first;
        try (PreparedStatement ids = handle.getConnection().prepareStatement(
                "SELECT MIN(id), MAX(id), COUNT(*) FROM activity WHERE import_id = ?")) {
            ids.setLong(1, importId);
            try (ResultSet rs = ids.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
                if (rs.getLong(3) != activities || rs.getLong(2) - first + 1 != activities) {
                    throw new IllegalStateException("import " + importId + ": the " + activities
                            + " published activities did not get consecutive ids");
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("reading the ids of import " + importId + " failed", e, null);
        }
        handle.createUpdate("INSERT INTO activity_month (activity_id, " + MONTH_COLUMNS + ") SELECT :first + seq, "
                        + MONTH_COLUMNS + " FROM activity_month_staging WHERE staging_id = :stagingId")
                .bind("first", first).bind("stagingId", stagingId).execute();
        handle.createUpdate("INSERT INTO activity_tag (activity_id, tag) SELECT :first + seq, tag FROM activity_tag_staging"
                        + " WHERE staging_id = :stagingId")
                .bind("first", first).bind("stagingId", stagingId).execute();
        handle.createUpdate("INSERT INTO activity_line (activity_id, " + LineRow.COLUMN_LIST + ", result_key) SELECT :first + seq, "
                        + LineRow.COLUMN_LIST + ", result_key FROM activity_line_staging WHERE staging_id = :stagingId")
                .bind("first", first).bind("stagingId", stagingId).execute();
        handle.createUpdate("INSERT INTO activity_line_month (activity_id, line, " + MONTH_COLUMNS + ") SELECT :first + seq,"
                        + " line, " + MONTH_COLUMNS + " FROM activity_line_month_staging WHERE staging_id = :stagingId")
                .bind("first", first).bind("stagingId", stagingId).execute();
        handle.attach(RunningTotals.class).addImport(importId);
        if (activities >= REFRESH_STATISTICS_AFTER) {
            kind.refreshStatistics(handle, "activity", "activity_month", "activity_tag", "activity_total", "activity_tag_total",
                    "activity_line", "activity_line_month");
        }
        return activities;
    }

    /** The staging tables, the other lines' (change set 18-activity-lines) with them. */
    List<String> STAGING_TABLES = List.of("activity_staging", "activity_month_staging", "activity_tag_staging",
            "activity_line_staging", "activity_line_month_staging");

    /** Removes staged rows [from, to) of an import, published or not. */
    default void discard(String stagingId, int from, int to) {
        for (String table : STAGING_TABLES) {
            getHandle().createUpdate("DELETE FROM " + table + " WHERE staging_id = :stagingId AND seq >= :from AND seq < :to")
                    .bind("stagingId", stagingId).bind("from", from).bind("to", to).execute();
        }
    }

    /** A new import's staging id: it begins with when it was staged, so that a start clears only what is old. */
    static String newId(long epochMillis) {
        return String.format(Locale.ROOT, "%015d-%s", epochMillis,
                UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** Every row staged before this time (epoch ms), from the three tables; the number of activities among them. */
    default int discardStagedBefore(long epochMillis) {
        String before = String.format(Locale.ROOT, "%015d", epochMillis);
        int rows = discardActivitiesBefore(before);
        discardMonthsBefore(before);
        discardTagsBefore(before);
        for (String table : STAGING_TABLES.subList(3, STAGING_TABLES.size())) {
            getHandle().createUpdate("DELETE FROM " + table + " WHERE staging_id < :before").bind("before", before).execute();
        }
        return rows;
    }

    /** What imports interrupted by a stop left, staged before {@code before} (a staging id's time prefix). */
    @SqlUpdate("DELETE FROM activity_staging WHERE staging_id < :before")
    int discardActivitiesBefore(@Bind("before") String before);

    @SqlUpdate("DELETE FROM activity_month_staging WHERE staging_id < :before")
    int discardMonthsBefore(@Bind("before") String before);

    @SqlUpdate("DELETE FROM activity_tag_staging WHERE staging_id < :before")
    int discardTagsBefore(@Bind("before") String before);
}
