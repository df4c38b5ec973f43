package org.empreinte.factor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.empreinte.calculation.EmissionFactor;

/** The factors a spend-based set derives for coarser NAICS codes: a rule of the data, not of reading its file. */
final class NaicsMeans {

    private NaicsMeans() {
    }

    /**
     * For every NAICS prefix of 2 to 5 digits under which the set has factors, the unweighted mean of
     * those factors, so that a purchase coded at a coarser level finds one (the publication gives no
     * spend weights between industries to do better).
     */
    static List<EmissionFactor> of(List<EmissionFactor> factors, String setId, String version) {
        Map<String, List<EmissionFactor>> byPrefix = new TreeMap<>();
        for (EmissionFactor factor : factors) {
            String code = factor.conditions().get("naics");
            if (code == null) {
                continue;
            }
            for (int length = 2; length < code.length(); length++) {
                byPrefix.computeIfAbsent(code.substring(0, length), k -> new ArrayList<>()).add(factor);
            }
        }
        Set<String> exact = new HashSet<>();
        factors.forEach(f -> exact.add(f.conditions().getOrDefault("naics", "")));
        List<EmissionFactor> averages = new ArrayList<>();
        byPrefix.forEach((prefix, children) -> {
            if (exact.contains(prefix)) {
                return;
            }
            // Industries that share a source sector (named in their note) share its value: count it once.
            Map<String, EmissionFactor> sectors = new LinkedHashMap<>();
            children.forEach(child -> sectors.putIfAbsent(child.note() != null ? child.note() : child.id(), child));
            EmissionFactor first = children.get(0);
            Map<String, Double> mean = new LinkedHashMap<>();
            sectors.values().forEach(sector -> sector.co2ePerUnitByGas().forEach((gas, value) ->
                    mean.merge(gas, value / sectors.size(), Double::sum)));
            String citation = first.citation().substring(0, first.citation().indexOf(" — ") + 3)
                    + "unweighted mean of the " + sectors.size() + " sectors of the " + children.size()
                    + " NAICS industries under " + prefix;
            averages.add(new EmissionFactor(setId + "-naics-" + prefix + "-average", setId, version, first.type(),
                    first.region(), first.year(), first.unit(), first.scope(), first.category(), mean, Map.of(),
                    citation, null, Map.of("naics", prefix)));
        });
        return averages;
    }
}
