package org.empreinte.network;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.Actor;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.calculation.Period;
import org.empreinte.inventory.InventoryService;
import org.empreinte.inventory.YearState;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ConflictException;
import org.empreinte.web.Paging;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * Networks, their members' consent, and their members' years as coordinators follow them (states only). Consent is
 * read at every request and nothing computed from it is cached, so a member's change applies to the very next read.
 * The network's figures are {@link NetworkFigures}'.
 */
public class NetworkService {

    private final Jdbi jdbi;
    private final NetworkDao dao;
    private final OrganizationDao organizations;
    private final Clock clock;
    private final UnitOfWork units;
    private final InventoryService inventories;

    /** Invitations waiting at once per network: a regional pole's members, not every id there is. */
    static final int MAX_PENDING_INVITATIONS = 1000;

    public NetworkService(Jdbi jdbi, UnitOfWork units, InventoryService inventories, Clock clock) {
        this.jdbi = jdbi;
        this.inventories = inventories;
        this.dao = jdbi.onDemand(NetworkDao.class);
        this.organizations = jdbi.onDemand(OrganizationDao.class);
        this.clock = clock;
        this.units = units;
    }

    public Network create(NetworkRequest request) {
        if (request == null) {
            throw new ValidationException("name", "name is required", "error_required");
        }
        String name = name(request.name());
        NetworkTarget target = request.target() == null ? null : target(request.target(), "target.");
        return jdbi.inTransaction(handle -> {
            long id = dao.insert(name, clock.instant().toString());
            if (target != null) {
                dao.setTarget(id, target.baseYear(), target.targetYear(), target.reductionPercent(), scopes(target.scopes()));
            }
            return network(id);
        });
    }

    public List<Network> list() {
        return dao.list();
    }

    /** A page of the networks, by name then id; {@code visible} null for all of them. */
    public Paging.Slice<Network> page(java.util.Set<Long> visible, Paging paging) {
        return paging.byName(dao::listAfter, n -> visible == null || visible.contains(n.id()), Network::name, Network::id);
    }

    public Network network(long id) {
        Network network = dao.find(id).orElseThrow(() -> new ResourceNotFoundException("network", id));
        return network.withMembers(dao.members(id));
    }

    public Network setTarget(long id, NetworkRequest.TargetRequest request) {
        if (request == null) {
            throw new ValidationException("baseYear", "baseYear is required", "error_required");
        }
        NetworkTarget target = target(request, "");
        return jdbi.inTransaction(handle -> {
            requireNetwork(id);
            dao.setTarget(id, target.baseYear(), target.targetYear(), target.reductionPercent(), scopes(target.scopes()));
            return network(id);
        });
    }

    public void deleteTarget(long id) {
        requireNetwork(id);
        dao.setTarget(id, null, null, null, null);
    }

    public Member addMember(long networkId, MemberRequest request) {
        if (request == null || request.organizationId() == null) {
            throw new ValidationException("organizationId", "organizationId is required", "error_required");
        }
        Sharing sharing = Sharing.parse(request.sharing());
        long organizationId = request.organizationId();
        requireNetwork(networkId);
        return units.write(organizationId, changes -> {
            if (dao.member(networkId, organizationId).isPresent()) {
                throw new ConflictException("organizationId", "organization " + organizationId + " is already a member of network "
                        + networkId + ": PUT .../members/" + organizationId + " changes what it shares", "error_member_exists");
            }
            dao.insertMember(networkId, organizationId, sharing.key(), clock.instant().toString());
            dao.deleteInvitation(networkId, organizationId);
            Member member = dao.member(networkId, organizationId).orElseThrow();
            changes.record("network_member", networkId, AuditTrail.CREATE, null, member);
            return member;
        });
    }

    /**
     * A coordinator's request to add an organization: an invitation its editors accept, choosing what
     * they share. Nothing here depends on whether the organization exists or what it is called, so the
     * answer tells the coordinator nothing of other organizations.
     */
    public void invite(long networkId, MemberRequest request) {
        if (request == null || request.organizationId() == null) {
            throw new ValidationException("organizationId", "organizationId is required", "error_required");
        }
        long organizationId = request.organizationId();
        jdbi.useTransaction(handle -> {
            requireNetwork(networkId);
            if (dao.member(networkId, organizationId).isEmpty()) {
                dao.deleteInvitation(networkId, organizationId);
                if (dao.invitationCount(networkId) >= MAX_PENDING_INVITATIONS) {
                    throw new ValidationException("organizationId", "this network already has " + MAX_PENDING_INVITATIONS
                            + " invitations waiting", "error_invitations_full", MAX_PENDING_INVITATIONS);
                }
                dao.insertInvitation(networkId, organizationId, Actor.current(), clock.instant().toString());
            }
        });
    }

    public List<NetworkInvitation.Sent> invitationsFrom(long networkId) {
        requireNetwork(networkId);
        return dao.invitationsFrom(networkId);
    }

    public List<NetworkInvitation.Received> invitationsOf(long organizationId) {
        organizations.require(organizationId);
        return dao.invitationsOf(organizationId);
    }

    /** The organization joins the network that invited it, sharing what its editors chose. */
    public Member accept(long networkId, long organizationId, MemberRequest request) {
        Sharing sharing = Sharing.parse(request == null ? null : request.sharing());
        return units.write(organizationId, changes -> {
            if (dao.deleteInvitation(networkId, organizationId) == 0) {
                throw new ResourceNotFoundException("invitation of network", networkId);
            }
            if (dao.member(networkId, organizationId).isPresent()) {
                throw new ConflictException("networkId", "organization " + organizationId + " is already a member of network "
                        + networkId + ": PUT .../members/" + organizationId + " changes what it shares", "error_member_exists");
            }
            dao.insertMember(networkId, organizationId, sharing.key(), clock.instant().toString());
            Member member = dao.member(networkId, organizationId).orElseThrow();
            changes.record("network_member", networkId, AuditTrail.CREATE, null, member);
            return member;
        });
    }

