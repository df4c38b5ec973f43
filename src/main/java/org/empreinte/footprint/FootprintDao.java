package org.empreinte.footprint;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import org.empreinte.db.Proration;

/**
 * Report aggregates over the stored monthly shares, in one pass: each group holds one scope,
 * category, month, site, activity type, data quality and factor applied, so every view of a report
 * (by scope, gas, month, site, ISO category, quality, the factors applied, scope 2 by contract) is
 * a sum over a few hundred groups rather than another scan of the rows. A share that the report's bounds cut counts
 * for the days inside them (pro rata by days, see {@link Proration}).
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
            long activities) {
    }

    record ScopeTotal(int scope, double co2eKg) {
    }

    /** The activity count: each activity once, in its first share inside the period (its first month, or the period's). */
    String COUNT_ONCE = "SUM(CASE WHEN m.first_day <= :fromDay OR m.first_day = a.start_day THEN 1 ELSE 0 END) AS activities";

    /** The organization's shares wholly inside the period, and those crossing one of its bounds. */
    String INSIDE = " FROM activity_month m JOIN activity a ON a.id = m.activity_id"
            + " WHERE m.organization_id = :organizationId AND " + Proration.WHOLLY_IN_WINDOW + " <tagFilter>";
    String ACROSS = " FROM activity_month m JOIN activity a ON a.id = m.activity_id"
            + " WHERE m.organization_id = :organizationId AND " + Proration.CROSSING_A_BOUND + " <tagFilter>";

    /**
     * The period's results by month and result key (scope, category, type, site, data quality and
     * factor: change set 6-activity-result-keys), with the key's columns joined to the few groups.
     */
    @SqlQuery("SELECT k.scope, k.category, g.month, NULLIF(k.site_id, 0) AS site_id, s.name AS site_name, k.type,"
            + " k.data_quality, k.factor_id, k.factor_set, k.factor_set_version, k.factor_unit, k.factor_co2e_per_unit,"
            + " g.co2e_kg, g.co2_co2e_kg, g.ch4_co2e_kg, g.n2o_co2e_kg, g.unspecified_co2e_kg, g.quantity, g.activities FROM ("
            + "SELECT m.month, a.result_key, SUM(m.co2e_kg) AS co2e_kg, SUM(m.co2_co2e_kg) AS co2_co2e_kg,"
            + " SUM(m.ch4_co2e_kg) AS ch4_co2e_kg, SUM(m.n2o_co2e_kg) AS n2o_co2e_kg,"
            + " SUM(m.unspecified_co2e_kg) AS unspecified_co2e_kg, SUM(" + SHARE_OF_QUANTITY + ") AS quantity, " + COUNT_ONCE
            + INSIDE + " GROUP BY m.month, a.result_key"
            + " UNION ALL "
            + "SELECT m.month, a.result_key, SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg,"
            + " SUM(m.co2_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2_co2e_kg,"
            + " SUM(m.ch4_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS ch4_co2e_kg,"
            + " SUM(m.n2o_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS n2o_co2e_kg,"
            + " SUM(m.unspecified_co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS unspecified_co2e_kg,"
            + " SUM(" + SHARE_OF_QUANTITY + " * " + Proration.SHARE_IN_WINDOW + ") AS quantity, " + COUNT_ONCE
            + ACROSS + " GROUP BY m.month, a.result_key"
            + ") g JOIN activity_result_key k ON k.id = g.result_key LEFT JOIN site s ON s.id = k.site_id")
    List<Group> groups(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay,
            @Define("tagFilter") String tagFilter, @Bind("tag") String tag);

    /** The tags of the organization's activities that overlap the period, in order. */
    @SqlQuery("SELECT DISTINCT t.tag FROM activity_tag t JOIN activity a ON a.id = t.activity_id"
            + " WHERE a.organization_id = :organizationId AND a.start_day <= :toDay AND a.end_day >= :fromDay ORDER BY t.tag")
    List<String> tags(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay);

    /** How many activities the organization has, counting no further than {@code cap}: a few index entries. */
    @SqlQuery("SELECT COUNT(*) FROM (SELECT 1 FROM activity WHERE organization_id = :organizationId LIMIT :cap) c")
    int activitiesUpTo(@Bind("organizationId") long organizationId, @Bind("cap") int cap);

    /** The previous period's totals by scope, for the comparison: nothing else of it is needed. */
    @SqlQuery("SELECT k.scope, SUM(g.co2e_kg) AS co2e_kg FROM ("
            + "SELECT a.result_key, SUM(m.co2e_kg) AS co2e_kg" + INSIDE + " GROUP BY a.result_key"
            + " UNION ALL "
            + "SELECT a.result_key, SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg" + ACROSS + " GROUP BY a.result_key"
            + ") g JOIN activity_result_key k ON k.id = g.result_key GROUP BY k.scope")
    List<ScopeTotal> byScope(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay,
            @Bind("toDay") long toDay, @Define("tagFilter") String tagFilter, @Bind("tag") String tag);
}
