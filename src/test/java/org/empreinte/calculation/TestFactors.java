package org.empreinte.calculation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small in-memory factors and sets for tests of the selection rule, built from the records directly. */
final class TestFactors {

    static final GwpSet AR5 = new GwpSet("AR5", "IPCC AR5", Map.of("CO2", 1.0, "CH4", 28.0, "N2O", 265.0));

    private TestFactors() {
    }

    static MeasurementUnits.MeasurementUnit unit(String symbol) {
        return MeasurementUnits.find(symbol).orElseThrow(() -> new IllegalArgumentException("no unit " + symbol));
    }

    /** A factor published as a CO2e total only. */
    static EmissionFactor factor(String id, String setId, String type, String region, int year, String unit, double co2e) {
        return new EmissionFactor(id, setId, "1", type, region, year, unit(unit), 2, "test_category",
                Map.of(Gas.UNSPECIFIED, co2e), Map.of(), "test citation", null);
    }

    static FactorSet set(String id, EmissionFactor... factors) {
        return new FactorSet(id, "Set " + id, "test edition", "1", LocalDate.of(2024, 1, 1), AR5, List.of(), List.of(factors));
    }

    static FactorSelector selector(FactorSet... setsInPriorityOrder) {
        return new FactorSelector(List.of(setsInPriorityOrder));
    }
}
