package org.empreinte.organization;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The yearly denominators and electricity contracts a report reads beside the activities. */
@RegisterConstructorMapper(YearFigures.class)
@RegisterConstructorMapper(ElectricityContract.class)
public interface ReportInputsDao {

    String YEAR_COLUMNS = "year, employees, revenue_cad, custom_label, custom_value";
    String CONTRACT_COLUMNS = "id, site_id, kind, co2e_kg_per_kwh, from_year, to_year, description";

    @SqlQuery("SELECT " + YEAR_COLUMNS + " FROM organization_year WHERE organization_id = :organizationId ORDER BY year")
    List<YearFigures> years(@Bind("organizationId") long organizationId);

    @SqlQuery("SELECT " + YEAR_COLUMNS + " FROM organization_year WHERE organization_id = :organizationId AND year = :year")
    Optional<YearFigures> year(@Bind("organizationId") long organizationId, @Bind("year") int year);

    /** Insert or replace, in the two statements both databases understand. */
    @SqlUpdate("DELETE FROM organization_year WHERE organization_id = :organizationId AND year = :f.year")
    void deleteYear(@Bind("organizationId") long organizationId, @BindMethods("f") YearFigures figures);

    @SqlUpdate("INSERT INTO organization_year (organization_id, year, employees, revenue_cad, custom_label, custom_value,"
            + " updated_at) VALUES (:organizationId, :f.year, :f.employees, :f.revenueCad, :f.customLabel, :f.customValue, :now)")
    void insertYear(@Bind("organizationId") long organizationId, @BindMethods("f") YearFigures figures, @Bind("now") String now);

    @SqlQuery("SELECT " + CONTRACT_COLUMNS + " FROM electricity_contract WHERE organization_id = :organizationId"
            + " ORDER BY from_year, id")
    List<ElectricityContract> contracts(@Bind("organizationId") long organizationId);

    @SqlQuery("INSERT INTO electricity_contract (organization_id, site_id, kind, co2e_kg_per_kwh, from_year, to_year,"
            + " description, created_at) VALUES (:organizationId, :c.siteId, :c.kind, :c.co2eKgPerKwh, :c.fromYear, :c.toYear,"
            + " :c.description, :now) RETURNING id")
    long insertContract(@Bind("organizationId") long organizationId, @BindMethods("c") ElectricityContract contract,
            @Bind("now") String now);

    @SqlUpdate("DELETE FROM electricity_contract WHERE organization_id = :organizationId AND id = :id")
    int deleteContract(@Bind("organizationId") long organizationId, @Bind("id") long id);
}
