package org.empreinte.calculation;

/**
 * A total as a headline shows it: tonnes with two decimals from one tonne, kilograms below (whole kilograms, with one
 * decimal below 10 kg, two below 1 kg), so that the first bill of a year never reads "0 t".
 */
public final class Headline {

    public record Amount(double value, String unit, int decimals) {
    }

    private Headline() {
    }

    public static Amount of(double co2eKg) {
        double magnitude = Math.abs(co2eKg);
        if (magnitude >= 1000) {
            return new Amount(co2eKg / 1000, "t", 2);
        }
        return new Amount(co2eKg, "kg", magnitude >= 10 ? 0 : magnitude >= 1 ? 1 : 2);
    }
}
