package org.empreinte.calculation;

import java.util.List;

/**
 * One line of an activity's emissions: its result (factor, quantity, gases, months) counted in its own scope and
 * category. Every activity has its {@link #DIRECT} line; some have others, which the GHG Protocol reports apart
 * from it: a fuel's {@link #UPSTREAM} (extraction, refining and transport, scope 3 category 3), the grid's
 * transmission and distribution {@link #LOSSES} (scope 3 category 3), a plug-in hybrid's {@link #CHARGING}.
 */
public record EmissionLine(String role, int scope, String category, EmissionResult result) {

    public static final String DIRECT = "direct";
    public static final String UPSTREAM = "upstream";
    public static final String LOSSES = "losses";
    public static final String CHARGING = "charging";
    /** Every role, in the order an activity's lines are shown. */
    public static final List<String> ROLES = List.of(DIRECT, CHARGING, UPSTREAM, LOSSES);

    /** The line counted in its factor's own scope and category. */
    public static EmissionLine of(String role, EmissionResult result) {
        return new EmissionLine(role, result.scope(), result.category(), result);
    }

    public double co2eKg() {
        return result.co2eKg();
    }
}
