package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static Period period(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Nested
    class Construction {

        @Test
        void refusesAnEndBeforeTheStart() {
            assertThatThrownBy(() -> period("2024-03-02", "2024-03-01"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ends before it starts");
        }

        @Test
        void refusesMissingDates() {
            assertThatThrownBy(() -> new Period(null, LocalDate.of(2024, 1, 1))).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Period(LocalDate.of(2024, 1, 1), null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void ofYearCoversTheWholeCalendarYear() {
            assertThat(Period.ofYear(2025)).isEqualTo(period("2025-01-01", "2025-12-31"));
        }

        @Test
        void ofDayIsASingleDay() {
            assertThat(Period.ofDay(LocalDate.of(2024, 2, 29))).isEqualTo(period("2024-02-29", "2024-02-29"));
        }
    }

    @Nested
    class Days {

        @Test
        void countsBothEnds() {
            assertThat(period("2024-01-01", "2024-01-31").days()).isEqualTo(31);
            assertThat(period("2024-01-10", "2024-01-11").days()).isEqualTo(2);
        }

        @Test
        void aSingleDayIsOneDay() {
            assertThat(Period.ofDay(LocalDate.of(2024, 6, 1)).days()).isEqualTo(1);
        }

        @Test
        void leapAndCommonYears() {
            assertThat(Period.ofYear(2024).days()).isEqualTo(366);
            assertThat(Period.ofYear(2023).days()).isEqualTo(365);
            assertThat(Period.ofYear(2100).days()).isEqualTo(365); // divisible by 100, not by 400
            assertThat(Period.ofYear(2000).days()).isEqualTo(366); // divisible by 400
        }

        @Test
        void acrossAYearBoundary() {
            // 15..31 December = 17 days, 1..14 January = 14 days
            assertThat(period("2024-12-15", "2025-01-14").days()).isEqualTo(17 + 14);
        }
    }

    @Nested
    class OverlapDays {

        private final Period january10to20 = period("2024-01-10", "2024-01-20");

        @Test
        void partialOverlapCountsTheSharedDays() {
            // shared: 15..20 January = 6 days
            Period other = period("2024-01-15", "2024-02-05");
            assertThat(january10to20.overlapDays(other)).isEqualTo(6);
            assertThat(other.overlapDays(january10to20)).isEqualTo(6);
        }

        @Test
        void containedPeriodOverlapsByItsOwnLength() {
            Period inner = period("2024-01-12", "2024-01-14");
            assertThat(january10to20.overlapDays(inner)).isEqualTo(3);
            assertThat(inner.overlapDays(january10to20)).isEqualTo(3);
        }

        @Test
        void periodsSharingOnlyTheirEndDayOverlapByOne() {
            assertThat(january10to20.overlapDays(period("2024-01-20", "2024-01-31"))).isEqualTo(1);
            assertThat(january10to20.overlapDays(period("2024-01-01", "2024-01-10"))).isEqualTo(1);
        }

        @Test
        void disjointPeriodsDoNotOverlap() {
            assertThat(january10to20.overlapDays(period("2024-01-21", "2024-01-31"))).isZero();
            assertThat(january10to20.overlapDays(period("2023-01-10", "2023-01-20"))).isZero();
        }

        @Test
        void aPeriodOverlapsItselfEntirely() {
            assertThat(january10to20.overlapDays(january10to20)).isEqualTo(11);
        }

        @Test
        void overlapWithAYear() {
            // bill 2024-12-15..2025-01-14: 17 days in 2024, 14 days in 2025
            Period bill = period("2024-12-15", "2025-01-14");
            assertThat(bill.overlapDays(Period.ofYear(2024))).isEqualTo(17);
            assertThat(bill.overlapDays(Period.ofYear(2025))).isEqualTo(14);
        }
    }

    @Nested
    class ShareOfDaysIn {

        private final Period billAcrossNewYear = period("2024-12-15", "2025-01-14");

        @Test
        void aYearTakesItsDaysOfTheBill() {
            // 15..31 December = 17 of 31 days; 1..14 January = 14 of 31 days
            assertThat(billAcrossNewYear.shareOfDaysIn(Period.ofYear(2024))).isEqualTo(17.0 / 31);
            assertThat(billAcrossNewYear.shareOfDaysIn(Period.ofYear(2025))).isEqualTo(14.0 / 31);
        }

        @Test
        void countsTheLeapDay() {
            // 1 February..31 March 2024 = 29 + 31 = 60 days, 29 of them in February; 2023 has 28 of 59
            assertThat(period("2024-02-01", "2024-03-31").shareOfDaysIn(period("2024-02-01", "2024-02-29")))
                    .isEqualTo(29.0 / 60);
            assertThat(period("2023-02-01", "2023-03-31").shareOfDaysIn(period("2023-02-01", "2023-02-28")))
                    .isEqualTo(28.0 / 59);
        }

        @Test
        void aWindowHoldingThePeriodTakesAllOfItAndADisjointOneNone() {
            assertThat(billAcrossNewYear.shareOfDaysIn(period("2024-01-01", "2025-12-31"))).isEqualTo(1.0);
            assertThat(billAcrossNewYear.shareOfDaysIn(Period.ofYear(2023))).isZero();
        }

        @Test
        void isNotSymmetric() {
            // the share is of this period's days: 17 days are all of December's part, 17/31 of the bill
            Period december = period("2024-12-15", "2024-12-31");
            assertThat(december.shareOfDaysIn(billAcrossNewYear)).isEqualTo(1.0);
            assertThat(billAcrossNewYear.shareOfDaysIn(december)).isEqualTo(17.0 / 31);
        }
    }

    @Nested
    class SplitByMonth {

        @Test
        void aPeriodInsideOneMonthIsItsOwnOnlyPart() {
            Period p = period("2024-05-03", "2024-05-20");
            assertThat(p.splitByMonth()).containsExactly(p);
        }

        @Test
        void leapYearFebruaryHas29Days() {
            List<Period> parts = period("2024-01-20", "2024-03-10").splitByMonth();
            assertThat(parts).containsExactly(
                    period("2024-01-20", "2024-01-31"),
                    period("2024-02-01", "2024-02-29"),
                    period("2024-03-01", "2024-03-10"));
            assertThat(parts).extracting(Period::days).containsExactly(12L, 29L, 10L);
            assertThat(parts).extracting(Period::month)
                    .containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
        }

        @Test
        void commonYearFebruaryHas28Days() {
            List<Period> parts = period("2023-02-10", "2023-03-01").splitByMonth();
            assertThat(parts).containsExactly(period("2023-02-10", "2023-02-28"), period("2023-03-01", "2023-03-01"));
            assertThat(parts).extracting(Period::days).containsExactly(19L, 1L);
        }

        @Test
        void acrossAYearBoundary() {
            assertThat(period("2024-12-15", "2025-01-14").splitByMonth())
                    .containsExactly(period("2024-12-15", "2024-12-31"), period("2025-01-01", "2025-01-14"));
        }

        @Test
        void aWholeYearGivesTwelveMonthsWhoseDaysAddUp() {
            List<Period> parts = Period.ofYear(2024).splitByMonth();
            assertThat(parts).hasSize(12);
            assertThat(parts.stream().mapToLong(Period::days).sum()).isEqualTo(366);
            assertThat(parts.get(0)).isEqualTo(period("2024-01-01", "2024-01-31"));
            assertThat(parts.get(11)).isEqualTo(period("2024-12-01", "2024-12-31"));
        }

        @Test
        void aSingleDayOnTheLastDayOfAMonth() {
            assertThat(Period.ofDay(LocalDate.of(2024, 2, 29)).splitByMonth()).containsExactly(period("2024-02-29", "2024-02-29"));
        }
    }

    @Nested
    class ReferenceYear {

        @Test
        void billAcrossNewYearWithMostDaysInDecember() {
            // 31 days; middle day = start + (31 - 1) / 2 = 2024-12-15 + 15 days = 2024-12-30 -> 2024
            // (17 days in 2024 against 14 in 2025)
            assertThat(period("2024-12-15", "2025-01-14").referenceYear()).isEqualTo(2024);
        }

        @Test
        void billAcrossNewYearWithMostDaysInJanuary() {
            // 25..31 December = 7 days + 14 January days = 21 days;
            // middle day = 2024-12-25 + (21 - 1) / 2 = + 10 days = 2025-01-04 -> 2025
            assertThat(period("2024-12-25", "2025-01-14").referenceYear()).isEqualTo(2025);
        }

        @Test
        void evenSplitTakesTheEarlierYear() {
            // 18..31 December = 14 days + 14 January days = 28 days;
            // middle day = 2024-12-18 + (28 - 1) / 2 = + 13 days = 2024-12-31 -> 2024
            assertThat(period("2024-12-18", "2025-01-14").referenceYear()).isEqualTo(2024);
        }

        @Test
        void oneDayMoreInJanuaryTipsToTheLaterYear() {
            // 18..31 December = 14 days + 15 January days = 29 days;
            // middle day = 2024-12-18 + (29 - 1) / 2 = + 14 days = 2025-01-01 -> 2025
            assertThat(period("2024-12-18", "2025-01-15").referenceYear()).isEqualTo(2025);
        }

        @Test
        void singleDayAndWholeYear() {
            assertThat(Period.ofDay(LocalDate.of(2025, 1, 1)).referenceYear()).isEqualTo(2025);
            assertThat(Period.ofDay(LocalDate.of(2024, 12, 31)).referenceYear()).isEqualTo(2024);
            assertThat(Period.ofYear(2023).referenceYear()).isEqualTo(2023);
        }
    }
}
