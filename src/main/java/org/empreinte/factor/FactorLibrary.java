package org.empreinte.factor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.GwpSet;
import org.empreinte.calculation.SalesTaxes;
import org.empreinte.calculation.SpendConversion;

/**
 * Every factor set loaded at start-up, with the GWP sets, the selector built from the configured
 * order, and the reference data some activities need (the airports of flights, the money and sales taxes of
 * purchases, the NAICS classes their codes are searched in).
 */
public record FactorLibrary(Map<String, GwpSet> gwpSets, List<FactorSet> sets, FactorSelector selector,
        AirportDirectory airports, SpendConversion money, SalesTaxes salesTaxes, NaicsDirectory naics) {

    public FactorLibrary {
        gwpSets = Map.copyOf(gwpSets);
        sets = List.copyOf(sets);
    }

    public FactorLibrary(Map<String, GwpSet> gwpSets, List<FactorSet> sets, FactorSelector selector) {
        this(gwpSets, sets, selector, AirportDirectory.empty(), SpendConversion.none(), SalesTaxes.none(),
                NaicsDirectory.empty());
    }

    public Optional<FactorSet> set(String id) {
        return sets.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<EmissionFactor> factor(String id) {
        return sets.stream().flatMap(s -> s.factors().stream()).filter(f -> f.id().equals(id)).findFirst();
    }

    public int factorCount() {
        return sets.stream().mapToInt(s -> s.factors().size()).sum();
    }
}
