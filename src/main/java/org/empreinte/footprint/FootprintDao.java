package org.empreinte.footprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import org.empreinte.db.Proration;

/**
 * Report aggregates, in one pass: each group holds one scope, category, month, site, activity type, data quality
 * and factor applied, so every view of a report (by scope, gas, month, site, ISO category, quality, the factors
 * applied, scope 2 by contract) is a sum over a few hundred groups. The months the period holds whole are read from
 * the running totals (change set 16-running-totals, kept by activity.RunningTotals), whatever the number of
 * activities; a month the period's bounds cut is read from the monthly shares of that month alone, each counting for
 * its days inside the period (pro rata by days, see {@link Proration}).
 */
@AllowUnusedBindings // the tag is bound whether or not the tag filter is defined
@RegisterConstructorMapper(FootprintDao.Group.class)
@RegisterConstructorMapper(FootprintDao.ScopeTotal.class)
public interface FootprintDao {

    /** Tag filters the service may define: fixed SQL, never user text. */
    String NO_TAG = "";
    String WITH_TAG = "AND EXISTS (SELECT 1 FROM activity_tag t WHERE t.activity_id = m.activity_id AND t.tag = :tag)";

    /** The quantity in the factor's unit that falls in a monthly share, by days, as the emissions were split. */
    String SHARE_OF_QUANTITY = "a.quantity_in_factor_unit * (m.last_day - m.first_day + 1) * 1.0 / (a.end_day - a.start_day + 1)";

    /**
     * @param activities the activities counted once each: in the period's first share of each (its first
     *        month, or the month that holds the period's first day)
     */
    record Group(int scope, String category, String month, Long siteId, String siteName, String type, String dataQuality,
            String factorId, String factorSet, String factorSetVersion, String factorUnit, double factorCo2ePerUnit,
            double co2eKg, double co2Co2eKg, double ch4Co2eKg, double n2oCo2eKg, double unspecifiedCo2eKg, double quantity,
            long activities, String line) {

        /** An activity's own line; the others (upstream, losses...) are counted apart and their activities not again. */
        public boolean direct() {
            return line == null || "direct".equals(line);
        }
    }

    record ScopeTotal(int scope, double co2eKg) {
    }

    /** The activity count of a cut month's shares: each activity once, in its first share inside the period. */
    String COUNT_ONCE = "SUM(CASE WHEN m.first_day <= :fromDay OR m.first_day = a.start_day THEN 1 ELSE 0 END) AS activities";

    /**
     * The whole months' totals: an activity counts in the month it starts, or in the period's first month when
     * that month is whole (every activity with a share there starts there as far as the period is concerned).
     */
    String WHOLE = "SELECT t.month, t.result_key, t.co2e_kg, t.co2_co2e_kg, t.ch4_co2e_kg, t.n2o_co2e_kg,"
            + " t.unspecified_co2e_kg, t.quantity, CASE WHEN t.month = :w.countAllIn THEN t.activities ELSE t.starting END"
            + " AS activities FROM <totals> t WHERE t.organization_id = :organizationId <totalsTag>"
            + " AND t.month >= :w.firstWholeMonth AND t.month <= :w.lastWholeMonth";

    /** The gases of a cut month's shares, for their days inside the period. */
    String CUT_GASES = "SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg,"
            + " SUM(m.co2_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2_co2e_kg,"
            + " SUM(m.ch4_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS ch4_co2e_kg,"
            + " SUM(m.n2o_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS n2o_co2e_kg,"
            + " SUM(m.unspecified_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS unspecified_co2e_kg,";

    /** The shares of one cut month ({@link ReportWindow}) that reach into the period, for their days inside it. */
    String CUT_SUMS = "SELECT m.month, a.result_key, " + CUT_GASES
            + " SUM(" + SHARE_OF_QUANTITY + " * " + Proration.SHARE_IN_WINDOW + ") AS quantity, " + COUNT_ONCE
            + " FROM activity_month m JOIN activity a ON a.id = m.activity_id WHERE m.organization_id = :organizationId AND ";
    String CUT_GROUPS = " <tagFilter> GROUP BY m.month, a.result_key";

    /** The same for the activities' other lines (change set 18-activity-lines), each under its own key. */
    String LINE_SHARE_OF_QUANTITY = "l.quantity_in_factor_unit * (m.last_day - m.first_day + 1) * 1.0"
            + " / (a.end_day - a.start_day + 1)";
    String LINE_CUT_SUMS = "SELECT m.month, l.result_key, " + CUT_GASES
            + " SUM(" + LINE_SHARE_OF_QUANTITY + " * " + Proration.SHARE_IN_WINDOW + ") AS quantity, " + COUNT_ONCE
            + " FROM activity_line_month m JOIN activity_line l ON l.activity_id = m.activity_id AND l.line = m.line"
            + " JOIN activity a ON a.id = m.activity_id WHERE m.organization_id = :organizationId AND ";
    String LINE_CUT_GROUPS = " <tagFilter> GROUP BY m.month, l.result_key";

