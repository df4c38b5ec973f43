package org.empreinte.target;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The action plan's rows; the estimate stays JSON text here, the service reads it. */
@RegisterConstructorMapper(ActionDao.ActionRow.class)
public interface ActionDao {

    String COLUMNS = "id, organization_id, title, category, scope, expected_yearly_reduction_co2e_kg, estimate, start_year,"
            + " status, created_at, updated_at";

    record ActionRow(long id, long organizationId, String title, String category, int scope,
            double expectedYearlyReductionCo2eKg, String estimate, int startYear, String status, String createdAt,
            String updatedAt) {
    }

    @SqlQuery("INSERT INTO plan_action (organization_id, title, category, scope, expected_yearly_reduction_co2e_kg, estimate,"
            + " start_year, status, created_at, updated_at) VALUES (:organizationId, :title, :category, :scope, :reduction,"
            + " :estimate, :startYear, :status, :now, :now) RETURNING id")
    long insert(@Bind("organizationId") long organizationId, @Bind("title") String title, @Bind("category") String category,
            @Bind("scope") int scope, @Bind("reduction") double reduction, @Bind("estimate") String estimate,
            @Bind("startYear") int startYear, @Bind("status") String status, @Bind("now") String now);

    @SqlUpdate("UPDATE plan_action SET title = :title, category = :category, scope = :scope,"
            + " expected_yearly_reduction_co2e_kg = :reduction, estimate = :estimate, start_year = :startYear,"
            + " status = :status, updated_at = :now WHERE organization_id = :organizationId AND id = :id")
    int update(@Bind("organizationId") long organizationId, @Bind("id") long id, @Bind("title") String title,
            @Bind("category") String category, @Bind("scope") int scope, @Bind("reduction") double reduction,
            @Bind("estimate") String estimate, @Bind("startYear") int startYear, @Bind("status") String status,
            @Bind("now") String now);

    @SqlQuery("SELECT " + COLUMNS + " FROM plan_action WHERE organization_id = :organizationId AND id = :id")
    Optional<ActionRow> find(@Bind("organizationId") long organizationId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM plan_action WHERE organization_id = :organizationId ORDER BY start_year, id")
    List<ActionRow> list(@Bind("organizationId") long organizationId);

    @SqlUpdate("DELETE FROM plan_action WHERE organization_id = :organizationId AND id = :id")
    int delete(@Bind("organizationId") long organizationId, @Bind("id") long id);
}
