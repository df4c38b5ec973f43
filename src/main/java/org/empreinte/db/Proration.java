package org.empreinte.db;

/**
 * The SQL by which a sum over the stored monthly shares (table {@code activity_month}, aliased {@code m})
 * keeps to a window of days {@code [:fromDay, :toDay]} (epoch days, both included). Reports read the months
 * their period holds whole from the running totals (change set 16-running-totals) and only the months its
 * bounds cut from the shares, each counting for {@link #SHARE_IN_WINDOW} of itself (1 exactly for a share wholly
 * inside). Written once so that reports and the SQL they are tested against cannot drift apart.
 *
 * <p>A share lies within one calendar month (31 days at most). {@link #WHOLLY_IN_WINDOW} and
 * {@link #CROSSING_A_BOUND} select, over every share, those counted in full and those prorated: the reading
 * path before the running totals, which a test keeps to compare the two. The CASE expressions stand for
 * LEAST/GREATEST, which SQLite and PostgreSQL spell differently.
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
