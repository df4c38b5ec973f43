package org.empreinte.footprint;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A report's period, [fromDay, toDay] in epoch days, split as {@link FootprintDao} reads it: the months it holds
 * whole, read from the running totals, and at most two months its bounds cut (its first and its last, one month when
 * the period lies within one), read from their monthly shares. A range that does not exist is empty (its start after
 * its end), so that one query serves every period.
 *
 * @param countAllIn the month whose every activity counts (the period's first month when whole), or "" for none
 */
public record ReportWindow(long fromDay, long toDay, String firstWholeMonth, String lastWholeMonth, String countAllIn,
        long firstCutStart, long firstCutEnd, long lastCutStart, long lastCutEnd) {

    /** The shares, among those of the organization, that lie in the first (or last) cut month and reach into the period. */
    static final String IN_FIRST_CUT = "m.first_day >= :w.firstCutStart AND m.first_day <= :w.firstCutEnd"
            + " AND m.last_day >= :w.fromDay AND m.first_day <= :w.toDay";
    static final String IN_LAST_CUT = "m.first_day >= :w.lastCutStart AND m.first_day <= :w.lastCutEnd"
            + " AND m.last_day >= :w.fromDay AND m.first_day <= :w.toDay";

    /** Whether a bound of the period falls inside a month, whose monthly shares must then be read. */
    boolean cutsAMonth() {
        return firstCutStart <= firstCutEnd || lastCutStart <= lastCutEnd;
    }

    static ReportWindow of(long fromDay, long toDay) {
        LocalDate from = LocalDate.ofEpochDay(fromDay);
        LocalDate to = LocalDate.ofEpochDay(toDay);
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to);
        boolean firstCut = from.getDayOfMonth() != 1 || (first.equals(last) && !to.equals(last.atEndOfMonth()));
        boolean lastCut = !to.equals(last.atEndOfMonth()) && !first.equals(last);
        YearMonth firstWhole = firstCut ? first.plusMonths(1) : first;
        YearMonth lastWhole = to.equals(last.atEndOfMonth()) ? last : last.minusMonths(1);
        boolean anyWhole = !firstWhole.isAfter(lastWhole);
        return new ReportWindow(fromDay, toDay, anyWhole ? firstWhole.toString() : "9999-12",
                anyWhole ? lastWhole.toString() : "0000-01", firstCut ? "" : first.toString(),
                firstCut ? first.atDay(1).toEpochDay() : 1, firstCut ? first.atEndOfMonth().toEpochDay() : 0,
                lastCut ? last.atDay(1).toEpochDay() : 1, lastCut ? last.atEndOfMonth().toEpochDay() : 0);
    }
}