    public void decline(long networkId, long organizationId) {
        if (dao.deleteInvitation(networkId, organizationId) == 0) {
            throw new ResourceNotFoundException("invitation of network", networkId);
        }
    }

    public Member changeSharing(long networkId, long organizationId, MemberRequest request) {
        Sharing sharing = Sharing.parse(request == null ? null : request.sharing());
        // One answer whether the network exists or the organization is not in it: an organization's editors
        // (anyone may create one) must not learn which network ids exist.
        return units.write(organizationId, changes -> {
            Member before = dao.member(networkId, organizationId).orElse(null);
            if (dao.updateMember(networkId, organizationId, sharing.key(), clock.instant().toString()) == 0) {
                throw new ResourceNotFoundException("membership of organization " + organizationId + " in network", networkId);
            }
            Member after = dao.member(networkId, organizationId).orElseThrow();
            changes.record("network_member", networkId, AuditTrail.UPDATE, before, after);
            return after;
        });
    }

    public void removeMember(long networkId, long organizationId) {
        units.run(organizationId, changes -> {
            Member before = dao.member(networkId, organizationId).orElse(null);
            if (dao.deleteMember(networkId, organizationId) == 0) {
                throw new ResourceNotFoundException("membership of organization " + organizationId + " in network", networkId);
            }
            changes.record("network_member", networkId, AuditTrail.DELETE, before, null);
        });
    }

    /** What an organization shares with whom. */
    public List<Member> memberships(long organizationId) {
        organizations.require(organizationId);
        return dao.memberships(organizationId);
    }

    /** Each sharing member's state for the year, by name; members sharing nothing are not listed. */
    public List<MemberInventory> inventories(long networkId, int year) {
        List<Member> sharing = network(networkId).members().stream()
                .filter(m -> Sharing.parse(m.sharing()).sharesAggregate()).toList();
        Map<Long, YearState> states = inventories.states(year, sharing.stream().map(Member::organizationId).toList());
        return sharing.stream().map(m -> memberInventory(m, year, states.get(m.organizationId()))).toList();
    }

    /**
     * A coordinator marks a member's submission reviewed ({@code accept}) or sends it back with a comment. Only for
     * a member that shares at least its aggregate with the network: anyone else gets 404, as if it were not a member.
     */
    public MemberInventory review(long networkId, long organizationId, int year, String comment, boolean accept) {
        requireNetwork(networkId);
        Member member = dao.member(networkId, organizationId)
                .filter(m -> Sharing.parse(m.sharing()).sharesAggregate())
                .orElseThrow(() -> new ResourceNotFoundException("member of network " + networkId, organizationId));
        if (accept) {
            inventories.review(organizationId, year, comment);
        } else {
            inventories.sendBack(organizationId, year, comment);
        }
        return memberInventory(member, year, inventories.states(year, List.of(organizationId)).get(organizationId));
    }

    private static MemberInventory memberInventory(Member member, int year, YearState state) {
        return state == null
                ? new MemberInventory(member.organizationId(), member.organizationName(), year, "open", null, null, null, null)
                : new MemberInventory(member.organizationId(), member.organizationName(), year, state.state(), state.version(),
                        state.submittedAt(), state.updatedAt(), state.commentForNetwork());
    }

    private void requireNetwork(long id) {
        dao.find(id).orElseThrow(() -> new ResourceNotFoundException("network", id));
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "name is required", "error_required");
        }
        if (name.strip().length() > 200) {
            throw new ValidationException("name", "name is at most 200 characters", "error_network_name_length");
        }
        return TextFields.line("name", name.strip());
    }

    private static NetworkTarget target(NetworkRequest.TargetRequest request, String prefix) {
        int baseYear = year(request.baseYear(), prefix + "baseYear");
        int targetYear = year(request.targetYear(), prefix + "targetYear");
        if (targetYear <= baseYear) {
            throw new ValidationException(prefix + "targetYear", "targetYear must follow baseYear", "error_target_year");
        }
        Double reduction = request.reductionPercent();
        if (reduction == null) {
            throw new ValidationException(prefix + "reductionPercent", "reductionPercent is required", "error_required");
        }
        if (!(reduction > 0 && reduction <= 100)) {
            throw new ValidationException(prefix + "reductionPercent", "reductionPercent must be more than 0 and at most 100",
                    "error_reduction_percent");
        }
        if (request.scopes() == null || request.scopes().isEmpty()) {
            throw new ValidationException(prefix + "scopes", "scopes is required: some of 1, 2 and 3", "error_required");
        }
        TreeSet<Integer> scopes = new TreeSet<>();
        for (Object scope : request.scopes()) {
            String text = String.valueOf(scope).strip();
            if (!List.of("1", "2", "3").contains(text)) {
                throw new ValidationException(prefix + "scopes", "scopes must be some of 1, 2 and 3", "error_scopes");
            }
            scopes.add(Integer.valueOf(text));
        }
        return new NetworkTarget(baseYear, targetYear, reduction, List.copyOf(scopes));
    }

    private static int year(Integer year, String field) {
        if (year == null) {
            throw new ValidationException(field, field + " is required", "error_required");
        }
        if (year < Period.EARLIEST_YEAR || year > Period.LATEST_YEAR) {
            throw new ValidationException(field, field + " must be a year between "
                    + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR, "error_year");
        }
        return year;
    }

    private static String scopes(List<Integer> scopes) {
        return String.join(",", scopes.stream().map(String::valueOf).toList());
    }
}
