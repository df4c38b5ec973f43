package org.empreinte.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Years' states, their submissions, and the submitted figures that networks and benchmarks sum. */
@RegisterConstructorMapper(InventoryDao.StateRow.class)
@RegisterConstructorMapper(InventoryDao.VersionRow.class)
@RegisterConstructorMapper(Inventory.VersionSummary.class)
@RegisterConstructorMapper(SubmittedFigures.class)
@RegisterConstructorMapper(YearState.class)
@RegisterConstructorMapper(SubmittedFigures.Category.class)
public interface InventoryDao {

    record StateRow(long organizationId, int year, String state, long versionId, String comment, String updatedAt,
            String updatedBy) {
    }

    record VersionRow(long id, long organizationId, int year, int version, String submittedAt, String submittedBy,
            long dataRevision, String snapshot) {
    }

    String VERSION = "SELECT id, organization_id, year, version, submitted_at, submitted_by, data_revision, snapshot"
            + " FROM inventory_version";

    @SqlQuery("SELECT organization_id, year, state, version_id, comment, updated_at, updated_by FROM inventory"
            + " WHERE organization_id = :organizationId AND year = :year")
    Optional<StateRow> state(@Bind("organizationId") long organizationId, @Bind("year") int year);

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM inventory_version WHERE organization_id = :organizationId AND year = :year")
    int lastVersion(@Bind("organizationId") long organizationId, @Bind("year") int year);

    @SqlQuery("INSERT INTO inventory_version (organization_id, year, version, submitted_at, submitted_by, data_revision, sector,"
            + " employees, revenue_cad, total_co2e_kg, scope1_co2e_kg, scope2_co2e_kg, scope3_co2e_kg, activity_count, snapshot)"
            + " VALUES (:organizationId, :year, :version, :at, :by, :revision, :sector, :employees, :revenueCad, :total,"
            + " :scope1, :scope2, :scope3, :activities, :snapshot) RETURNING id")
    long insertVersion(@Bind("organizationId") long organizationId, @Bind("year") int year, @Bind("version") int version,
            @Bind("at") String at, @Bind("by") String by, @Bind("revision") long revision, @Bind("sector") String sector,
            @Bind("employees") Double employees, @Bind("revenueCad") Double revenueCad, @Bind("total") double total,
            @Bind("scope1") double scope1, @Bind("scope2") double scope2, @Bind("scope3") double scope3,
            @Bind("activities") long activities, @Bind("snapshot") String snapshot);

    @SqlBatch("INSERT INTO inventory_category (version_id, category, co2e_kg) VALUES (:versionId, :category, :co2eKg)")
    void insertCategories(@Bind("versionId") long versionId, @Bind("category") List<String> categories,
            @Bind("co2eKg") List<Double> co2eKg);

    @SqlUpdate("INSERT INTO inventory (organization_id, year, state, version_id, comment, updated_at, updated_by)"
            + " VALUES (:organizationId, :year, :state, :versionId, NULL, :at, :by)")
    void insertState(@Bind("organizationId") long organizationId, @Bind("year") int year, @Bind("state") String state,
            @Bind("versionId") long versionId, @Bind("at") String at, @Bind("by") String by);

    @SqlUpdate("UPDATE inventory SET state = :state, version_id = :versionId, comment = :comment, updated_at = :at,"
            + " updated_by = :by WHERE organization_id = :organizationId AND year = :year")
    int updateState(@Bind("organizationId") long organizationId, @Bind("year") int year, @Bind("state") String state,
            @Bind("versionId") long versionId, @Bind("comment") String comment, @Bind("at") String at, @Bind("by") String by);

    @SqlQuery(VERSION + " WHERE id = :id")
    Optional<VersionRow> version(@Bind("id") long id);

    @SqlQuery(VERSION + " WHERE organization_id = :organizationId AND year = :year AND version = :version")
    Optional<VersionRow> version(@Bind("organizationId") long organizationId, @Bind("year") int year,
            @Bind("version") int version);

    @SqlQuery("SELECT version, submitted_at, submitted_by, total_co2e_kg FROM inventory_version"
            + " WHERE organization_id = :organizationId AND year = :year ORDER BY version")
    List<Inventory.VersionSummary> versions(@Bind("organizationId") long organizationId, @Bind("year") int year);

    /** The states of those of the organizations that have one for the year, with the version others read. */
    @SqlQuery("SELECT i.organization_id, i.state, v.version, v.submitted_at, i.updated_at, i.comment,"
            + " EXISTS (SELECT 1 FROM organization_member m JOIN app_user u ON u.id = m.user_id"
            + " WHERE m.organization_id = i.organization_id AND u.email = i.updated_by) AS comment_from_organization"
            + " FROM inventory i JOIN inventory_version v ON v.id = i.version_id WHERE i.year = :year AND i.organization_id IN (<ids>)")
    List<YearState> states(@Bind("year") int year, @BindList("ids") Collection<Long> organizationIds);

    /** The submission others read, of each of the organizations that has one for the year. */
    @SqlQuery("SELECT i.organization_id, i.state, v.version, v.sector, v.employees, v.revenue_cad, v.total_co2e_kg,"
            + " v.scope1_co2e_kg, v.scope2_co2e_kg, v.scope3_co2e_kg FROM inventory i JOIN inventory_version v ON v.id = i.version_id"
            + " WHERE i.year = :year AND i.organization_id IN (<ids>)")
    List<SubmittedFigures> submitted(@Bind("year") int year, @BindList("ids") Collection<Long> organizationIds);

    /** What identifies a submitted version for good: its id, and its organization and time should an id be reused. */
    record VersionKey(long id, long organizationId, String submittedAt) {
    }

    @SqlQuery("SELECT v.id, v.organization_id, v.submitted_at FROM inventory i JOIN inventory_version v ON v.id = i.version_id"
            + " WHERE i.year = :year AND i.organization_id IN (<ids>)")
    @RegisterConstructorMapper(VersionKey.class)
    List<VersionKey> submittedVersionKeys(@Bind("year") int year, @BindList("ids") Collection<Long> organizationIds);

    @SqlQuery(VERSION + " WHERE id IN (<ids>)")
    List<VersionRow> versionsById(@BindList("ids") Collection<Long> ids);

    /** The submission others read, whole (its snapshot), of each of the organizations that has one for the year. */
    @SqlQuery("SELECT v.id, v.organization_id, v.year, v.version, v.submitted_at, v.submitted_by, v.data_revision, v.snapshot"
            + " FROM inventory i JOIN inventory_version v ON v.id = i.version_id WHERE i.year = :year AND i.organization_id IN (<ids>)")
    List<VersionRow> submittedVersions(@Bind("year") int year, @BindList("ids") Collection<Long> organizationIds);

    @SqlQuery("SELECT i.organization_id, c.category, c.co2e_kg FROM inventory i"
            + " JOIN inventory_category c ON c.version_id = i.version_id WHERE i.year = :year AND i.organization_id IN (<ids>)")
    List<SubmittedFigures.Category> categories(@Bind("year") int year, @BindList("ids") Collection<Long> organizationIds);

    /**
     * Moves with every submission of the year, and with any deletion of one (an organization deleted): what a
     * cached benchmark is keyed by. Reviews and reopenings change nothing others read.
     */
    @SqlQuery("SELECT COUNT(*) * 1000000000 + COALESCE(MAX(id), 0) FROM inventory_version WHERE year = :year")
    long yearMark(@Bind("year") int year);
}
