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
 * @param conditions what an activity must have for the factor to apply (a flight's cabin and haul,
 *     a car's fuel...); empty for a factor that applies to every activity of its type
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
        String note,
        Map<String, String> conditions) {

    public EmissionFactor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(unit, "unit");
        co2ePerUnitByGas = Map.copyOf(new LinkedHashMap<>(co2ePerUnitByGas));
        massPerUnitByGas = Map.copyOf(massPerUnitByGas);
        conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
    }

    /** A factor with no conditions. */
    public EmissionFactor(String id, String setId, String setVersion, String type, String region, int year,
            MeasurementUnit unit, int scope, String category, Map<String, Double> co2ePerUnitByGas,
            Map<String, Double> massPerUnitByGas, String citation, String note) {
        this(id, setId, setVersion, type, region, year, unit, scope, category, co2ePerUnitByGas, massPerUnitByGas,
                citation, note, Map.of());
    }

    /** True when the activity's criteria hold every condition of this factor. */
    public boolean appliesTo(Map<String, String> criteria) {
        for (Map.Entry<String, String> condition : conditions.entrySet()) {
            if (!condition.getValue().equals(criteria.get(condition.getKey()))) {
                return false;
            }
        }
        return true;
    }

    public double co2ePerUnit() {
        return co2ePerUnitByGas.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
