package org.empreinte.network;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Campaigns, one per network and year (a unique index says so to both databases). */
@RegisterConstructorMapper(CampaignDao.Row.class)
@RegisterConstructorMapper(CampaignDao.ForMember.class)
public interface CampaignDao {

    String COLUMNS = "id, network_id, year, due_date, opened_at, opened_by, reminded_at, closed_at, closed_by, closed_aggregate";

    /** A campaign as stored; {@code closedAggregate} the network's aggregate frozen at closing, as JSON. */
    record Row(long id, long networkId, int year, String dueDate, String openedAt, String openedBy, String remindedAt,
            String closedAt, String closedBy, String closedAggregate) {

        Campaign campaign() {
            return new Campaign(networkId, year, dueDate, openedAt, remindedAt, closedAt);
        }
    }

    @SqlQuery("INSERT INTO campaign (network_id, year, due_date, opened_at, opened_by)"
            + " VALUES (:networkId, :year, :dueDate, :now, :who) RETURNING id")
    long insert(@Bind("networkId") long networkId, @Bind("year") int year, @Bind("dueDate") String dueDate,
            @Bind("now") String now, @Bind("who") String who);

    @SqlQuery("SELECT " + COLUMNS + " FROM campaign WHERE network_id = :networkId AND year = :year")
    Optional<Row> find(@Bind("networkId") long networkId, @Bind("year") int year);

    /** A campaign as a member sees it: its network's name, and its year and due date. */
    record ForMember(long networkId, String networkName, int year, String dueDate) {
    }

    /** The campaigns not yet closed of the networks the organization shares at least its aggregate with. */
    @SqlQuery("SELECT c.network_id, w.name AS network_name, c.year, c.due_date FROM campaign c"
            + " JOIN network_member n ON n.network_id = c.network_id JOIN network w ON w.id = c.network_id"
            + " WHERE n.organization_id = :organizationId AND n.sharing <> 'none' AND c.closed_at IS NULL"
            + " ORDER BY c.due_date, w.name")
    List<ForMember> openFor(@Bind("organizationId") long organizationId);

    @SqlQuery("SELECT " + COLUMNS + " FROM campaign WHERE network_id = :networkId ORDER BY year DESC")
    List<Row> list(@Bind("networkId") long networkId);

    /** Closes it once: 0 when it was closed already. */
    @SqlUpdate("UPDATE campaign SET closed_at = :now, closed_by = :who, closed_aggregate = :aggregate"
            + " WHERE network_id = :networkId AND year = :year AND closed_at IS NULL")
    int close(@Bind("networkId") long networkId, @Bind("year") int year, @Bind("now") String now, @Bind("who") String who,
            @Bind("aggregate") String aggregate);

    @SqlUpdate("UPDATE campaign SET reminded_at = :now WHERE network_id = :networkId AND year = :year")
    int reminded(@Bind("networkId") long networkId, @Bind("year") int year, @Bind("now") String now);
}
