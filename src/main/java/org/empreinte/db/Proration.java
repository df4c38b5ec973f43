package org.empreinte.db;

/**
 * The SQL by which every sum over the stored monthly shares (table {@code activity_month}, aliased {@code m})
 * keeps to a window of days {@code [:fromDay, :toDay]} (epoch days, both included): a report's period, a
 * network's year, a peer comparison's year. Written once so that the footprint, the network aggregate and
 * the benchmark cannot drift apart: a member's total in a network is its footprint's total for the year.
 *
 * <p>A share lies within one calendar month (31 days at most). Shares wholly inside the window count in
 * full, with no proration to compute; those crossing a bound count for their days inside it. Those that
 * cross a bound start at most 30 days before it, so two short index ranges find them. The CASE
 * expressions stand for LEAST/GREATEST, which SQLite and PostgreSQL spell differently.
 */
public final class Proration {

    /** The share wholly inside the window: counts in full. */
    public static final String WHOLLY_IN_WINDOW = "m.first_day >= :fromDay AND m.first_day <= :toDay AND m.last_day <= :toDay";

    /** The share crossing one of the window's bounds (or both): counts for {@link #SHARE_IN_WINDOW} of itself. */
    public static final String CROSSING_A_BOUND = "((m.first_day >= :fromDay - 30 AND m.first_day < :fromDay AND m.last_day >= :fromDay)"
            + " OR (m.first_day > :toDay - 30 AND m.first_day <= :toDay AND m.last_day > :toDay))";

    /**
     * The share of the monthly share's days that fall in the window: the SQL of
     * {@link org.empreinte.calculation.Period#shareOfDaysIn}, which split the activity into these shares in
     * the first place; a test holds the two to the same figures. Only for shares that reach the window (it
     * does not clamp at 0).
     */
    public static final String SHARE_IN_WINDOW = "((CASE WHEN m.last_day < :toDay THEN m.last_day ELSE :toDay END)"
            + " - (CASE WHEN m.first_day > :fromDay THEN m.first_day ELSE :fromDay END) + 1) * 1.0"
            + " / (m.last_day - m.first_day + 1)";

    private Proration() {
    }
}
