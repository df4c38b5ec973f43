package org.empreinte.calculation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;

/**
 * One published emission factor, normalised at load time to kg CO2e per unit for each gas.
 *
 * @param co2ePerUnitByGas kg CO2e per {@code unit}, by gas (the set's GWPs already applied)
 * @param massPerUnitByGas kg of each gas per unit where the source publishes masses (may be empty)
 * @param citation publication, edition and table the value comes from
 */
public record EmissionFactor(
        String id,
        String setId,
        String setVersion,
        String type,
        String region,
        int year,
        MeasurementUnit unit,
        int scope,
        String category,
        Map<String, Double> co2ePerUnitByGas,
        Map<String, Double> massPerUnitByGas,
        String citation,
        String note) {

    public EmissionFactor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(unit, "unit");
        co2ePerUnitByGas = Map.copyOf(new LinkedHashMap<>(co2ePerUnitByGas));
        massPerUnitByGas = Map.copyOf(massPerUnitByGas);
    }

    public double co2ePerUnit() {
        return co2ePerUnitByGas.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
