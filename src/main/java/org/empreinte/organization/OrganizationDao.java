package org.empreinte.organization;

import java.util.List;
import java.util.Optional;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.empreinte.web.ResourceNotFoundException;

@RegisterRowMapper(OrganizationDao.OrganizationMapper.class)
@RegisterConstructorMapper(Site.class)
/** Inserts return their id with RETURNING, which SQLite (3.35+) and PostgreSQL both support. */
public interface OrganizationDao {

    String COLUMNS = "id, name, sector, region, employees, annual_revenue_cad, legal_form, include_radiative_forcing,"
            + " created_at, updated_at";

    @SqlQuery("INSERT INTO organization (name, sector, region, employees, annual_revenue_cad, legal_form,"
            + " include_radiative_forcing, created_at, updated_at) VALUES (:r.name, :r.sector, :r.region, :r.employees,"
            + " :r.annualRevenueCad, :r.legalForm, :r.radiativeForcing, :now, :now) RETURNING id")
    long insert(@BindMethods("r") OrganizationRequest request, @Bind("now") String now);

    @SqlUpdate("UPDATE organization SET name = :r.name, sector = :r.sector, region = :r.region, employees = :r.employees,"
            + " annual_revenue_cad = :r.annualRevenueCad, legal_form = :r.legalForm,"
            + " include_radiative_forcing = :r.radiativeForcing, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @BindMethods("r") OrganizationRequest request, @Bind("now") String now);

    @SqlQuery("SELECT " + COLUMNS + " FROM organization WHERE id = :id")
    Optional<Organization> find(@Bind("id") long id);

    /**
     * The organization, or the 404 that names it: every service checks this first under an organization's
     * address, and all of them answer an unknown one alike.
     */
    default Organization require(long id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("organization", id));
    }

    /** How many writes the organization's data has seen: what cached reports are keyed by. */
    @SqlQuery("SELECT data_revision FROM organization WHERE id = :id")
    Optional<Long> revision(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM organization ORDER BY name, id")
    List<Organization> list();

    /** The organizations after a name and id, in the list's order. */
    @SqlQuery("SELECT " + COLUMNS + " FROM organization WHERE name > :name OR (name = :name AND id > :id)"
            + " ORDER BY name, id LIMIT :limit")
    List<Organization> listAfter(@Bind("name") String name, @Bind("id") long id, @Bind("limit") int limit);

    @SqlQuery("INSERT INTO site (organization_id, name, region) VALUES (:organizationId, :r.name, :r.region)" + " RETURNING id")
    long insertSite(@Bind("organizationId") long organizationId, @BindMethods("r") SiteRequest request);

    @SqlUpdate("UPDATE site SET name = :r.name, region = :r.region WHERE id = :id AND organization_id = :organizationId")
    int updateSite(@Bind("organizationId") long organizationId, @Bind("id") long id, @BindMethods("r") SiteRequest request);

    @SqlQuery("SELECT id, organization_id, name, region FROM site WHERE organization_id = :organizationId ORDER BY name, id")
    List<Site> sites(@Bind("organizationId") long organizationId);

    @SqlQuery("SELECT id, organization_id, name, region FROM site WHERE organization_id = :organizationId AND id = :id")
    Optional<Site> site(@Bind("organizationId") long organizationId, @Bind("id") long id);

    @SqlQuery("SELECT id, organization_id, name, region FROM site WHERE organization_id = :organizationId AND name = :name")
    Optional<Site> siteNamed(@Bind("organizationId") long organizationId, @Bind("name") String name);

    @SqlQuery("SELECT COUNT(*) FROM activity WHERE site_id = :id")
    int activitiesAtSite(@Bind("id") long siteId);

    @SqlUpdate("DELETE FROM site WHERE id = :id AND organization_id = :organizationId")
    int deleteSite(@Bind("organizationId") long organizationId, @Bind("id") long id);

    class OrganizationMapper implements RowMapper<Organization> {
        @Override
        public Organization map(ResultSet rs, StatementContext ctx) throws SQLException {
            double revenue = rs.getDouble("annual_revenue_cad");
            Double annualRevenue = rs.wasNull() ? null : revenue;
            return new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("sector"), rs.getString("region"),
                    rs.getDouble("employees"), annualRevenue, rs.getString("legal_form"),
                    rs.getBoolean("include_radiative_forcing"), rs.getString("created_at"),
                    rs.getString("updated_at"), null);
        }
    }
}
