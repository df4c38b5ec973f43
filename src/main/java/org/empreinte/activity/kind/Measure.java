package org.empreinte.activity.kind;

import java.util.Map;

import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;

/**
 * How much of an activity there was: what is stored as its quantity (as entered, or a flight's
 * one-way distance), what the factor is applied to (passenger-km, an electric car's kWh), and the
 * criteria that choose among factors with conditions. Some activities take the factor of another
 * type ({@code factorType}: an electric car's trip takes the electricity factor), of another
 * region (a hotel, its country's), or count in another scope and category than that factor's
 * (the same trip is business travel, scope 3); null means as the activity and its factor are.
 */
public record Measure(double quantity, MeasurementUnit unit, double factorQuantity, MeasurementUnit factorUnit,
        Map<String, String> criteria, String factorType, String region, Integer scope, String category,
        Double chargedKwh) {

    /** @param chargedKwh a plug-in hybrid's kWh charged, priced as its charging line; null for every other activity */
    public Measure(double quantity, MeasurementUnit unit, double factorQuantity, MeasurementUnit factorUnit,
            Map<String, String> criteria, String factorType, String region, Integer scope, String category) {
        this(quantity, unit, factorQuantity, factorUnit, criteria, factorType, region, scope, category, null);
    }

    public Measure(double quantity, MeasurementUnit unit, double factorQuantity, MeasurementUnit factorUnit,
            Map<String, String> criteria) {
        this(quantity, unit, factorQuantity, factorUnit, criteria, null, null, null, null);
    }

    public static Measure asEntered(double quantity, MeasurementUnit unit) {
        return new Measure(quantity, unit, quantity, unit, Map.of());
    }

    public Measure withCriteria(Map<String, String> newCriteria) {
        return new Measure(quantity, unit, factorQuantity, factorUnit, newCriteria, factorType, region, scope, category,
                chargedKwh);
    }
}
