package org.empreinte.activity.kind;

import java.util.Map;
import java.util.function.Supplier;

import org.empreinte.calculation.Period;

/**
 * What a kind measures an activity from, already checked by the rules every kind shares: its attributes
 * (never null), its period, whether the quantity was given, the quantity and unit as entered (checked when
 * first asked for: a flight between two airports has none), the organization's choice to count the
 * radiative forcing of flights, and the region it took place in.
 */
public final class Entry {

    private final Map<String, Object> attributes;
    private final Period period;
    private final boolean quantityGiven;
    private final Supplier<Measure> entered;
    private final boolean radiativeForcing;
    private final String region;
    private Measure checked;

    public Entry(Map<String, Object> attributes, Period period, boolean quantityGiven, Supplier<Measure> entered,
            boolean radiativeForcing) {
        this(attributes, period, quantityGiven, entered, radiativeForcing, null);
    }

    /** @param region the region the activity takes (its own, its site's or its organization's), null when unknown */
    public Entry(Map<String, Object> attributes, Period period, boolean quantityGiven, Supplier<Measure> entered,
            boolean radiativeForcing, String region) {
        this.attributes = attributes == null ? Map.of() : attributes;
        this.period = period;
        this.quantityGiven = quantityGiven;
        this.entered = entered;
        this.radiativeForcing = radiativeForcing;
        this.region = region;
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

    /** Where the activity took place unless its kind says otherwise (a hotel's country): the sales taxes of a purchase. */
    public String region() {
        return region;
    }
}
