package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.empreinte.calculation.FactorSelectionException.Reason;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;

/**
 * Chooses the factor for an activity. The rule, also written in the README:
 * <ol>
 * <li>only factors of the activity's type whose unit has the dimension of the quantity's unit
 * (an energy bill in GJ can use a factor per kWh, never one per m³);</li>
 * <li>factor sets in their configured priority order: the first set that has a factor for the
 * region wins, so Canadian factors come before the DESNZ fall-back;</li>
 * <li>within a set, the most precise region first: the province ({@code CA-QC}), then its
 * country ({@code CA}), then a factor valid anywhere ({@code *});</li>
 * <li>among those, the edition whose year is the nearest not after the activity's year, or
 * the earliest edition when every edition is later.</li>
 * </ol>
 * A factor with conditions (a flight's haul and cabin, say) is a candidate only for an activity
 * whose criteria hold all of them.
 */
public final class FactorSelector {

    public static final String ANY_REGION = "*";

    private final List<FactorSet> sets;
    /** Factors by type, in priority order of their sets: selection runs on every activity written. */
    private final Map<String, List<EmissionFactor>> byType;
    /**
     * The same by type, set and region: electricity alone has some 450 factors (13 provinces and territories, 16 data
     * years, generation and consumption), which each selection filtered once per set and region it tried (a seventh
     * of an import's time, 2026-11-30).
     */
    private final Map<String, List<EmissionFactor>> byTypeSetRegion;

    public FactorSelector(List<FactorSet> setsInPriorityOrder) {
        this.sets = List.copyOf(setsInPriorityOrder);
        Map<String, List<EmissionFactor>> index = new LinkedHashMap<>();
        sets.forEach(set -> set.factors().forEach(f -> index.computeIfAbsent(f.type(), t -> new ArrayList<>()).add(f)));
        index.replaceAll((type, factors) -> List.copyOf(factors));
        this.byType = Collections.unmodifiableMap(index);
        Map<String, List<EmissionFactor>> narrow = new HashMap<>();
        index.values().forEach(factors -> factors.forEach(f -> narrow.computeIfAbsent(key(f.type(), f.setId(), f.region()),
                k -> new ArrayList<>()).add(f)));
        narrow.replaceAll((key, factors) -> List.copyOf(factors));
        this.byTypeSetRegion = narrow;
    }

    private static String key(String type, String set, String region) {
        return type + '\u0000' + set + '\u0000' + region;
    }

    public List<FactorSet> sets() {
        return sets;
    }

    public EmissionFactor select(String type, String region, int year, MeasurementUnit unit) {
        return select(type, region, year, unit, Map.of());
    }

    public EmissionFactor select(String type, String region, int year, MeasurementUnit unit, Map<String, String> criteria) {
        List<EmissionFactor> ofType = byType.getOrDefault(type, List.of());
        if (ofType.isEmpty()) {
            throw new FactorSelectionException(Reason.UNKNOWN_TYPE, "unknown activity type '" + type + "'", List.of());
        }
        if (ofType.stream().noneMatch(f -> f.unit().isCommensurableWith(unit))) {
            List<String> accepted = acceptedUnits(ofType);
            throw new FactorSelectionException(Reason.UNIT_NOT_APPLICABLE,
                    "unit '" + unit.symbol() + "' does not fit type '" + type + "'; use one of " + accepted, accepted);
        }
        for (FactorSet set : sets) {
            for (String candidateRegion : regionChain(region)) {
                List<EmissionFactor> matches = byTypeSetRegion.getOrDefault(key(type, set.id(), candidateRegion), List.of())
                        .stream()
                        .filter(f -> f.unit().isCommensurableWith(unit))
                        .filter(f -> f.appliesTo(criteria))
                        .toList();
                Optional<EmissionFactor> chosen = nearestEdition(matches, year);
                if (chosen.isPresent()) {
                    return chosen.get();
                }
            }
        }
        throw new FactorSelectionException(Reason.NO_FACTOR_FOR_REGION, "no emission factor for type '" + type
                + "' in region " + region + (criteria.isEmpty() ? "" : " with " + criteria), acceptedUnits(ofType));
    }

    /** The units in which a type can be entered: those of its factors and all units of the same dimensions. */
    public List<String> acceptedUnits(String type) {
        return acceptedUnits(byType.getOrDefault(type, List.of()));
    }

    public Set<String> types() {
        return byType.keySet();
    }

    /**
     * The units of the given factors (in priority order) and those of the same dimensions: the
     * unit of the first factor leads, so a form offers m³ first for natural gas, kWh for electricity.
     */
    private static List<String> acceptedUnits(List<EmissionFactor> factors) {
        List<String> accepted = new ArrayList<>();
        for (EmissionFactor factor : factors) {
            if (!accepted.contains(factor.unit().symbol())) {
                accepted.add(factor.unit().symbol());
            }
            for (MeasurementUnit candidate : MeasurementUnits.all()) {
                if (candidate.isCommensurableWith(factor.unit()) && !accepted.contains(candidate.symbol())) {
                    accepted.add(candidate.symbol());
                }
            }
        }
        return accepted;
    }

    /** {@code CA-QC} gives CA-QC, CA, *; {@code CA} gives CA, *. */
    public static List<String> regionChain(String region) {
        List<String> chain = new ArrayList<>();
        if (region != null && !region.isBlank()) {
            chain.add(region);
            int dash = region.indexOf('-');
            if (dash > 0) {
                chain.add(region.substring(0, dash));
            }
        }
        chain.add(ANY_REGION);
        return chain;
    }

    private static Optional<EmissionFactor> nearestEdition(List<EmissionFactor> matches, int year) {
        Optional<EmissionFactor> notAfter = matches.stream()
                .filter(f -> f.year() <= year)
                .max(Comparator.comparingInt(EmissionFactor::year));
        return notAfter.isPresent() ? notAfter : matches.stream().min(Comparator.comparingInt(EmissionFactor::year));
    }
}
