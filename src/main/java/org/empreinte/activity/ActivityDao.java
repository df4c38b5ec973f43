package org.empreinte.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.empreinte.calculation.EmissionLine;

@RegisterConstructorMapper(ActivityRow.class)
public interface ActivityDao extends SqlObject {

    /** An activity's result key matches its own columns (see the change set 6-activity-result-keys). */
    String KEY_MATCH = "k.organization_id = activity.organization_id AND k.line = 'direct' AND k.scope = activity.scope"
            + " AND k.category = activity.category AND k.type = activity.type AND k.site_id = COALESCE(activity.site_id, 0)"
            + " AND k.data_quality = activity.data_quality AND k.factor_id = activity.factor_id"
            + " AND k.factor_set = activity.factor_set AND k.factor_set_version = activity.factor_set_version"
            + " AND k.factor_unit = activity.factor_unit AND k.factor_co2e_per_unit = activity.factor_co2e_per_unit";
    String NEW_KEYS = "INSERT INTO activity_result_key (organization_id, line, scope, category, type, site_id, data_quality,"
            + " factor_id, factor_set, factor_set_version, factor_unit, factor_co2e_per_unit)"
            + " SELECT DISTINCT organization_id, 'direct', scope, category, type, COALESCE(site_id, 0), data_quality, factor_id,"
            + " factor_set, factor_set_version, factor_unit, factor_co2e_per_unit FROM activity";
    /**
     * Another line's key (change set 18-activity-lines): its own line, scope, category and factor, its activity's
     * type, site and data quality; {@code l} is the line, {@code a} its activity.
     */
    String LINE_KEY_MATCH = "k.organization_id = l.organization_id AND k.line = l.line AND k.scope = l.scope"
            + " AND k.category = l.category AND k.type = a.type AND k.site_id = COALESCE(a.site_id, 0)"
            + " AND k.data_quality = a.data_quality AND k.factor_id = l.factor_id"
            + " AND k.factor_set = l.factor_set AND k.factor_set_version = l.factor_set_version"
            + " AND k.factor_unit = l.factor_unit AND k.factor_co2e_per_unit = l.factor_co2e_per_unit";
    String NEW_LINE_KEYS = "INSERT INTO activity_result_key (organization_id, line, scope, category, type, site_id,"
            + " data_quality, factor_id, factor_set, factor_set_version, factor_unit, factor_co2e_per_unit)"
            + " SELECT DISTINCT l.organization_id, l.line, l.scope, l.category, a.type, COALESCE(a.site_id, 0), a.data_quality,"
            + " l.factor_id, l.factor_set, l.factor_set_version, l.factor_unit, l.factor_co2e_per_unit";
    String MISSING = " AND NOT EXISTS (SELECT 1 FROM activity_result_key k WHERE " + KEY_MATCH + ")";
    String SET_KEY = "UPDATE activity SET result_key = (SELECT MIN(k.id) FROM activity_result_key k WHERE " + KEY_MATCH + ")";

    /** Gives a written activity the key of its result, adding the key when it is new: after every insert or update. */
    default void assignResultKey(long activityId) {
        newResultKeys(activityId);
        setResultKey(activityId);
    }

    @SqlUpdate(NEW_KEYS + " WHERE id = :id" + MISSING)
    void newResultKeys(@Bind("id") long activityId);

    @SqlUpdate(SET_KEY + " WHERE id = :id")
    void setResultKey(@Bind("id") long activityId);

    /** {@link #assignResultKey} for the activity's other lines. */
    default void assignLineKeys(long activityId) {
        newLineKeys(activityId);
        setLineKeys(activityId);
    }

    @SqlUpdate(NEW_LINE_KEYS + " FROM activity_line l JOIN activity a ON a.id = l.activity_id WHERE l.activity_id = :id"
            + " AND NOT EXISTS (SELECT 1 FROM activity_result_key k WHERE " + LINE_KEY_MATCH + ")")
    void newLineKeys(@Bind("id") long activityId);

    default void setLineKeys(long activityId) {
        getHandle().createUpdate("UPDATE activity_line SET result_key = (SELECT MIN(k.id) FROM activity_result_key k JOIN"
                        + " activity a ON a.id = activity_line.activity_id WHERE "
                        + LINE_KEY_MATCH.replace("l.", "activity_line.") + ") WHERE activity_id = :id")
                .bind("id", activityId).execute();
    }

