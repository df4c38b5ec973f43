package org.empreinte.calculation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.YearComparison.Verdict;
import org.empreinte.calculation.YearComparison.Year;

class YearComparisonTest {

    private static final Map<String, Double> GAS_AND_POWER_2025 = Map.of("stationary_combustion", 9000.0,
            "purchased_electricity", 1000.0);

    @Test
    void twoFullYearsOfTheSameSourcesGiveAPercentage() {
        // 2026: 8,000 + 1,000 = 9,000 kg; 2025: 10,000 kg. (9,000 - 10,000) / 10,000 = -10 %.
        var result = YearComparison.compare(
                new Year(9000, 12, Map.of("stationary_combustion", 8000.0, "purchased_electricity", 1000.0)),
                new Year(10000, 12, GAS_AND_POWER_2025));
        assertEquals(Verdict.COMPARABLE, result.verdict());
        assertEquals(-1000, result.changeKg(), 1e-9);
        assertEquals(-10.0, result.changePercent(), 1e-9);
    }

    @Test
    void aPreviousYearOfAFewKilogramsGivesNoPercentage() {
        // The report's case: 5.1 kg the year before, 24,030 kg now would print +471,076 %.
        var result = YearComparison.compare(new Year(24030, 12, Map.of("stationary_combustion", 24030.0)),
                new Year(5.1, 12, Map.of("stationary_combustion", 5.1)));
        assertEquals(Verdict.PREVIOUS_TINY, result.verdict());
        assertNull(result.changePercent());
        assertEquals(24024.9, result.changeKg(), 1e-9);
    }

    @Test
    void aPreviousYearWithOneBillIsIncomplete() {
        // A bill spilling 2.1 kg into December: one month of twelve.
        var result = YearComparison.compare(new Year(24030, 12, Map.of("stationary_combustion", 24030.0)),
                new Year(2.1, 1, Map.of("stationary_combustion", 2.1)));
        assertEquals(Verdict.PREVIOUS_INCOMPLETE, result.verdict());
        assertNull(result.changePercent());
    }

    @Test
    void aYearStillBeingEnteredIsIncomplete() {
        // Ten months of 2026 against a full 2025: 10 < 11.
        var result = YearComparison.compare(new Year(8000, 10, GAS_AND_POWER_2025), new Year(10000, 12, GAS_AND_POWER_2025));
        assertEquals(Verdict.CURRENT_INCOMPLETE, result.verdict());
        assertNull(result.changePercent());
        // Eleven months is enough: one bill not yet come. (9,500 - 10,000) / 10,000 = -5 %.
        assertEquals(-5.0, YearComparison.compare(new Year(9500, 11, GAS_AND_POWER_2025),
                new Year(10000, 12, GAS_AND_POWER_2025)).changePercent(), 1e-9);
    }

    @Test
    void nothingTheYearBefore() {
        assertEquals(Verdict.NO_PREVIOUS, YearComparison.compare(new Year(9000, 12, GAS_AND_POWER_2025), null).verdict());
    }

    @Test
    void aLargeSourceInOneYearOnlyMeansDifferentPerimeters() {
        // 2026 adds flights: 2,000 of 12,000 kg = 16.7 % >= 5 %, absent in 2025.
        var result = YearComparison.compare(new Year(12000, 12, Map.of("stationary_combustion", 9000.0,
                "purchased_electricity", 1000.0, "business_travel", 2000.0)), new Year(10000, 12, GAS_AND_POWER_2025));
        assertEquals(Verdict.SOURCES_DIFFER, result.verdict());
        assertEquals(Set.of("business_travel"), result.sourcesMissing());
        // A small one does not: a taxi of 400 kg is 400 / 10,400 = 3.8 % < 5 %. (10,400 - 10,000) / 10,000 = +4 %.
        var small = YearComparison.compare(new Year(10400, 12, Map.of("stationary_combustion", 9000.0,
                "purchased_electricity", 1000.0, "business_travel", 400.0)), new Year(10000, 12, GAS_AND_POWER_2025));
        assertEquals(Verdict.COMPARABLE, small.verdict());
        assertEquals(4.0, small.changePercent(), 1e-9);
    }

    @Test
    void aQuarterNeedsAllItsMonthsButOne() {
        // A quarter: 3 - 1 = 2 months at least. Two months of each: (1,100 - 1,000) / 1,000 = +10 %.
        var quarter = YearComparison.compare(new Year(1100, 2, GAS_AND_POWER_2025), new Year(1000, 3, GAS_AND_POWER_2025), 3);
        assertEquals(10.0, quarter.changePercent(), 1e-9);
        assertEquals(Verdict.PREVIOUS_INCOMPLETE, YearComparison.compare(new Year(1100, 3, GAS_AND_POWER_2025),
                new Year(1000, 1, GAS_AND_POWER_2025), 3).verdict());
        assertEquals(11, YearComparison.minMonths(12));
        assertEquals(1, YearComparison.minMonths(1));
    }
}
