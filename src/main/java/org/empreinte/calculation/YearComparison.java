package org.empreinte.calculation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a year's total may be compared with the previous year's as a percentage, and why not.
 *
 * <p>Rules, chosen to be explained in a sentence and checked by hand:
 * <ul>
 * <li>Both years hold data in at least {@link #MIN_MONTHS} of their 12 months: a year still being entered, or a
 * previous year with one bill, is not a year to compare with (one missing month, a bill not yet come, is allowed).</li>
 * <li>Every source (category) that weighs at least {@link #SIGNIFICANT_SHARE} of one year's total is present in the
 * other: a year without its heating bills is a different perimeter, not a reduction.</li>
 * <li>The previous total is at least {@link #MIN_PREVIOUS_KG}: a percentage of almost nothing ("+471 091 %")
 * says nothing.</li>
 * </ul>
 * Otherwise the verdict names the first rule broken, in this order, and there is no percentage.
 */
public final class YearComparison {

    public static final int MIN_MONTHS = 11;
    public static final double SIGNIFICANT_SHARE = 0.05;
    public static final double MIN_PREVIOUS_KG = 100;

    public enum Verdict {
        COMPARABLE, NO_PREVIOUS, CURRENT_INCOMPLETE, PREVIOUS_INCOMPLETE, SOURCES_DIFFER, PREVIOUS_TINY
    }

    /**
     * One year: its total, how many of its months hold data, and its emissions by source (category).
     */
    public record Year(double totalKg, int monthsWithData, Map<String, Double> byCategory) {
    }

    /**
     * @param changePercent set only when {@code verdict} is COMPARABLE
     * @param sourcesMissing the significant sources of one year absent from the other (SOURCES_DIFFER)
     */
    public record Result(Verdict verdict, double changeKg, Double changePercent, Set<String> sourcesMissing) {

        public boolean comparable() {
            return verdict == Verdict.COMPARABLE;
        }
    }

    private YearComparison() {
    }

    /** @param previous null when nothing was logged that year */
    public static Result compare(Year current, Year previous) {
        return compare(current, previous, 12);
    }

    /**
     * The same rules for a period of {@code monthsInPeriod} months compared with the same months a year earlier
     * (a report's quarter): each must hold data in all its months but one ({@link #MIN_MONTHS} of 12), one at least.
     */
    public static Result compare(Year current, Year previous, int monthsInPeriod) {
        int minMonths = minMonths(monthsInPeriod);
        if (previous == null || previous.monthsWithData() == 0) {
            return new Result(Verdict.NO_PREVIOUS, current.totalKg(), null, Set.of());
        }
        double change = current.totalKg() - previous.totalKg();
        if (current.monthsWithData() < minMonths) {
            return new Result(Verdict.CURRENT_INCOMPLETE, change, null, Set.of());
        }
        if (previous.monthsWithData() < minMonths) {
            return new Result(Verdict.PREVIOUS_INCOMPLETE, change, null, Set.of());
        }
        Set<String> missing = new TreeSet<>();
        missing.addAll(significantAbsent(current, previous));
        missing.addAll(significantAbsent(previous, current));
        if (!missing.isEmpty()) {
            return new Result(Verdict.SOURCES_DIFFER, change, null, missing);
        }
        if (previous.totalKg() < MIN_PREVIOUS_KG) {
            return new Result(Verdict.PREVIOUS_TINY, change, null, Set.of());
        }
        return new Result(Verdict.COMPARABLE, change, change / previous.totalKg() * 100, Set.of());
    }

    /** The months a period of {@code monthsInPeriod} months must hold data in: all but one, at least one. */
    public static int minMonths(int monthsInPeriod) {
        return Math.max(1, Math.min(monthsInPeriod, 12) - (12 - MIN_MONTHS));
    }

    /** The sources that weigh {@link #SIGNIFICANT_SHARE} or more of {@code year} and are absent from {@code other}. */
    private static Set<String> significantAbsent(Year year, Year other) {
        Set<String> absent = new TreeSet<>();
        if (year.totalKg() <= 0) {
            return absent;
        }
        year.byCategory().forEach((category, kg) -> {
            if (kg >= SIGNIFICANT_SHARE * year.totalKg() && !(other.byCategory().getOrDefault(category, 0.0) > 0)) {
                absent.add(category);
            }
        });
        return absent;
    }
}
