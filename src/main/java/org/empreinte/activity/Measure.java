package org.empreinte.activity;

import java.util.Map;

import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;

/**
 * How much of an activity there was: what is stored as its quantity (as entered, or a flight's
 * one-way distance), what the factor is applied to (a flight's passenger-km), and the criteria
 * that choose among factors with conditions.
 */
record Measure(double quantity, MeasurementUnit unit, double factorQuantity, MeasurementUnit factorUnit,
        Map<String, String> criteria) {

    static Measure asEntered(double quantity, MeasurementUnit unit) {
        return new Measure(quantity, unit, quantity, unit, Map.of());
    }
}
