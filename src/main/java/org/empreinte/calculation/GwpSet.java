package org.empreinte.calculation;

import java.util.Map;
import java.util.Optional;

/** One set of 100-year global warming potentials (IPCC AR4, AR5 or AR6), read from data. */
public record GwpSet(String id, String name, Map<String, Double> potentials) {

    public GwpSet {
        potentials = Map.copyOf(potentials);
    }

    public Optional<Double> potential(String gas) {
        return Optional.ofNullable(potentials.get(gas));
    }

    /** kg CO2e for {@code massKg} of {@code gas}. */
    public double co2e(String gas, double massKg) {
        Double gwp = potentials.get(gas);
        if (gwp == null) {
            throw new IllegalArgumentException("GWP set " + id + " has no value for " + gas);
        }
        return massKg * gwp;
    }
}
