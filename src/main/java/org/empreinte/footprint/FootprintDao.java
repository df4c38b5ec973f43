package org.empreinte.footprint;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Report aggregates over the stored monthly shares, in one pass: each group holds one scope,
 * category, month, site, activity type, data quality and factor applied, so every view of a report
 * (by scope, gas, month, site, ISO category, quality, the factors applied, scope 2 by contract) is
 * a sum over a few hundred groups rather than another scan of the rows. A share that the report's bounds cut counts
 * for the days inside them (pro rata by days); the CASE expressions stand for LEAST/GREATEST,
 * which SQLite and PostgreSQL spell differently.
 */
@AllowUnusedBindings // the tag is bound whether or not the tag filter is defined
@RegisterConstructorMapper(FootprintDao.Group.class)
@RegisterConstructorMapper(FootprintDao.ScopeTotal.class)
public interface FootprintDao {

    String FRACTION = "((CASE WHEN m.last_day < :toDay THEN m.last_day ELSE :toDay END)"
            + " - (CASE WHEN m.first_day > :fromDay THEN m.first_day ELSE :fromDay END) + 1) * 1.0"
            + " / (m.last_day - m.first_day + 1)";

    String WHERE = " WHERE m.organization_id = :organizationId AND m.last_day >= :fromDay AND m.first_day <= :toDay <tagFilter>";

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

    @SqlQuery("SELECT a.scope, a.category, m.month, a.site_id, s.name AS site_name, a.type, a.data_quality,"
            + " a.factor_id, a.factor_set, a.factor_set_version, a.factor_unit, a.factor_co2e_per_unit,"
            + " SUM(m.co2e_kg * " + FRACTION + ") AS co2e_kg,"
            + " SUM(m.co2_co2e_kg * " + FRACTION + ") AS co2_co2e_kg,"
            + " SUM(m.ch4_co2e_kg * " + FRACTION + ") AS ch4_co2e_kg,"
            + " SUM(m.n2o_co2e_kg * " + FRACTION + ") AS n2o_co2e_kg,"
            + " SUM(m.unspecified_co2e_kg * " + FRACTION + ") AS unspecified_co2e_kg,"
            + " SUM(" + SHARE_OF_QUANTITY + " * " + FRACTION + ") AS quantity,"
            + " SUM(CASE WHEN m.first_day <= :fromDay OR m.first_day = a.start_day THEN 1 ELSE 0 END) AS activities"
            + " FROM activity_month m JOIN activity a ON a.id = m.activity_id LEFT JOIN site s ON s.id = a.site_id"
            + WHERE
            + " GROUP BY a.scope, a.category, m.month, a.site_id, s.name, a.type, a.data_quality, a.factor_id, a.factor_set,"
            + " a.factor_set_version, a.factor_unit, a.factor_co2e_per_unit")
    List<Group> groups(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay,
            @Define("tagFilter") String tagFilter, @Bind("tag") String tag);

    /** The previous period's totals by scope, for the comparison: nothing else of it is needed. */
    @SqlQuery("SELECT a.scope, SUM(m.co2e_kg * " + FRACTION + ") AS co2e_kg"
            + " FROM activity_month m JOIN activity a ON a.id = m.activity_id"
            + WHERE
            + " GROUP BY a.scope")
    List<ScopeTotal> byScope(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay,
            @Bind("toDay") long toDay, @Define("tagFilter") String tagFilter, @Bind("tag") String tag);
}