    /** The period's results by month and result key (line, scope, category, type, site, data quality and factor). */
    String BY_MONTH_AND_KEY = WHOLE + " UNION ALL " + CUT_SUMS + ReportWindow.IN_FIRST_CUT + CUT_GROUPS
            + " UNION ALL " + CUT_SUMS + ReportWindow.IN_LAST_CUT + CUT_GROUPS
            + " UNION ALL " + LINE_CUT_SUMS + ReportWindow.IN_FIRST_CUT + LINE_CUT_GROUPS
            + " UNION ALL " + LINE_CUT_SUMS + ReportWindow.IN_LAST_CUT + LINE_CUT_GROUPS;

    /**
     * The organization's own keys, joined to the groups: a key's organization is the activity's. Said in the join, it
     * lets PostgreSQL read the organization's few keys by index; without it, for an organization with a few hundred
     * groups, it hashed every organization's keys (30,000 keys: 8 to 36 ms, against 0.5 ms; ScaleBenchmark).
     */
    String KEYS = " JOIN activity_result_key k ON k.id = g.result_key AND k.organization_id = :organizationId";

    /** A period's results in one month under one result key, before the key's columns are joined. */
    record MonthTotal(String month, long resultKey, double co2eKg, double co2Co2eKg, double ch4Co2eKg, double n2oCo2eKg,
            double unspecifiedCo2eKg, double quantity, long activities) {
    }

    /** A result key's columns (change set 6-activity-result-keys), with its site's name. */
    record KeyColumns(long id, int scope, String category, Long siteId, String siteName, String type, String dataQuality,
            String factorId, String factorSet, String factorSetVersion, String factorUnit, double factorCo2ePerUnit,
            String line) {
    }

    String MONTH_TOTAL_COLUMNS = "SELECT g.month, g.result_key, g.co2e_kg, g.co2_co2e_kg, g.ch4_co2e_kg, g.n2o_co2e_kg,"
            + " g.unspecified_co2e_kg, g.quantity, g.activities FROM (";

    @SqlQuery(MONTH_TOTAL_COLUMNS + BY_MONTH_AND_KEY + ") g")
    @RegisterConstructorMapper(MonthTotal.class)
    List<MonthTotal> monthTotalsIn(@Bind("organizationId") long organizationId, @BindMethods("w") ReportWindow window,
            @Bind("fromDay") long fromDay, @Bind("toDay") long toDay, @Define("tagFilter") String tagFilter,
            @Define("totals") String totals, @Define("totalsTag") String totalsTag,
            @Bind("tag") String tag);

    /** {@link #monthTotalsIn} for a period of whole months (a year, a quarter, a month: most reports): totals alone. */
    @SqlQuery(MONTH_TOTAL_COLUMNS + WHOLE + ") g")
    @RegisterConstructorMapper(MonthTotal.class)
    List<MonthTotal> wholeMonthTotalsIn(@Bind("organizationId") long organizationId, @BindMethods("w") ReportWindow window,
            @Define("totals") String totals, @Define("totalsTag") String totalsTag, @Bind("tag") String tag);

    @SqlQuery("SELECT k.id, k.scope, k.category, NULLIF(k.site_id, 0) AS site_id, s.name AS site_name, k.type, k.data_quality,"
            + " k.factor_id, k.factor_set, k.factor_set_version, k.factor_unit, k.factor_co2e_per_unit, k.line"
            + " FROM activity_result_key k LEFT JOIN site s ON s.id = k.site_id WHERE k.organization_id = :organizationId")
    @RegisterConstructorMapper(KeyColumns.class)
    List<KeyColumns> keysOf(@Bind("organizationId") long organizationId);

