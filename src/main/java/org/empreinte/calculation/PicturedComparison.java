package org.empreinte.calculation;

/**
 * A total told as a count of something a person can picture (a return flight Montréal–Paris): the total over what
 * one of them emits, computed with the same factors. Rounded as a person would say it: whole numbers from 10, one
 * decimal from 1 to 10; below one, the share of a single one in whole percent.
 */
public final class PicturedComparison {

    /**
     * @param count the number of them, rounded ({@link #decimals} places), when the total is at least one
     * @param percentOfOne the share of one of them in whole percent, when the total is less than one (else null)
     */
    public record Amount(double count, int decimals, Long percentOfOne) {
    }

    private PicturedComparison() {
    }

    /** Null when either value is not positive: nothing to picture. */
    public static Amount of(double totalKg, double kgEach) {
        if (!(totalKg > 0) || !(kgEach > 0)) {
            return null;
        }
        double count = totalKg / kgEach;
        if (count >= 10) {
            return new Amount(Math.round(count), 0, null);
        }
        if (count >= 1) {
            return new Amount(Math.round(count * 10) / 10.0, 1, null);
        }
        return new Amount(count, 0, Math.max(1, Math.round(count * 100)));
    }
}
