package org.empreinte.calculation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A period of whole days, both ends included, as on a bill. */
public record Period(LocalDate start, LocalDate end) {

    /**
     * The first and last years a date may have anywhere in the application: activities, reports, targets,
     * yearly figures, contracts and factor editions. National inventories begin in 1990, and climate targets
     * end by 2100; bounded years also keep a report's month table and a target's table of years finite.
     */
    public static final int EARLIEST_YEAR = 1990;
    public static final int LATEST_YEAR = 2100;

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }

    public static Period ofYear(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period ofDay(LocalDate day) {
        return new Period(day, day);
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public long overlapDays(Period other) {
        LocalDate from = start.isAfter(other.start) ? start : other.start;
        LocalDate to = end.isBefore(other.end) ? end : other.end;
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The share of this period's days that fall in {@code window}, from 0 to 1: how an amount spread evenly
     * over the days of a bill is prorated to a month, a year or a report's bounds. Every proration by days
     * goes through here, so that a month's share, a year's restatement and a report cut at any day agree;
     * the reports' SQL ({@code db.Proration.SHARE_IN_WINDOW}) does the same arithmetic and a test holds it to this.
     */
    public double shareOfDaysIn(Period window) {
        return (double) overlapDays(window) / days();
    }

    /**
     * The year an activity is attributed to when a factor edition must be chosen: the year of
     * the period's middle day, so a bill from 15 December to 14 January takes the year that
     * holds most of its days.
     */
    public int referenceYear() {
        return start.plusDays((days() - 1) / 2).getYear();
    }

    /** The parts of this period that fall in each calendar month, in order. */
    public List<Period> splitByMonth() {
        List<Period> parts = new ArrayList<>();
        LocalDate cursor = start;
        while (!cursor.isAfter(end)) {
            LocalDate monthEnd = YearMonth.from(cursor).atEndOfMonth();
            LocalDate partEnd = monthEnd.isBefore(end) ? monthEnd : end;
            parts.add(new Period(cursor, partEnd));
            cursor = partEnd.plusDays(1);
        }
        return parts;
    }

    public YearMonth month() {
        return YearMonth.from(start);
    }
}
