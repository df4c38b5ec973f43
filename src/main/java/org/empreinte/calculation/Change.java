package org.empreinte.calculation;

/**
 * A change from one period to the next: absolute, and relative to the earlier one (null when the
 * earlier one is zero, where a percentage means nothing).
 */
public record Change(double previous, double current, double absolute, Double percent) {

    public static Change of(double previous, double current) {
        return new Change(previous, current, current - previous, previous == 0 ? null : (current - previous) / previous * 100);
    }
}
