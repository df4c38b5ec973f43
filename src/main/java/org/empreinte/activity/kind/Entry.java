package org.empreinte.activity.kind;

import java.util.Map;
import java.util.function.Supplier;

import org.empreinte.calculation.Period;

/**
 * What a kind measures an activity from, already checked by the rules every kind shares: its attributes
 * (never null), its period, whether the quantity was given, the quantity and unit as entered (checked when
 * first asked for: a flight between two airports has none), and the organization's choice to count the
 * radiative forcing of flights.
 */
public final class Entry {

    private final Map<String, Object> attributes;
    private final Period period;
    private final boolean quantityGiven;
    private final Supplier<Measure> entered;
    private final boolean radiativeForcing;
    private Measure checked;

    public Entry(Map<String, Object> attributes, Period period, boolean quantityGiven, Supplier<Measure> entered,
            boolean radiativeForcing) {
        this.attributes = attributes == null ? Map.of() : attributes;
        this.period = period;
        this.quantityGiven = quantityGiven;
        this.entered = entered;
        this.radiativeForcing = radiativeForcing;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public Period period() {
        return period;
    }

    public boolean quantityGiven() {
        return quantityGiven;
    }

    /** The quantity and unit as entered; refused (422 naming quantity or unit) when missing or wrong. */
    public Measure entered() {
        if (checked == null) {
            checked = entered.get();
        }
        return checked;
    }

    public boolean radiativeForcing() {
        return radiativeForcing;
    }
}
