package org.empreinte.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.Disclosure;
import org.empreinte.calculation.Uncertainty;
import org.empreinte.inventory.InventorySnapshot;

/**
 * A network total's 95 % interval from its members' submitted lines (IPCC Approach 1). Members are independent of one
 * another, so their quantities' errors add in quadrature; a factor two members applied is one factor, whose error
 * moves both (Québec's grid intensity is too high or too low for every Québec member at once), so it applies to the
 * sum of its lines across members, as within one organization.
 *
 * <p>Disclosure: it is computed only beside a total the rules show, over the same members, and published no finer
 * than that total (bounds to its significant figures, the relative half-width to a whole percent). Its sources are
 * named by kind (activity type), each only if that kind's total over the members passes the rules as a breakdown of
 * the shown total would ({@link Disclosure#breakdown}: enough contributors, no dominant one, and no hidden kind
 * derivable from the others): a share of the variance with the published uncertainties would otherwise give a
 * figure away. At most {@value #SOURCES} are named.
 */
final class NetworkUncertainty {

    static final int SOURCES = 3;

    private NetworkUncertainty() {
    }

    static NetworkAggregate.Interval interval(Map<Long, List<InventorySnapshot.UncertaintyLine>> byMember, Disclosure.Rules rules) {
        List<Uncertainty.Line> lines = new ArrayList<>();
        Map<String, String> typeOf = new LinkedHashMap<>();
        Map<String, Map<Long, Double>> typeCells = new LinkedHashMap<>();
        byMember.forEach((member, memberLines) -> {
            for (InventorySnapshot.UncertaintyLine line : memberLines) {
                lines.add(new Uncertainty.Line(line.factorId(), line.co2eKg(), line.quantityUncertainty(),
                        line.factorUncertainty()));
                String type = line.type() == null ? "other" : line.type();
                typeOf.putIfAbsent(line.factorId(), type);
                typeCells.computeIfAbsent(type, t -> new LinkedHashMap<>()).merge(member, line.co2eKg(), Double::sum);
            }
        });
        Uncertainty.Interval interval = Uncertainty.propagate(lines);
        Map<String, Double> shareByType = new LinkedHashMap<>();
        for (Uncertainty.Contribution c : interval.contributions()) {
            shareByType.merge(typeOf.get(c.factor()), c.share(), Double::sum);
        }
        Map<String, Disclosure.Figure> shown = Disclosure.breakdown(typeCells, rules.networkThreshold(), rules.dominanceShare(),
                true);
        List<NetworkAggregate.Source> sources = shareByType.entrySet().stream()
                .filter(e -> shown.get(e.getKey()).shown() && Math.round(e.getValue() * 100) > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(SOURCES)
                .map(e -> new NetworkAggregate.Source(e.getKey(), Math.round(e.getValue() * 100) / 100.0))
                .toList();
        double lower = interval.total() >= 0 ? Math.max(0, interval.lower()) : interval.lower();
        return new NetworkAggregate.Interval("ipcc-approach-1", Disclosure.round(lower, Disclosure.TOTAL_DIGITS),
                Disclosure.round(interval.upper(), Disclosure.TOTAL_DIGITS), Math.round(interval.relative() * 100) / 100.0,
                sources);
    }
}
