package org.empreinte.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Networks, memberships and consent. No figure of a member is read here: aggregates and benchmarks read
 * submitted inventories, never another organization's activities.
 */
@RegisterRowMapper(NetworkDao.NetworkMapper.class)
@RegisterConstructorMapper(Member.class)
@RegisterConstructorMapper(NetworkInvitation.Received.class)
@RegisterConstructorMapper(NetworkInvitation.Sent.class)
@RegisterConstructorMapper(NetworkDao.SharingMark.class)
public interface NetworkDao {

    String COLUMNS = "id, name, target_base_year, target_year, target_reduction_percent, target_scopes, created_at,"
            + " (SELECT COUNT(*) FROM network_member x WHERE x.network_id = network.id) AS member_count";
    String MEMBER = "SELECT n.network_id, w.name AS network_name, n.organization_id, o.name AS organization_name, n.sharing,"
            + " n.updated_at FROM network_member n JOIN network w ON w.id = n.network_id JOIN organization o ON o.id = n.organization_id";

    @SqlQuery("INSERT INTO network (name, created_at) VALUES (:name, :now) RETURNING id")
    long insert(@Bind("name") String name, @Bind("now") String now);

    @SqlUpdate("UPDATE network SET target_base_year = :baseYear, target_year = :targetYear,"
            + " target_reduction_percent = :reductionPercent, target_scopes = :scopes WHERE id = :id")
    int setTarget(@Bind("id") long id, @Bind("baseYear") Integer baseYear, @Bind("targetYear") Integer targetYear,
            @Bind("reductionPercent") Double reductionPercent, @Bind("scopes") String scopes);

    @SqlQuery("SELECT " + COLUMNS + " FROM network WHERE id = :id")
    Optional<Network> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM network ORDER BY name, id")
    List<Network> list();

    /** The networks after a name and id, in the list's order. */
    @SqlQuery("SELECT " + COLUMNS + " FROM network WHERE name > :name OR (name = :name AND id > :id) ORDER BY name, id"
            + " LIMIT :limit")
    List<Network> listAfter(@Bind("name") String name, @Bind("id") long id, @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO network_member (network_id, organization_id, sharing, updated_at)"
            + " VALUES (:networkId, :organizationId, :sharing, :now)")
    int insertMember(@Bind("networkId") long networkId, @Bind("organizationId") long organizationId,
            @Bind("sharing") String sharing, @Bind("now") String now);

    @SqlUpdate("UPDATE network_member SET sharing = :sharing, updated_at = :now"
            + " WHERE network_id = :networkId AND organization_id = :organizationId")
    int updateMember(@Bind("networkId") long networkId, @Bind("organizationId") long organizationId,
            @Bind("sharing") String sharing, @Bind("now") String now);

    @SqlUpdate("DELETE FROM network_member WHERE network_id = :networkId AND organization_id = :organizationId")
    int deleteMember(@Bind("networkId") long networkId, @Bind("organizationId") long organizationId);

    @SqlQuery(MEMBER + " WHERE n.network_id = :networkId AND n.organization_id = :organizationId")
    Optional<Member> member(@Bind("networkId") long networkId, @Bind("organizationId") long organizationId);

    @SqlQuery(MEMBER + " WHERE n.network_id = :networkId ORDER BY o.name, o.id")
    List<Member> members(@Bind("networkId") long networkId);

    @SqlQuery(MEMBER + " WHERE n.organization_id = :organizationId ORDER BY w.name, w.id")
    List<Member> memberships(@Bind("organizationId") long organizationId);

    // ---- Invitations: a coordinator names an organization by id, its editors accept ----------------------------

    @SqlUpdate("DELETE FROM network_invitation WHERE network_id = :networkId AND organization_id = :organizationId")
    int deleteInvitation(@Bind("networkId") long networkId, @Bind("organizationId") long organizationId);

    @SqlQuery("SELECT COUNT(*) FROM network_invitation WHERE network_id = :networkId")
    int invitationCount(@Bind("networkId") long networkId);

    @SqlUpdate("INSERT INTO network_invitation (network_id, organization_id, invited_by, created_at)"
            + " VALUES (:networkId, :organizationId, :invitedBy, :now)")
    void insertInvitation(@Bind("networkId") long networkId, @Bind("organizationId") long organizationId,
            @Bind("invitedBy") String invitedBy, @Bind("now") String now);

    /** The organization's invitations, with the inviting network's name: the invited side may know who asks. */
    @SqlQuery("SELECT i.network_id, w.name AS network_name, i.created_at FROM network_invitation i"
            + " JOIN network w ON w.id = i.network_id WHERE i.organization_id = :organizationId ORDER BY w.name, w.id")
    List<NetworkInvitation.Received> invitationsOf(@Bind("organizationId") long organizationId);

    /** The network's invitations as its coordinators wrote them: ids only, never the names of organizations. */
    @SqlQuery("SELECT organization_id, created_at FROM network_invitation WHERE network_id = :networkId ORDER BY organization_id")
    List<NetworkInvitation.Sent> invitationsFrom(@Bind("networkId") long networkId);

    /** What may change who counts among peers: every consent given, changed or withdrawn moves it. */
    record SharingMark(long members, long sharing, String latest) {
    }

    @SqlQuery("SELECT COUNT(*) AS members, COALESCE(SUM(CASE WHEN sharing <> 'none' THEN 1 ELSE 0 END), 0) AS sharing,"
            + " COALESCE(MAX(updated_at), '') AS latest FROM network_member")
    SharingMark sharingMark();

    /** The organizations sharing at least their aggregate with some network: those a benchmark may count. */
    @SqlQuery("SELECT DISTINCT organization_id FROM network_member WHERE sharing <> 'none'")
    List<Long> sharingOrganizations();

    class NetworkMapper implements RowMapper<Network> {
        @Override
        public Network map(ResultSet rs, StatementContext ctx) throws SQLException {
            int baseYear = rs.getInt("target_base_year");
            NetworkTarget target = null;
            if (!rs.wasNull()) {
                List<Integer> scopes = Arrays.stream(rs.getString("target_scopes").split(",")).map(Integer::valueOf).toList();
                target = new NetworkTarget(baseYear, rs.getInt("target_year"), rs.getDouble("target_reduction_percent"), scopes);
            }
            return new Network(rs.getLong("id"), rs.getString("name"), target, rs.getInt("member_count"),
                    rs.getString("created_at"), null);
        }
    }
}
