package org.empreinte.footprint;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Report aggregates over the stored monthly shares. A share that the report's bounds cut counts
 * for the days inside them (pro rata by days); the CASE expressions stand for LEAST/GREATEST,
 * which SQLite and PostgreSQL spell differently.
 */
@AllowUnusedBindings // the tag is bound whether or not the tag filter is defined
@RegisterConstructorMapper(FootprintDao.Cell.class)
@RegisterConstructorMapper(FootprintDao.SetUsed.class)
public interface FootprintDao {

    String FRACTION = "((CASE WHEN m.last_day < :toDay THEN m.last_day ELSE :toDay END)"
            + " - (CASE WHEN m.first_day > :fromDay THEN m.first_day ELSE :fromDay END) + 1) * 1.0"
            + " / (m.last_day - m.first_day + 1)";

    String WHERE = " WHERE m.organization_id = :organizationId AND m.last_day >= :fromDay AND m.first_day <= :toDay <tagFilter>";

    /** Tag filters the service may define: fixed SQL, never user text. */
    String NO_TAG = "";
    String WITH_TAG = "AND EXISTS (SELECT 1 FROM activity_tag t WHERE t.activity_id = m.activity_id AND t.tag = :tag)";

    /** One group of the report: kg CO2e by gas for a scope, category, month and site. */
    record Cell(int scope, String category, String month, Long siteId, String siteName, double co2eKg, double co2Co2eKg,
            double ch4Co2eKg, double n2oCo2eKg, double unspecifiedCo2eKg, long activities) {
    }

    record SetUsed(String factorSet, String factorSetVersion) {
    }

    @SqlQuery("SELECT a.scope, a.category, m.month, a.site_id, s.name AS site_name,"
            + " SUM(m.co2e_kg * " + FRACTION + ") AS co2e_kg,"
            + " SUM(m.co2_co2e_kg * " + FRACTION + ") AS co2_co2e_kg,"
            + " SUM(m.ch4_co2e_kg * " + FRACTION + ") AS ch4_co2e_kg,"
            + " SUM(m.n2o_co2e_kg * " + FRACTION + ") AS n2o_co2e_kg,"
            + " SUM(m.unspecified_co2e_kg * " + FRACTION + ") AS unspecified_co2e_kg,"
            + " COUNT(DISTINCT m.activity_id) AS activities"
            + " FROM activity_month m JOIN activity a ON a.id = m.activity_id LEFT JOIN site s ON s.id = a.site_id"
            + WHERE
            + " GROUP BY a.scope, a.category, m.month, a.site_id, s.name")
    List<Cell> cells(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay,
            @Define("tagFilter") String tagFilter, @Bind("tag") String tag);

    @SqlQuery("SELECT COUNT(DISTINCT m.activity_id) FROM activity_month m" + WHERE)
    long activityCount(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay,
            @Bind("toDay") long toDay, @Define("tagFilter") String tagFilter, @Bind("tag") String tag);

    @SqlQuery("SELECT DISTINCT a.factor_set, a.factor_set_version FROM activity_month m JOIN activity a ON a.id = m.activity_id"
            + WHERE + " ORDER BY a.factor_set, a.factor_set_version")
    List<SetUsed> factorSets(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay,
            @Bind("toDay") long toDay, @Define("tagFilter") String tagFilter, @Bind("tag") String tag);
}
