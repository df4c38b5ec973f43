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

import org.empreinte.db.Proration;

/**
 * Networks, memberships and the sums the aggregate and the benchmark need. The sums read the stored
 * monthly shares with the reports' proration by days ({@link Proration}): shares wholly
 * inside the year count in full, those crossing a bound for their days inside it, so a member's total
 * here is its footprint's total for the year.
 */
@RegisterRowMapper(NetworkDao.NetworkMapper.class)
@RegisterConstructorMapper(Member.class)
@RegisterConstructorMapper(NetworkInvitation.Received.class)
@RegisterConstructorMapper(NetworkInvitation.Sent.class)
@RegisterConstructorMapper(NetworkDao.Cell.class)
@RegisterConstructorMapper(NetworkDao.Total.class)
@RegisterConstructorMapper(NetworkDao.Figures.class)
public interface NetworkDao {

    String COLUMNS = "id, name, target_base_year, target_year, target_reduction_percent, target_scopes, created_at,"
            + " (SELECT COUNT(*) FROM network_member x WHERE x.network_id = network.id) AS member_count";
    String MEMBER = "SELECT n.network_id, w.name AS network_name, n.organization_id, o.name AS organization_name, n.sharing,"
            + " n.updated_at FROM network_member n JOIN network w ON w.id = n.network_id JOIN organization o ON o.id = n.organization_id";

    /** One sharing member's emissions of one scope and category in the period. */
    record Cell(long organizationId, int scope, String category, double co2eKg) {
    }

    record Total(long organizationId, double co2eKg) {
    }

    /** An organization's sector and its year's denominators: the year's own figures, else its profile (as reports do). */
    record Figures(long organizationId, String name, String sector, double employees, Double revenueCad) {
    }

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

    /** The network's sharing members' shares, wholly inside the period or crossing one of its bounds. */
    String NETWORK_INSIDE = " FROM network_member n JOIN activity_month m ON m.organization_id = n.organization_id"
            + " JOIN activity a ON a.id = m.activity_id WHERE n.network_id = :networkId AND n.sharing <> 'none'"
            + " AND " + Proration.WHOLLY_IN_WINDOW;
    String NETWORK_ACROSS = " FROM network_member n JOIN activity_month m ON m.organization_id = n.organization_id"
            + " JOIN activity a ON a.id = m.activity_id WHERE n.network_id = :networkId AND n.sharing <> 'none'"
            + " AND " + Proration.CROSSING_A_BOUND;

    /**
     * Every sharing member's emissions in the period by scope and category, in one query: the shares
     * summed by organization and result key, the few keys then joined to their scope and category. A
     * member without a row has no activity in the period.
     */
    @SqlQuery("SELECT g.organization_id, k.scope, k.category, SUM(g.co2e_kg) AS co2e_kg FROM ("
            + "SELECT m.organization_id, a.result_key, SUM(m.co2e_kg) AS co2e_kg" + NETWORK_INSIDE
            + " GROUP BY m.organization_id, a.result_key"
            + " UNION ALL "
            + "SELECT m.organization_id, a.result_key, SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg" + NETWORK_ACROSS
            + " GROUP BY m.organization_id, a.result_key"
            + ") g JOIN activity_result_key k ON k.id = g.result_key GROUP BY g.organization_id, k.scope, k.category")
    List<Cell> networkCells(@Bind("networkId") long networkId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay);

    @SqlQuery("SELECT o.id AS organization_id, o.name, o.sector, COALESCE(y.employees, o.employees) AS employees,"
            + " COALESCE(y.revenue_cad, o.annual_revenue_cad) AS revenue_cad FROM network_member n"
            + " JOIN organization o ON o.id = n.organization_id"
            + " LEFT JOIN organization_year y ON y.organization_id = o.id AND y.year = :year"
            + " WHERE n.network_id = :networkId AND n.sharing <> 'none'")
    List<Figures> networkFigures(@Bind("networkId") long networkId, @Bind("year") int year);

    /** The organizations that may be peers (sharing at least their aggregate with some network), and the one compared. */
    String COMPARED = "(SELECT organization_id FROM network_member WHERE sharing <> 'none' UNION SELECT :organizationId)";
    String PEER_INSIDE = " FROM activity_month m WHERE m.organization_id IN " + COMPARED + " AND " + Proration.WHOLLY_IN_WINDOW;
    String PEER_ACROSS = " FROM activity_month m WHERE m.organization_id IN " + COMPARED + " AND " + Proration.CROSSING_A_BOUND;

    /** Each possible peer's total in the period, and the compared organization's; no row: nothing reported. */
    @SqlQuery("SELECT organization_id, SUM(co2e_kg) AS co2e_kg FROM ("
            + "SELECT m.organization_id, SUM(m.co2e_kg) AS co2e_kg" + PEER_INSIDE + " GROUP BY m.organization_id"
            + " UNION ALL "
            + "SELECT m.organization_id, SUM(m.co2e_kg * " + Proration.SHARE_IN_WINDOW + ") AS co2e_kg" + PEER_ACROSS
            + " GROUP BY m.organization_id) t GROUP BY organization_id")
    List<Total> peerTotals(@Bind("organizationId") long organizationId, @Bind("fromDay") long fromDay, @Bind("toDay") long toDay);

    @SqlQuery("SELECT o.id AS organization_id, o.name, o.sector, COALESCE(y.employees, o.employees) AS employees,"
            + " COALESCE(y.revenue_cad, o.annual_revenue_cad) AS revenue_cad FROM organization o"
            + " LEFT JOIN organization_year y ON y.organization_id = o.id AND y.year = :year"
            + " WHERE o.id IN " + COMPARED)
    List<Figures> peerFigures(@Bind("organizationId") long organizationId, @Bind("year") int year);

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
