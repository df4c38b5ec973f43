package org.empreinte.target;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Inserts return their id through RETURNING in a query: sqlite-jdbc gives no generated keys. */
@RegisterRowMapper(TargetDao.TargetMapper.class)
public interface TargetDao {

    String COLUMNS = "id, organization_id, name, base_year, target_year, reduction_percent, scopes, kind, metric, preset, created_at";

    @SqlQuery("INSERT INTO reduction_target (organization_id, name, base_year, target_year, reduction_percent, scopes, kind,"
            + " metric, preset, created_at) VALUES (:organizationId, :name, :baseYear, :targetYear, :reductionPercent,"
            + " :scopes, :kind, :metric, :preset, :now) RETURNING id")
    long insert(@Bind("organizationId") long organizationId, @Bind("name") String name, @Bind("baseYear") int baseYear,
            @Bind("targetYear") int targetYear, @Bind("reductionPercent") double reductionPercent,
            @Bind("scopes") String scopes, @Bind("kind") String kind, @Bind("metric") String metric,
            @Bind("preset") String preset, @Bind("now") String now);

    @SqlQuery("SELECT " + COLUMNS + " FROM reduction_target WHERE organization_id = :organizationId AND id = :id")
    Optional<Target> find(@Bind("organizationId") long organizationId, @Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM reduction_target WHERE organization_id = :organizationId ORDER BY id")
    List<Target> list(@Bind("organizationId") long organizationId);

    @SqlUpdate("DELETE FROM reduction_target WHERE organization_id = :organizationId AND id = :id")
    int delete(@Bind("organizationId") long organizationId, @Bind("id") long id);

    static String scopes(List<Integer> scopes) {
        return String.join(",", scopes.stream().map(String::valueOf).toList());
    }

    class TargetMapper implements RowMapper<Target> {
        @Override
        public Target map(ResultSet rs, StatementContext ctx) throws SQLException {
            List<Integer> scopes = Arrays.stream(rs.getString("scopes").split(",")).map(Integer::valueOf).toList();
            return new Target(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("name"), rs.getInt("base_year"),
                    rs.getInt("target_year"), rs.getDouble("reduction_percent"), scopes, rs.getString("kind"),
                    rs.getString("metric"), rs.getString("preset"), rs.getString("created_at"));
        }
    }
}
