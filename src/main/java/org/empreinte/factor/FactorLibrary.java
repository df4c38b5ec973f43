package org.empreinte.factor;

import java.util.HashMap;
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
public final class FactorLibrary {

    private final Map<String, GwpSet> gwpSets;
    private final List<FactorSet> sets;
    private final FactorSelector selector;
    private final AirportDirectory airports;
    private final SpendConversion money;
    private final SalesTaxes salesTaxes;
    private final NaicsDirectory naics;
    /** Every write and every page of activities names factors by id: a scan of some 3,000 factors each time showed up in profiles. */
    private final Map<String, EmissionFactor> byId;

    public FactorLibrary(Map<String, GwpSet> gwpSets, List<FactorSet> sets, FactorSelector selector, AirportDirectory airports,
            SpendConversion money, SalesTaxes salesTaxes, NaicsDirectory naics) {
        this.gwpSets = Map.copyOf(gwpSets);
        this.sets = List.copyOf(sets);
        this.selector = selector;
        this.airports = airports;
        this.money = money;
        this.salesTaxes = salesTaxes;
        this.naics = naics;
        Map<String, EmissionFactor> index = new HashMap<>();
        // The first set in the configured order wins, as the scan it replaces found it first.
        this.sets.forEach(set -> set.factors().forEach(f -> index.putIfAbsent(f.id(), f)));
        this.byId = Map.copyOf(index);
    }

    public FactorLibrary(Map<String, GwpSet> gwpSets, List<FactorSet> sets, FactorSelector selector) {
        this(gwpSets, sets, selector, AirportDirectory.empty(), SpendConversion.none(), SalesTaxes.none(),
                NaicsDirectory.empty());
    }

    public Map<String, GwpSet> gwpSets() {
        return gwpSets;
    }

    public List<FactorSet> sets() {
        return sets;
    }

    public FactorSelector selector() {
        return selector;
    }

    public AirportDirectory airports() {
        return airports;
    }

    public SpendConversion money() {
        return money;
    }

    public SalesTaxes salesTaxes() {
        return salesTaxes;
    }

    public NaicsDirectory naics() {
        return naics;
    }

    public Optional<FactorSet> set(String id) {
        return sets.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<EmissionFactor> factor(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int factorCount() {
        return sets.stream().mapToInt(s -> s.factors().size()).sum();
    }
}
