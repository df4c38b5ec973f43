package org.empreinte.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.empreinte.calculation.Disclosure;
import org.empreinte.calculation.Period;
import org.empreinte.calculation.Trajectory;
import org.empreinte.inventory.InventoryService;
import org.empreinte.inventory.SubmittedFigures;

/**
 * A network's figures for a year: its sharing members' submitted inventories summed, each figure through the
 * disclosure rules ({@link Disclosure}), and the network's target against them. Kept apart from {@link NetworkService}
 * (networks, consent, members' states): this is the one place that decides what a coordinator sees of members'
 * emissions.
 */
public class NetworkFigures {

    private final NetworkService networks;
    private final InventoryService inventories;
    private final Disclosure.Rules rules;
    private final Function<String, Set<Integer>> scopesOf;

    /**
     * @param scopesOf the scopes a factor category is reported in (from the factor library): a network's categories
     *     are protected against the scope totals they add up to
     */
    public NetworkFigures(NetworkService networks, InventoryService inventories, Disclosure.Rules rules,
            Function<String, Set<Integer>> scopesOf) {
        this.networks = networks;
        this.inventories = inventories;
        this.rules = rules;
        this.scopesOf = scopesOf;
    }

    /** What may be shown of members' figures. */
    public Disclosure.Rules rules() {
        return rules;
    }

    public NetworkAggregate aggregate(long networkId, Period year) {
        Network network = networks.network(networkId);
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
                targetStatus(network, y, sharingIds, submitted, hidden), notReported, details, hidden, k, null,
                total.shown() ? NetworkUncertainty.interval(inventories.submittedUncertainty(y, submitted.keySet()), rules)
                        : null);
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
}
