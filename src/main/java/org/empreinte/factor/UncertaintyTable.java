package org.empreinte.factor;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.Uncertainty;
import org.empreinte.calculation.Uncertainty.Shape;

/**
 * The uncertainties of {@code uncertainty.yml}: each factor's, from its own published figure, else the first entry
 * matching it, else the fallback; each activity quantity's, by data quality (and type where the file says).
 */
public final class UncertaintyTable {

    /**
     * A relative 95 % half-width, how Monte Carlo draws it, and where it comes from (a citation, or the project's
     * reasoning where no source publishes one).
     */
    public record Value(double uncertainty, Shape shape, String basis) {
    }

    /** One entry of the file: what factors it matches (null: any), and a value by gas ({@code all}: any other gas). */
    record Entry(String type, String set, String category, Set<String> regions, Map<String, Value> gases) {

        boolean matches(String factorType, String factorSet, String factorCategory, String region) {
            return (type == null || type.equals(factorType)) && (set == null || set.equals(factorSet))
                    && (category == null || category.equals(factorCategory))
                    && (regions == null || regions.contains(region));
        }
    }

    static final String ALL_GASES = "all";
    /** Above this, Approach 2 draws a factor or a quantity skewed (lognormal) whatever the file says: research note § 8. */
    public static final double SKEWED_ABOVE = 0.30;

    private static final UncertaintyTable NONE = new UncertaintyTable(List.of(), Map.of(ALL_GASES,
            new Value(0, Shape.NORMAL, "none")), Map.of(), Map.of(), Map.of());

    private final List<Entry> entries;
    private final Map<String, Value> fallback;
    private final Map<String, Value> quality;
    private final Map<String, Map<String, Value>> qualityByType;
    private final Map<String, Value> ownByFactor;

    UncertaintyTable(List<Entry> entries, Map<String, Value> fallback, Map<String, Value> quality,
            Map<String, Map<String, Value>> qualityByType, Map<String, Value> ownByFactor) {
        this.entries = List.copyOf(entries);
        this.fallback = Map.copyOf(fallback);
        this.quality = Map.copyOf(quality);
        this.qualityByType = Map.copyOf(qualityByType);
        this.ownByFactor = Map.copyOf(ownByFactor);
    }

    /** No uncertainty anywhere: a folder without {@code uncertainty.yml} gives point figures. */
    public static UncertaintyTable none() {
        return NONE;
    }

    /** The data qualities the file gives an uncertainty for. */
    public Set<String> qualities() {
        return quality.keySet();
    }

    /** A factor of the library: its own published uncertainty, else its gases' from the file, combined. */
    public Value factor(EmissionFactor factor) {
        Value own = ownByFactor.get(factor.id());
        if (own != null) {
            return own;
        }
        return factor(factor.type(), factor.setId(), factor.category(), factor.region(), factor.co2ePerUnitByGas());
    }

    /**
     * A factor by what is known of it (one no longer in the library is known by its result's type, set and gases): the
     * first matching entry's value for each gas, weighted by the gas's share of its CO2e ({@link Uncertainty#byGas}).
     */
    public Value factor(String type, String set, String category, String region, Map<String, Double> co2eByGas) {
        Map<String, Value> gases = entries.stream().filter(e -> e.matches(type, set, category, region)).findFirst()
                .map(Entry::gases).orElse(fallback);
        double total = co2eByGas.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> split = total == 0 ? Map.of(Gas.UNSPECIFIED, 1.0) : co2eByGas;
        double combined = Uncertainty.byGas(split, gas -> gas(gases, gas).uncertainty());
        // The gas that weighs most in the factor's variance tells its shape and its source.
        String main = null;
        double largest = -1;
        double splitTotal = split.values().stream().mapToDouble(Double::doubleValue).sum();
        for (Map.Entry<String, Double> gas : split.entrySet()) {
            double part = Math.pow(gas.getValue() / splitTotal * gas(gases, gas.getKey()).uncertainty(), 2);
            if (part > largest) {
                largest = part;
                main = gas.getKey();
            }
        }
        Value dominant = gas(gases, main);
        Shape shape = combined > SKEWED_ABOVE ? Shape.LOGNORMAL : dominant.shape();
        return new Value(combined, shape, dominant.basis());
    }

    /** The uncertainty of an activity's quantity of this data quality and type; an unknown quality counts as the worst. */
    public Value quantity(String dataQuality, String type) {
        Map<String, Value> own = qualityByType.get(type);
        if (own != null && own.containsKey(dataQuality)) {
            return own.get(dataQuality);
        }
        Value value = quality.get(dataQuality);
        if (value != null) {
            return value;
        }
        return quality.values().stream().max(java.util.Comparator.comparingDouble(Value::uncertainty))
                .orElse(new Value(0, Shape.NORMAL, "none"));
    }

    private Value gas(Map<String, Value> gases, String gas) {
        Value value = gases.get(gas);
        if (value == null) {
            value = gases.get(ALL_GASES);
        }
        if (value == null) {
            // A factor published in CO2e alone is held to its main gas's uncertainty.
            value = gases.get(Gas.CO2);
        }
        if (value != null) {
            return value;
        }
        return gases == fallback ? new Value(0, Shape.NORMAL, "none") : gas(fallback, gas);
    }
}
