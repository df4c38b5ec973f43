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
 * @param note the note in English (as older files wrote it, and as the API has always given it), or null
 * @param conditions what an activity must have for the factor to apply (a flight's cabin and haul,
 *     a car's fuel...); empty for a factor that applies to every activity of its type
 * @param labels what the factor measures, for people, by language ({@code fr}, {@code en}); may be empty
 *     (a factor written before labels existed: a test flags it in the shipped files)
 * @param notes the note by language; empty when there is no note
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
        Map<String, String> conditions,
        Map<String, String> labels,
        Map<String, String> notes) {

    public EmissionFactor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(unit, "unit");
        co2ePerUnitByGas = Map.copyOf(new LinkedHashMap<>(co2ePerUnitByGas));
        massPerUnitByGas = Map.copyOf(massPerUnitByGas);
        conditions = conditions == null ? Map.of() : Map.copyOf(conditions);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        notes = notes == null ? (note == null ? Map.of() : Map.of("en", note)) : Map.copyOf(notes);
    }

    /** A factor with no label: its note, if any, is English. */
    public EmissionFactor(String id, String setId, String setVersion, String type, String region, int year,
            MeasurementUnit unit, int scope, String category, Map<String, Double> co2ePerUnitByGas,
            Map<String, Double> massPerUnitByGas, String citation, String note, Map<String, String> conditions) {
        this(id, setId, setVersion, type, region, year, unit, scope, category, co2ePerUnitByGas, massPerUnitByGas,
                citation, note, conditions, Map.of(), null);
    }

    /** A factor with no conditions. */
    public EmissionFactor(String id, String setId, String setVersion, String type, String region, int year,
            MeasurementUnit unit, int scope, String category, Map<String, Double> co2ePerUnitByGas,
            Map<String, Double> massPerUnitByGas, String citation, String note) {
        this(id, setId, setVersion, type, region, year, unit, scope, category, co2ePerUnitByGas, massPerUnitByGas,
                citation, note, Map.of());
    }

    /** The same factor with these labels (a file's label templates give them after reading). */
    public EmissionFactor withLabels(Map<String, String> newLabels) {
        return new EmissionFactor(id, setId, setVersion, type, region, year, unit, scope, category, co2ePerUnitByGas,
                massPerUnitByGas, citation, note, conditions, newLabels, notes);
    }

    /** The label in {@code language}, else the English one, else the id: a page always has something to show. */
    public String labelIn(String language) {
        String label = labels.get(language);
        if (label == null) {
            label = labels.get("en");
        }
        return label == null ? id : label;
    }

    /** The note in {@code language}, else the English one; null when the factor has none. */
    public String noteIn(String language) {
        String text = notes.get(language);
        return text != null ? text : notes.get("en");
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
