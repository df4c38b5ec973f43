package org.empreinte.calculation;

/**
 * A reduction target as a straight line from the base year's value to the target year's: the value
 * allowed in a year between them is base x (1 - reduction x (year - base year) / (target year - base year)).
 * Linear rather than compound because that is how the SBTi presets are defined (a fixed share of the base
 * year each year) and how a reader checks a figure by hand. The value is kg CO2e for an absolute target,
 * kg CO2e per unit of the denominator for an intensity target: the line is the same.
 */
public record Trajectory(int baseYear, double baseValue, int targetYear, double reductionPercent) {

    public Trajectory {
        if (targetYear <= baseYear) {
            throw new IllegalArgumentException("the target year must follow the base year");
        }
        if (!(reductionPercent > 0 && reductionPercent <= 100)) {
            throw new IllegalArgumentException("the reduction must be more than 0 % and at most 100 %");
        }
        if (!(baseValue >= 0) || !Double.isFinite(baseValue)) {
            throw new IllegalArgumentException("the base value must be a finite number >= 0");
        }
    }

    /** The value the target allows in {@code year}: the base value before the base year, the target value after the target year. */
    public double value(int year) {
        int clamped = Math.max(baseYear, Math.min(targetYear, year));
        return baseValue * (1 - reductionPercent / 100 * (clamped - baseYear) / (targetYear - baseYear));
    }

    public double targetValue() {
        return value(targetYear);
    }
}
