package org.empreinte.network;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.Actor;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;

import org.empreinte.calculation.Disclosure;
import org.empreinte.calculation.Period;
import org.empreinte.calculation.Trajectory;
import org.empreinte.inventory.InventoryService;
import org.empreinte.inventory.SubmittedFigures;
import org.empreinte.inventory.YearState;
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
    private final InventoryService inventories;
    private final Disclosure.Rules rules;
    private final Function<String, Set<Integer>> scopesOf;

    /** Invitations waiting at once per network: a regional pole's members, not every id there is. */
    static final int MAX_PENDING_INVITATIONS = 1000;

    /**
     * @param scopesOf the scopes a factor category is reported in (from the factor library): a network's categories
     *     are protected against the scope totals they add up to
     */
    public NetworkService(Jdbi jdbi, UnitOfWork units, InventoryService inventories, Disclosure.Rules rules,
            Function<String, Set<Integer>> scopesOf, Clock clock) {
        this.jdbi = jdbi;
        this.scopesOf = scopesOf;
        this.inventories = inventories;
        this.rules = rules;
        this.dao = jdbi.onDemand(NetworkDao.class);
        this.organizations = jdbi.onDemand(OrganizationDao.class);
        this.clock = clock;
        this.units = units;
    }

    /** What may be shown of members' figures. */
    public Disclosure.Rules rules() {
        return rules;
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
        List<Member> sharing = network.members().stream().filter(m -> Sharing.parse(m.sharing()).sharesAggregate()).toList();
        List<Long> sharingIds = sharing.stream().map(Member::organizationId).toList();
        Map<Long, SubmittedFigures> submitted = inventories.submitted(y, sharingIds);
        Map<String, String> hidden = new LinkedHashMap<>();
        int k = rules.networkThreshold();

        Map<Long, Double> totals = new LinkedHashMap<>();
        Map<String, Map<Long, Double>> scopeCells = new LinkedHashMap<>();
        for (String scope : List.of("1", "2", "3")) {
            scopeCells.put(scope, new LinkedHashMap<>());
        }
        for (SubmittedFigures f : submitted.values()) {
            totals.put(f.organizationId(), f.totalCo2eKg());
            for (int scope = 1; scope <= 3; scope++) {
                if (f.scope(scope) != 0) {
                    scopeCells.get(Integer.toString(scope)).put(f.organizationId(), f.scope(scope));
                }
            }
        }
        Disclosure.Figure total = Disclosure.total(totals, k, rules.dominanceShare());
        hide(hidden, "total", total);
        Map<String, Disclosure.Figure> scopeFigures = Disclosure.breakdown(scopeCells, k, rules.dominanceShare(), total.shown());
        Map<String, Map<Long, Double>> categoryCells = new TreeMap<>();
        for (SubmittedFigures.Category c : inventories.submittedCategories(y, sharingIds)) {
            if (c.co2eKg() != 0) {
                categoryCells.computeIfAbsent(c.category(), x -> new LinkedHashMap<>()).put(c.organizationId(), c.co2eKg());
            }
        }
        Map<String, Disclosure.Figure> categoryFigures = Disclosure.breakdown(categoryCells, k, rules.dominanceShare(),
                total.shown());
        linkToScopes(scopeFigures, categoryFigures, categoryCells, total.shown());
        Map<String, Double> byScope = shown(scopeFigures, "scope.", hidden);
        Map<String, Double> byCategory = shown(categoryFigures, "category.", hidden);

        List<Double> perFte = new ArrayList<>();
        List<Double> perMillion = new ArrayList<>();
        List<NetworkAggregate.Named> notReported = new ArrayList<>();
        List<NetworkAggregate.MemberDetail> details = new ArrayList<>();
        for (Member member : sharing) {
            SubmittedFigures own = submitted.get(member.organizationId());
            Double fte = own == null ? null : perFte(own.totalCo2eKg(), own.employees());
            Double million = own == null ? null : perMillionCad(own.totalCo2eKg(), own.revenueCad());
            if (own == null) {
                notReported.add(new NetworkAggregate.Named(member.organizationId(), member.organizationName()));
            }
            if (fte != null) {
                perFte.add(fte);
            }
            if (million != null) {
                perMillion.add(million);
            }
            if (Sharing.parse(member.sharing()) == Sharing.DETAILED) {
                Map<String, Double> memberByScope = scopes();
                if (own != null) {
                    for (int scope = 1; scope <= 3; scope++) {
                        memberByScope.put(Integer.toString(scope), own.scope(scope));
                    }
                }
                details.add(new NetworkAggregate.MemberDetail(member.organizationId(), member.organizationName(), own != null,
                        own == null ? 0 : own.totalCo2eKg(), memberByScope, fte, million));
            }
        }
        return new NetworkAggregate(networkId, network.name(), y, network.members().size(), sharing.size(), submitted.size(),
                network.members().size() - sharing.size(), total.value(), byScope, byCategory,
                distribution(perFte, "intensityCo2eKgPerFte", hidden), distribution(perMillion, "intensityCo2eKgPerMillionCad", hidden),
                targetStatus(network, y, sharingIds, submitted, hidden), notReported, details, hidden, k, null);
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
                        state.submittedAt(), state.updatedAt(), state.comment());
    }

    /**
     * The categories add up to their scope, as the scopes to the total: a scope shown must not give away the hidden
     * categories it holds (its total less those shown), and a scope hidden must not be the sum of its categories
     * shown. A category of several scopes, or of none known, lies across them: hidden as soon as another one is.
     * Repeated until nothing more is hidden, since each step may make another one necessary.
     */
    private void linkToScopes(Map<String, Disclosure.Figure> scopes, Map<String, Disclosure.Figure> categories,
            Map<String, Map<Long, Double>> cells, boolean totalShown) {
        int k = rules.networkThreshold();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Disclosure.Figure> scope : scopes.entrySet()) {
                Set<Integer> only = Set.of(Integer.parseInt(scope.getKey()));
                List<String> inScope = categories.keySet().stream().filter(c -> only.equals(scopesOf.apply(c))).toList();
                if (scope.getValue().shown()) {
                    changed |= Disclosure.protect(categories, cells, inScope, k, rules.dominanceShare());
                } else {
                    for (String category : inScope) {
                        changed |= hide(categories, cells, category);
                    }
                }
            }
            if (categories.values().stream().anyMatch(f -> !f.shown())) {
                for (String category : List.copyOf(categories.keySet())) {
                    if (scopesOf.apply(category).size() != 1) {
                        changed |= hide(categories, cells, category);
                    }
                }
            }
            if (totalShown) {
                changed |= Disclosure.protect(categories, cells, categories.keySet(), k, rules.dominanceShare());
            }
        }
    }

    private static boolean hide(Map<String, Disclosure.Figure> figures, Map<String, Map<Long, Double>> cells, String key) {
        if (!figures.get(key).shown()) {
            return false;
        }
        figures.put(key, new Disclosure.Figure(null, cells.get(key).size(), Disclosure.Reason.COMPLEMENTARY));
        return true;
    }

    static Double perFte(double co2eKg, Double employees) {
        return employees == null || !(employees > 0) ? null : co2eKg / employees;
    }

    static Double perMillionCad(double co2eKg, Double revenueCad) {
        return revenueCad == null || !(revenueCad > 0) ? null : co2eKg / (revenueCad / 1_000_000);
    }

    private static void hide(Map<String, String> hidden, String key, Disclosure.Figure figure) {
        if (!figure.shown()) {
            hidden.put(key, figure.hidden().name().toLowerCase(Locale.ROOT));
        }
    }

    private static Map<String, Double> shown(Map<String, Disclosure.Figure> figures, String prefix, Map<String, String> hidden) {
        Map<String, Double> values = new LinkedHashMap<>();
        figures.forEach((key, figure) -> {
            values.put(key, figure.value());
            hide(hidden, prefix + key, figure);
        });
        return values;
    }

    private NetworkAggregate.IntensityDistribution distribution(List<Double> values, String key, Map<String, String> hidden) {
        if (values.isEmpty()) {
            return null;
        }
        Optional<Disclosure.Spread> spread = Disclosure.spread(values, rules.networkThreshold(), rules.quartileThreshold());
        if (spread.isEmpty()) {
            hidden.put(key, "too_few");
            return null;
        }
        Disclosure.Spread s = spread.get();
        return new NetworkAggregate.IntensityDistribution(s.count(), s.lowerQuartile(), s.median(), s.upperQuartile());
    }

    private NetworkAggregate.TargetStatus targetStatus(Network network, int year, List<Long> sharingIds,
            Map<Long, SubmittedFigures> submitted, Map<String, String> hidden) {
        NetworkTarget target = network.target();
        if (target == null) {
            return null;
        }
        Disclosure.Figure actual = Disclosure.total(covered(submitted, target.scopes()), rules.networkThreshold(),
                rules.dominanceShare());
        hide(hidden, "target.actual", actual);
        Map<Long, SubmittedFigures> base = inventories.submitted(target.baseYear(), sharingIds);
        if (base.isEmpty()) {
            // No sharing member submitted the base year: there is no line to be on.
            return new NetworkAggregate.TargetStatus(target.baseYear(), target.targetYear(), target.reductionPercent(),
                    target.scopes(), null, null, actual.value(), null, null);
        }
        Disclosure.Figure baseFigure = Disclosure.total(covered(base, target.scopes()), rules.networkThreshold(),
                rules.dominanceShare());
        hide(hidden, "target.base", baseFigure);
        if (!actual.shown() || !baseFigure.shown()) {
            return new NetworkAggregate.TargetStatus(target.baseYear(), target.targetYear(), target.reductionPercent(),
                    target.scopes(), baseFigure.value(), null, actual.value(), null, null);
        }
        // From the published (rounded) sums: the trajectory then tells nothing finer than they do.
        Trajectory trajectory = new Trajectory(target.baseYear(), baseFigure.value(), target.targetYear(), target.reductionPercent());
        double allowed = trajectory.value(year);
        // The same tolerance as TargetProgress: the base year equals its own trajectory, whatever the rounding.
        boolean onTrack = actual.value() <= allowed + 1e-9 * Math.max(1, allowed);
        return new NetworkAggregate.TargetStatus(target.baseYear(), target.targetYear(), target.reductionPercent(),
                target.scopes(), baseFigure.value(), Disclosure.round(trajectory.targetValue(), Disclosure.TOTAL_DIGITS),
                actual.value(), Disclosure.round(allowed, Disclosure.TOTAL_DIGITS), onTrack);
    }

    private static Map<Long, Double> covered(Map<Long, SubmittedFigures> submitted, List<Integer> scopes) {
        Map<Long, Double> covered = new LinkedHashMap<>();
        submitted.forEach((id, f) -> covered.put(id, scopes.stream().mapToDouble(f::scope).sum()));
        return covered;
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