    /**
     * The columns an activity is written with, in {@link ActivityRow}'s order after its id: the one list that
     * inserts, updates, the import's staging and the queries use.
     */
    List<String> WRITTEN = List.of("organization_id", "site_id", "type", "quantity", "unit", "period_start", "period_end",
            "start_day", "end_day", "region", "effective_region", "data_quality", "attributes", "co2e_kg", "co2_co2e_kg",
            "ch4_co2e_kg", "n2o_co2e_kg", "unspecified_co2e_kg", "scope", "category", "factor_id", "factor_set",
            "factor_set_version", "factor_unit", "factor_co2e_per_unit", "quantity_in_factor_unit");
    String WRITTEN_LIST = String.join(", ", WRITTEN);
    String SELECT = "SELECT a.id, " + WRITTEN.stream().map(c -> "a." + c).collect(Collectors.joining(", "))
            + ", s.name AS site_name, a.created_at, a.updated_at FROM activity a LEFT JOIN site s ON s.id = a.site_id";

    /** {@code :a.organizationId} for {@code organization_id}: the row's accessor bound by name. */
    private static String binding(String column) {
        StringBuilder name = new StringBuilder(":a.");
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * Stores a new activity with its result key, tags and monthly shares, and adds it to the running totals: how
     * every activity but an import's is written ({@link #insert} and the other single-table writes are its parts).
     */
    default long store(ActivityRow activity, String now, Collection<String> tags, LongFunction<List<MonthShareRow>> months) {
        return store(activity, now, tags, months, List.of());
    }

    /** {@link #store} of an activity with other lines than its direct one (upstream, losses...). */
    default long store(ActivityRow activity, String now, Collection<String> tags, LongFunction<List<MonthShareRow>> months,
            List<LineRow> lines) {
        getHandle().attach(RunningTotals.class).lockOrganization(activity.organizationId());
        long id = insert(activity, now);
        writeDetails(id, tags, months.apply(id), lines);
        return id;
    }

    /**
     * Writes an activity anew (an edit, a recomputation): its totals out, its row, key, tags (kept when
     * {@code tags} is null) and shares rewritten, its totals in again.
     *
     * @return 0 when the organization has no such activity, 1 otherwise
     */
    default int rewrite(long id, ActivityRow activity, String now, Collection<String> tags, List<MonthShareRow> months,
            List<LineRow> lines) {
        RunningTotals totals = getHandle().attach(RunningTotals.class);
        totals.lockOrganization(activity.organizationId());
        if (find(activity.organizationId(), id).isEmpty()) {
            return 0;
        }
        totals.subtract(id);
        update(id, activity, now);
        if (tags != null) {
            deleteTags(id);
        }
        deleteMonths(id);
        deleteLineMonths(id);
        deleteLines(id);
        writeDetails(id, tags, months, lines);
        return 1;
    }

    /** Deletes an activity (its tags and shares go with it), its totals out first. @return rows deleted */
    default int remove(long organizationId, long id) {
        RunningTotals totals = getHandle().attach(RunningTotals.class);
        totals.lockOrganization(organizationId);
        if (find(organizationId, id).isEmpty()) {
            return 0;
        }
        totals.subtract(id);
        return delete(organizationId, id);
    }

    private void writeDetails(long id, Collection<String> tags, List<MonthShareRow> months, List<LineRow> lines) {
        assignResultKey(id);
        if (tags != null && !tags.isEmpty()) {
            insertTags(id, tags);
        }
        insertMonths(months);
        if (!lines.isEmpty()) {
            List<LineRow> own = lines.stream().map(line -> line.withActivityId(id)).toList();
            insertLines(own);
            for (LineRow line : own) {
                insertLineMonths(line.line(), line.months());
            }
            assignLineKeys(id);
        }
        getHandle().attach(RunningTotals.class).add(id);
    }

    @SqlBatch("INSERT INTO activity_line (activity_id, " + LineRow.COLUMN_LIST + ") VALUES (:activityId, :line,"
            + " :organizationId, :co2eKg, :co2Co2eKg, :ch4Co2eKg, :n2oCo2eKg, :unspecifiedCo2eKg, :scope, :category,"
            + " :factorId, :factorSet, :factorSetVersion, :factorUnit, :factorCo2ePerUnit, :quantityInFactorUnit)")
    void insertLines(@BindMethods List<LineRow> lines);

    @SqlBatch("INSERT INTO activity_line_month (activity_id, line, organization_id, month, first_day, last_day, co2e_kg,"
            + " co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg) VALUES (:activityId, :line, :organizationId,"
            + " :month, :firstDay, :lastDay, :co2eKg, :co2Co2eKg, :ch4Co2eKg, :n2oCo2eKg, :unspecifiedCo2eKg)")
    void insertLineMonths(@Bind("line") String line, @BindMethods List<MonthShareRow> months);

    @SqlUpdate("DELETE FROM activity_line_month WHERE activity_id = :activityId")
    void deleteLineMonths(@Bind("activityId") long activityId);

    @SqlUpdate("DELETE FROM activity_line WHERE activity_id = :activityId")
    void deleteLines(@Bind("activityId") long activityId);

    /** The other lines of the given activities, by activity id, in the order {@link EmissionLine#ROLES} shows them. */
    default Map<Long, List<LineRow>> linesOf(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        return getHandle().createQuery("SELECT activity_id, " + LineRow.COLUMN_LIST + " FROM activity_line"
                        + " WHERE activity_id IN (<ids>)")
                .bindList("ids", activityIds).map(ActivityDao::line).stream()
                .sorted(LINE_ORDER).collect(Collectors.groupingBy(LineRow::activityId, Collectors.toList()));
    }

    /** The other lines of every activity of the organization, by activity id: what a recomputation compares. */
    default Map<Long, List<LineRow>> linesOfOrganization(long organizationId) {
        return getHandle().createQuery("SELECT activity_id, " + LineRow.COLUMN_LIST + " FROM activity_line"
                        + " WHERE organization_id = :organizationId")
                .bind("organizationId", organizationId).map(ActivityDao::line).stream()
                .sorted(LINE_ORDER).collect(Collectors.groupingBy(LineRow::activityId, Collectors.toList()));
    }

    Comparator<LineRow> LINE_ORDER = Comparator.comparingInt(l -> EmissionLine.ROLES.indexOf(l.line()));

    private static LineRow line(ResultSet rs, StatementContext context) throws SQLException {
        return new LineRow(rs.getLong("activity_id"), rs.getString("line"), rs.getLong("organization_id"),
                rs.getDouble("co2e_kg"), rs.getDouble("co2_co2e_kg"), rs.getDouble("ch4_co2e_kg"), rs.getDouble("n2o_co2e_kg"),
                rs.getDouble("unspecified_co2e_kg"), rs.getInt("scope"), rs.getString("category"), rs.getString("factor_id"),
                rs.getString("factor_set"), rs.getString("factor_set_version"), rs.getString("factor_unit"),
                rs.getDouble("factor_co2e_per_unit"), rs.getDouble("quantity_in_factor_unit"), List.of());
    }

    default long insert(ActivityRow activity, String now) {
        // RETURNING in a query: sqlite-jdbc gives no generated keys.
        return getHandle().createQuery("INSERT INTO activity (" + WRITTEN_LIST + ", created_at, updated_at) VALUES ("
                        + WRITTEN.stream().map(ActivityDao::binding).collect(Collectors.joining(", ")) + ", :now, :now)"
                        + " RETURNING id")
                .bindMethods("a", activity).bind("now", now).mapTo(Long.class).one();
    }

    default int update(long id, ActivityRow activity, String now) {
        return getHandle().createUpdate("UPDATE activity SET "
                        + WRITTEN.stream().map(c -> c + " = " + binding(c)).collect(Collectors.joining(", "))
                        + ", updated_at = :now WHERE id = :id AND organization_id = :a.organizationId")
                .bindMethods("a", activity).bind("now", now).bind("id", id).execute();
    }

    @SqlUpdate("DELETE FROM activity WHERE id = :id AND organization_id = :organizationId")
    int delete(@Bind("organizationId") long organizationId, @Bind("id") long id);

    default Optional<ActivityRow> find(long organizationId, long id) {
        return getHandle().createQuery(SELECT + " WHERE a.organization_id = :organizationId AND a.id = :id")
                .bind("organizationId", organizationId).bind("id", id).mapTo(ActivityRow.class).findOne();
    }

    /**
     * A day of the same year as the latest period end, found at the end of one index rather than by reading the
     * organization's activities (0.1 to 0.5 s for 500,000 of them): the start of its last monthly share. Every
     * activity has a share in the month of its end, and no share starts after the latest end.
     */
    @SqlQuery("SELECT MAX(first_day) FROM activity_month WHERE organization_id = :organizationId")
    Optional<Long> dayOfLatestMonth(@Bind("organizationId") long organizationId);

    @SqlBatch("INSERT INTO activity_tag (activity_id, tag) VALUES (:activityId, :tag)")
    void insertTags(@Bind("activityId") long activityId, @Bind("tag") Collection<String> tags);

    @SqlUpdate("DELETE FROM activity_tag WHERE activity_id = :activityId")
    void deleteTags(@Bind("activityId") long activityId);

    @SqlQuery("SELECT activity_id, tag FROM activity_tag WHERE activity_id IN (<ids>) ORDER BY tag")
    @RegisterConstructorMapper(TagRow.class)
    List<TagRow> tags(@BindList("ids") Collection<Long> activityIds);

    @SqlBatch("INSERT INTO activity_month (activity_id, organization_id, month, first_day, last_day, co2e_kg, co2_co2e_kg,"
            + " ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg) VALUES (:activityId, :organizationId, :month, :firstDay,"
            + " :lastDay, :co2eKg, :co2Co2eKg, :ch4Co2eKg, :n2oCo2eKg, :unspecifiedCo2eKg)")
    void insertMonths(@BindMethods List<MonthShareRow> months);

    @SqlUpdate("DELETE FROM activity_month WHERE activity_id = :activityId")
    void deleteMonths(@Bind("activityId") long activityId);

    record TagRow(long activityId, String tag) {
    }

    record SetCount(String factorSet, String factorSetVersion, long activities) {
    }

    /** The organization's activities, to compute again. */
    default List<ActivityRow> all(long organizationId) {
        return getHandle().createQuery(SELECT + " WHERE a.organization_id = :organizationId ORDER BY a.id")
                .bind("organizationId", organizationId).mapTo(ActivityRow.class).list();
    }

    @SqlQuery("SELECT DISTINCT organization_id FROM activity ORDER BY organization_id")
    List<Long> organizationsWithActivities();

    @SqlQuery("SELECT factor_set, factor_set_version, COUNT(*) AS activities FROM activity"
            + " GROUP BY factor_set, factor_set_version ORDER BY factor_set, factor_set_version")
    @RegisterConstructorMapper(SetCount.class)
    List<SetCount> resultsBySet();

    /** Tags of the given activities, by activity id. */
    default Map<Long, List<String>> tagsOf(Collection<Long> activityIds) {
        if (activityIds.isEmpty()) {
            return Map.of();
        }
        return tags(activityIds).stream().collect(Collectors.groupingBy(TagRow::activityId,
                Collectors.mapping(TagRow::tag, Collectors.toList())));
    }

    /** Activities whose period overlaps [fromDay, toDay] (either may be null), of a type and with a tag, when given. */
    default List<ActivityRow> list(long organizationId, Long fromDay, Long toDay, String type, String tag) {
        ActivityFilter filter = new ActivityFilter(organizationId, fromDay, toDay, type, tag);
        return filter.bind(getHandle().createQuery(SELECT + " WHERE " + filter.where() + " ORDER BY a.period_start, a.id"))
                .mapTo(ActivityRow.class).list();
    }

    /**
     * At most {@code limit} activities of the filter, in the list's order (start of the period, then id), or
     * newest first, after the activity whose start day and id are given (null for the first page). The order is
     * the index's own (organization, start day, then the row id), so a page reads about {@code limit} entries
     * wherever it starts; start_day orders exactly as period_start, its ISO text.
     */
    default List<ActivityRow> page(ActivityFilter filter, Long afterDay, Long afterId, boolean newestFirst, int limit) {
        String where = filter.where();
        if (afterDay != null) {
            // The first comparison bounds the index range; the second breaks ties within a day by id.
            where += newestFirst
                    ? " AND a.start_day <= :afterDay AND (a.start_day < :afterDay OR a.id < :afterId)"
                    : " AND a.start_day >= :afterDay AND (a.start_day > :afterDay OR a.id > :afterId)";
        }
        String order = newestFirst ? " ORDER BY a.start_day DESC, a.id DESC" : " ORDER BY a.start_day, a.id";
        var query = filter.bind(getHandle().createQuery(SELECT + " WHERE " + where + order + " LIMIT :limit"))
                .bind("limit", limit);
        if (afterDay != null) {
            query.bind("afterDay", afterDay).bind("afterId", afterId);
        }
        return query.mapTo(ActivityRow.class).list();
    }
}
