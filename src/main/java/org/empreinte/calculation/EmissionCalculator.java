package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;

/** Turns a quantity over a period into kg CO2e: selects the factor, converts units, splits by gas and by month. */
public final class EmissionCalculator {

    private final FactorSelector selector;

    public EmissionCalculator(FactorSelector selector) {
        this.selector = selector;
    }

    public FactorSelector selector() {
        return selector;
    }

    public EmissionResult calculate(String type, double quantity, MeasurementUnit unit, Period period, String region) {
        return calculate(type, quantity, unit, period, region, Map.of());
    }

    /** @param criteria what the activity is, for factors with conditions (a flight's haul and cabin...) */
    public EmissionResult calculate(String type, double quantity, MeasurementUnit unit, Period period, String region,
            Map<String, String> criteria) {
        if (!(quantity >= 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("quantity must be a finite number >= 0");
        }
        EmissionFactor factor = selector.select(type, region, period.referenceYear(), unit, criteria);
        double quantityInFactorUnit = MeasurementUnits.convert(quantity, unit, factor.unit());
        Map<String, Double> byGas = scale(factor.co2ePerUnitByGas(), quantityInFactorUnit);
        double total = byGas.values().stream().mapToDouble(Double::doubleValue).sum();

        List<EmissionResult.MonthlyShare> shares = new ArrayList<>();
        for (Period part : period.splitByMonth()) {
            double fraction = period.shareOfDaysIn(part);
            shares.add(new EmissionResult.MonthlyShare(part, total * fraction, scale(byGas, fraction)));
        }
        return new EmissionResult(factor, quantityInFactorUnit, total, byGas, shares);
    }

    private static Map<String, Double> scale(Map<String, Double> values, double multiplier) {
        Map<String, Double> scaled = new LinkedHashMap<>();
        values.forEach((gas, value) -> scaled.put(gas, value * multiplier));
        return scaled;
    }
}
