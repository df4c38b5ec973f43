package org.empreinte.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.empreinte.calculation.Period;

/**
 * The reports' SQL against the calculation core: on the monthly shares the calculator makes of bills
 * crossing month and year bounds and leap days, and on report windows cut at any day, SQLite selects the
 * same shares and gives each the same share of its days as {@link Period#shareOfDaysIn}, to the last bit.
 */
@DisplayName("Proration in SQL")
class ProrationTest {

    private static final List<Period> BILLS = List.of(
            period("2023-12-15", "2024-03-10"), // a new year, then a leap February
            period("2024-02-10", "2024-02-29"), // ends on the leap day
            period("2024-02-29", "2024-02-29"), // the leap day alone
            period("2024-12-15", "2025-01-14"),
            period("2000-02-15", "2000-03-05"), // 2000 is a leap year (divisible by 400)
            period("2100-02-15", "2100-03-05"), // 2100 is not (divisible by 100)
            period("2023-01-01", "2024-12-31"));

    private static final List<Period> WINDOWS = List.of(
            Period.ofYear(2023), Period.ofYear(2024), Period.ofYear(2025),
            period("2024-02-10", "2024-02-20"), // inside one month: cuts a share at both ends
            period("2024-02-29", "2024-03-01"),
            period("2024-01-15", "2024-06-14"),
            period("2000-02-29", "2000-12-31"),
            period("2100-01-01", "2100-02-28"),
            period("2024-12-31", "2024-12-31"));

    private Handle handle;

    @BeforeEach
    void open() {
        handle = Jdbi.create("jdbc:sqlite::memory:").open();
        handle.execute("CREATE TABLE share (first_day INTEGER NOT NULL, last_day INTEGER NOT NULL)");
    }

    @AfterEach
    void close() {
        handle.close();
    }

    @Test
    void selectsAndProratesEachShareAsTheCalculationCoreDoes() {
        List<Period> shares = new ArrayList<>();
        for (Period bill : BILLS) {
            shares.addAll(bill.splitByMonth());
        }
        for (Period share : shares) {
            handle.createUpdate("INSERT INTO share (first_day, last_day) VALUES (:first, :last)")
                    .bind("first", share.start().toEpochDay()).bind("last", share.end().toEpochDay()).execute();
        }
        int whollyIn = 0;
        int crossing = 0;
        int outside = 0;
        for (Period window : WINDOWS) {
            List<Map<String, Object>> rows = handle.createQuery("SELECT m.first_day, m.last_day,"
                    + " CASE WHEN " + Proration.WHOLLY_IN_WINDOW + " THEN 1 ELSE 0 END AS wholly_in,"
                    + " CASE WHEN " + Proration.CROSSING_A_BOUND + " THEN 1 ELSE 0 END AS crossing,"
                    + " " + Proration.SHARE_IN_WINDOW + " AS share_in_window"
                    + " FROM share m ORDER BY m.rowid")
                    .bind("fromDay", window.start().toEpochDay()).bind("toDay", window.end().toEpochDay())
                    .mapToMap().list();
            assertThat(rows).hasSameSizeAs(shares);
            for (int i = 0; i < shares.size(); i++) {
                Period share = shares.get(i);
                Map<String, Object> row = rows.get(i);
                String what = share + " in " + window;
                double expected = share.shareOfDaysIn(window);
                boolean sqlWhollyIn = ((Number) row.get("wholly_in")).intValue() == 1;
                boolean sqlCrossing = ((Number) row.get("crossing")).intValue() == 1;
                assertThat(sqlWhollyIn).as("wholly in: " + what).isEqualTo(expected == 1.0);
                assertThat(sqlCrossing).as("crossing a bound: " + what).isEqualTo(expected > 0 && expected < 1);
                if (expected > 0) {
                    assertThat(((Number) row.get("share_in_window")).doubleValue()).as("share: " + what).isEqualTo(expected);
                }
                whollyIn += sqlWhollyIn ? 1 : 0;
                crossing += sqlCrossing ? 1 : 0;
                outside += expected == 0 ? 1 : 0;
            }
        }
        // every case met, or the comparison above proves less than it says
        assertThat(whollyIn).isPositive();
        assertThat(crossing).isGreaterThan(10);
        assertThat(outside).isPositive();
    }

    private static Period period(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }
}
