package org.empreinte.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.Actor;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;

import org.empreinte.calculation.Distribution;
import org.empreinte.calculation.Period;
import org.empreinte.calculation.Trajectory;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ConflictException;
import org.empreinte.web.Paging;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * Networks, their members' consent, and the network's aggregate. Consent is read at every request and
 * nothing computed from it is cached, so a member's change applies to the very next read.
 */
public class NetworkService {

    private final Jdbi jdbi;
    private final NetworkDao dao;
    private final OrganizationDao organizations;
    private final Clock clock;
    private final UnitOfWork units;

    /** Invitations waiting at once per network: a regional pole's members, not every id there is. */
    static final int MAX_PENDING_INVITATIONS = 1000;

    public NetworkService(Jdbi jdbi, UnitOfWork units, Clock clock) {
        this.jdbi = jdbi;
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

    public NetworkAggregate aggregate(long networkId, Period year) {
        Network network = network(networkId);
        int y = year.start().getYear();
        List<NetworkDao.Cell> cells = dao.networkCells(networkId, year.start().toEpochDay(), year.end().toEpochDay());
        Map<Long, NetworkDao.Figures> figures = new HashMap<>();
        dao.networkFigures(networkId, y).forEach(f -> figures.put(f.organizationId(), f));

        Map<String, Double> byScope = scopes();
        Map<String, Double> byCategory = new TreeMap<>();
        Map<Long, Map<String, Double>> memberScopes = new HashMap<>();
        double total = 0;
        for (NetworkDao.Cell cell : cells) {
            total += cell.co2eKg();
            byScope.merge(Integer.toString(cell.scope()), cell.co2eKg(), Double::sum);
            byCategory.merge(cell.category(), cell.co2eKg(), Double::sum);
            memberScopes.computeIfAbsent(cell.organizationId(), id -> scopes())
                    .merge(Integer.toString(cell.scope()), cell.co2eKg(), Double::sum);
        }

        List<Double> perFte = new ArrayList<>();
        List<Double> perMillion = new ArrayList<>();
        List<NetworkAggregate.Named> notReported = new ArrayList<>();
        List<NetworkAggregate.MemberDetail> details = new ArrayList<>();
        int sharingCount = 0;
        for (Member member : network.members()) {
            Sharing sharing = Sharing.parse(member.sharing());
            if (!sharing.sharesAggregate()) {
                continue;
            }
            sharingCount++;
            Map<String, Double> own = memberScopes.get(member.organizationId());
            NetworkDao.Figures figure = figures.get(member.organizationId());
            Double fte = null;
            Double million = null;
            if (own == null) {
                notReported.add(new NetworkAggregate.Named(member.organizationId(), member.organizationName()));
            } else {
                double memberTotal = own.values().stream().mapToDouble(Double::doubleValue).sum();
                fte = perFte(memberTotal, figure);
                million = perMillionCad(memberTotal, figure);
                if (fte != null) {
                    perFte.add(fte);
                }
                if (million != null) {
                    perMillion.add(million);
                }
            }
            if (sharing == Sharing.DETAILED) {
                Map<String, Double> memberByScope = own == null ? scopes() : own;
                details.add(new NetworkAggregate.MemberDetail(member.organizationId(), member.organizationName(), own != null,
                        memberByScope.values().stream().mapToDouble(Double::doubleValue).sum(), memberByScope, fte, million));
            }
        }
        int reporting = memberScopes.size();
        return new NetworkAggregate(networkId, network.name(), y, network.members().size(), sharingCount, reporting,
                network.members().size() - sharingCount, total, byScope, byCategory, distribution(perFte),
                distribution(perMillion), targetStatus(network, y, byScope), notReported, details);
    }

    static Double perFte(double co2eKg, NetworkDao.Figures figures) {
        return figures == null || !(figures.employees() > 0) ? null : co2eKg / figures.employees();
    }

    static Double perMillionCad(double co2eKg, NetworkDao.Figures figures) {
        return figures == null || figures.revenueCad() == null || !(figures.revenueCad() > 0) ? null
                : co2eKg / (figures.revenueCad() / 1_000_000);
    }

    private static NetworkAggregate.IntensityDistribution distribution(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        Distribution.Summary summary = Distribution.summarize(values);
        return new NetworkAggregate.IntensityDistribution(summary.count(), summary.lowerQuartile(), summary.median(),
                summary.upperQuartile());
    }

    private NetworkAggregate.TargetStatus targetStatus(Network network, int year, Map<String, Double> byScope) {
        NetworkTarget target = network.target();
        if (target == null) {
            return null;
        }
        double actual = covered(byScope, target.scopes());
        Period base = Period.ofYear(target.baseYear());
        List<NetworkDao.Cell> baseCells = dao.networkCells(network.id(), base.start().toEpochDay(), base.end().toEpochDay());
        if (baseCells.isEmpty()) {
            // No sharing member reported the base year: there is no line to be on.
            return new NetworkAggregate.TargetStatus(target.baseYear(), target.targetYear(), target.reductionPercent(),
                    target.scopes(), null, null, actual, null, false);
        }
        Map<String, Double> baseByScope = scopes();
        baseCells.forEach(cell -> baseByScope.merge(Integer.toString(cell.scope()), cell.co2eKg(), Double::sum));
        double baseKg = covered(baseByScope, target.scopes());
        Trajectory trajectory = new Trajectory(target.baseYear(), baseKg, target.targetYear(), target.reductionPercent());
        double allowed = trajectory.value(year);
        // The same tolerance as TargetProgress: the base year equals its own trajectory, whatever the rounding.
        boolean onTrack = actual <= allowed + 1e-9 * Math.max(1, allowed);
        return new NetworkAggregate.TargetStatus(target.baseYear(), target.targetYear(), target.reductionPercent(),
                target.scopes(), baseKg, trajectory.targetValue(), actual, allowed, onTrack);
    }

    private static double covered(Map<String, Double> byScope, List<Integer> scopes) {
        return scopes.stream().mapToDouble(scope -> byScope.getOrDefault(Integer.toString(scope), 0.0)).sum();
    }

    private static Map<String, Double> scopes() {
        Map<String, Double> byScope = new LinkedHashMap<>();
        for (String scope : List.of("1", "2", "3")) {
            byScope.put(scope, 0.0);
        }
        return byScope;
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
