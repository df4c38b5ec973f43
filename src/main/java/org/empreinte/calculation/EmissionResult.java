package org.empreinte.calculation;

import java.util.List;
import java.util.Map;

/**
 * What an activity emits, with everything needed to audit it: the factor applied, the quantity
 * in that factor's unit, the split by gas, and the share that falls in each calendar month.
 */
public record EmissionResult(
        EmissionFactor factor,
        double quantityInFactorUnit,
        double co2eKg,
        Map<String, Double> co2eKgByGas,
        List<MonthlyShare> monthlyShares) {

    public EmissionResult {
        co2eKgByGas = Map.copyOf(co2eKgByGas);
        monthlyShares = List.copyOf(monthlyShares);
    }

    /** The part of the emissions that falls in one calendar month, pro rata by days. */
    public record MonthlyShare(Period part, double co2eKg, Map<String, Double> co2eKgByGas) {
        public MonthlyShare {
            co2eKgByGas = Map.copyOf(co2eKgByGas);
        }
    }

    public int scope() {
        return factor.scope();
    }

    public String category() {
        return factor.category();
    }
}