    /**
     * The period's results by month and result key, the key's columns joined in Java rather than in SQL: a key's
     * eleven text columns were read again for each of its months, through sqlite-jdbc's JNI string reads (about 2 µs
     * each), 8 to 9 ms for an organization's 432 groups where the numbers and the keys read apart take about 2 ms
     * (2026-11-30, 100,000 activities). The keys are the organization's own, as its totals' are.
     *
     * @param tagFilter {@link #NO_TAG} or {@link #WITH_TAG}
     */
    default List<Group> groups(long organizationId, long fromDay, long toDay, String tagFilter, String tag) {
        boolean tagged = WITH_TAG.equals(tagFilter);
        ReportWindow window = ReportWindow.of(fromDay, toDay);
        // Whole months skip the union with the cut months' empty reads, which SQLite materialized before reading on.
        List<MonthTotal> totals = window.cutsAMonth()
                ? monthTotalsIn(organizationId, window, fromDay, toDay, tagged ? WITH_TAG : NO_TAG, totals(tagged),
                        totalsTag(tagged), tag)
                : wholeMonthTotalsIn(organizationId, window, totals(tagged), totalsTag(tagged), tag);
        if (totals.isEmpty()) {
            return List.of();
        }
        Map<Long, KeyColumns> keys = new HashMap<>();
        keysOf(organizationId).forEach(k -> keys.put(k.id(), k));
        List<Group> groups = new ArrayList<>(totals.size());
        for (MonthTotal t : totals) {
            KeyColumns k = keys.get(t.resultKey());
            if (k != null) {
                groups.add(new Group(k.scope(), k.category(), t.month(), k.siteId(), k.siteName(), k.type(), k.dataQuality(),
                        k.factorId(), k.factorSet(), k.factorSetVersion(), k.factorUnit(), k.factorCo2ePerUnit(), t.co2eKg(),
                        t.co2Co2eKg(), t.ch4Co2eKg(), t.n2oCo2eKg(), t.unspecifiedCo2eKg(), t.quantity(), t.activities(),
                        k.line()));
            }
        }
        return groups;
    }

    /** The tags of the organization's activities that overlap the period, in order. */
    default List<String> tags(long organizationId, long fromDay, long toDay) {
        return tagsIn(organizationId, ReportWindow.of(fromDay, toDay));
    }

    /** An activity overlapping the period has a total in one of its whole months or a share in a cut month. */
    @SqlQuery("SELECT tag FROM (SELECT t.tag FROM activity_tag_total t WHERE t.organization_id = :organizationId"
            + " AND t.month >= :w.firstWholeMonth AND t.month <= :w.lastWholeMonth"
            + " UNION SELECT t.tag FROM activity_month m JOIN activity_tag t ON t.activity_id = m.activity_id"
            + " WHERE m.organization_id = :organizationId AND " + ReportWindow.IN_FIRST_CUT
            + " UNION SELECT t.tag FROM activity_month m JOIN activity_tag t ON t.activity_id = m.activity_id"
            + " WHERE m.organization_id = :organizationId AND " + ReportWindow.IN_LAST_CUT + ") u ORDER BY tag")
    List<String> tagsIn(@Bind("organizationId") long organizationId, @BindMethods("w") ReportWindow window);

    /** The previous period's totals by scope, for the comparison: nothing else of it is needed. */
    @SqlQuery("SELECT k.scope, SUM(g.co2e_kg) AS co2e_kg FROM (" + BY_MONTH_AND_KEY + ") g"
            + KEYS + " GROUP BY k.scope")
    List<ScopeTotal> byScopeIn(@Bind("organizationId") long organizationId, @BindMethods("w") ReportWindow window,
            @Bind("fromDay") long fromDay, @Bind("toDay") long toDay, @Define("tagFilter") String tagFilter,
            @Define("totals") String totals, @Define("totalsTag") String totalsTag,
            @Bind("tag") String tag);

    default List<ScopeTotal> byScope(long organizationId, long fromDay, long toDay, String tagFilter, String tag) {
        boolean tagged = WITH_TAG.equals(tagFilter);
        ReportWindow window = ReportWindow.of(fromDay, toDay);
        if (!window.cutsAMonth()) {
            return wholeByScopeIn(organizationId, window, totals(tagged), totalsTag(tagged), tag);
        }
        return byScopeIn(organizationId, window, fromDay, toDay, tagged ? WITH_TAG : NO_TAG, totals(tagged),
                totalsTag(tagged), tag);
    }

    /** {@link #byScopeIn} for whole months, as {@link #wholeMonthTotalsIn}. */
    @SqlQuery("SELECT k.scope, SUM(g.co2e_kg) AS co2e_kg FROM (" + WHOLE + ") g" + KEYS + " GROUP BY k.scope")
    List<ScopeTotal> wholeByScopeIn(@Bind("organizationId") long organizationId, @BindMethods("w") ReportWindow window,
            @Define("totals") String totals, @Define("totalsTag") String totalsTag, @Bind("tag") String tag);

    private static String totals(boolean tagged) {
        return tagged ? "activity_tag_total" : "activity_total";
    }

    private static String totalsTag(boolean tagged) {
        return tagged ? "AND t.tag = :tag" : "";
    }
}
