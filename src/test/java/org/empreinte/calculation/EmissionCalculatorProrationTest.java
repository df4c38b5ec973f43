package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.calculation.TestFactors.factor;
import static org.empreinte.calculation.TestFactors.selector;
import static org.empreinte.calculation.TestFactors.set;
import static org.empreinte.calculation.TestFactors.unit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.empreinte.calculation.EmissionResult.MonthlyShare;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a bill's emissions are shared between calendar months, which edition its dates select, and input checks. */
class EmissionCalculatorProrationTest {

    private static final Period BILL_ACROSS_NEW_YEAR = new Period(LocalDate.of(2024, 12, 15), LocalDate.of(2025, 1, 14));

    private static EmissionCalculator real;

    @BeforeAll
    static void loadTheRealLibrary() {
        real = new EmissionCalculator(org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024")).selector());
    }

    @Nested
    class AcrossAYearBoundary {

        @Test
        void electricityBillSharedSeventeenAndFourteenThirtyFirsts() {
            EmissionResult r = real.calculate("electricity", 3_100, unit("kWh"), BILL_ACROSS_NEW_YEAR, "CA-QC");
            // 3,100 kWh × 0.0019 kg CO2e/kWh, eccc-electricity-ca-qc-2020 (the newest data year for a 2024 bill)
            double total = 3_100 * 0.0019;
            assertThat(r.co2eKg()).isCloseTo(total, within(1e-9));

            List<MonthlyShare> shares = r.monthlyShares();
            assertThat(shares).extracting(s -> s.part().month())
                    .containsExactly(YearMonth.of(2024, 12), YearMonth.of(2025, 1));
            assertThat(shares.get(0).part()).isEqualTo(new Period(LocalDate.of(2024, 12, 15), LocalDate.of(2024, 12, 31)));
            assertThat(shares.get(1).part()).isEqualTo(new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 14)));
            // 15..31 December = 17 of 31 days; 1..14 January = 14 of 31 days
            assertThat(shares.get(0).co2eKg()).isCloseTo(total * 17 / 31, within(1e-9));
            assertThat(shares.get(1).co2eKg()).isCloseTo(total * 14 / 31, within(1e-9));
            assertThat(shares.get(0).co2eKg() + shares.get(1).co2eKg()).isCloseTo(r.co2eKg(), within(1e-9));
            assertThat(shares.get(0).co2eKgByGas().get(Gas.UNSPECIFIED)).isCloseTo(total * 17 / 31, within(1e-9));
        }

        @Test
        void eachGasIsSharedTheSameWay() {
            EmissionResult r = real.calculate("natural_gas", 3_100, unit("m3"), BILL_ACROSS_NEW_YEAR, "CA-QC");
            // 3,100 m³ × per-gas factors of eccc-natural-gas-ca-qc, AR5: CO2 1.926, CH4 0.000037 × 28, N2O 0.000035 × 265
            double co2 = 3_100 * 1.926;
            double ch4 = 3_100 * 0.000037 * 28;
            double n2o = 3_100 * 0.000035 * 265;
            MonthlyShare december = r.monthlyShares().get(0);
            MonthlyShare january = r.monthlyShares().get(1);
            assertThat(december.co2eKgByGas().get(Gas.CO2)).isCloseTo(co2 * 17 / 31, within(1e-9));
            assertThat(december.co2eKgByGas().get(Gas.CH4)).isCloseTo(ch4 * 17 / 31, within(1e-9));
            assertThat(december.co2eKgByGas().get(Gas.N2O)).isCloseTo(n2o * 17 / 31, within(1e-9));
            assertThat(january.co2eKgByGas().get(Gas.CO2)).isCloseTo(co2 * 14 / 31, within(1e-9));
            assertThat(january.co2eKgByGas().get(Gas.CH4)).isCloseTo(ch4 * 14 / 31, within(1e-9));
            assertThat(january.co2eKgByGas().get(Gas.N2O)).isCloseTo(n2o * 14 / 31, within(1e-9));
            assertThat(december.co2eKg() + january.co2eKg()).isCloseTo(co2 + ch4 + n2o, within(1e-9));
        }
    }

    @Nested
    class Months {

        @Test
        void leapYearFebruaryGetsTwentyNineDaysOfShare() {
            Period period = new Period(LocalDate.of(2024, 1, 20), LocalDate.of(2024, 3, 10));
            EmissionResult r = real.calculate("propane", 510, unit("L"), period, "CA-QC");
            // 510 L × (1.515 + 0.000024 × 28 + 0.000108 × 265) kg CO2e/L, eccc-propane-ca
            double total = 510 * (1.515 + 0.000024 * 28 + 0.000108 * 265);
            assertThat(r.co2eKg()).isCloseTo(total, within(1e-9));
            // 20..31 January = 12 days, February 2024 = 29 days, 1..10 March = 10 days: 51 days
            List<MonthlyShare> shares = r.monthlyShares();
            assertThat(shares).extracting(s -> s.part().days()).containsExactly(12L, 29L, 10L);
            assertThat(shares.get(0).co2eKg()).isCloseTo(total * 12 / 51, within(1e-9));
            assertThat(shares.get(1).co2eKg()).isCloseTo(total * 29 / 51, within(1e-9));
            assertThat(shares.get(2).co2eKg()).isCloseTo(total * 10 / 51, within(1e-9));
            assertThat(shares.stream().mapToDouble(MonthlyShare::co2eKg).sum()).isCloseTo(total, within(1e-9));
        }

        @Test
        void aPeriodInsideOneMonthHasOneShareEqualToTheTotal() {
            Period june = new Period(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
            EmissionResult r = real.calculate("electricity", 1_000, unit("kWh"), june, "CA-ON");
            // 1,000 kWh × 0.028 kg CO2e/kWh, eccc-electricity-ca-on-2020
            assertThat(r.monthlyShares()).singleElement().satisfies(s -> {
                assertThat(s.part()).isEqualTo(june);
                assertThat(s.co2eKg()).isCloseTo(1_000 * 0.028, within(1e-9));
            });
        }

        @Test
        void aWholeYearIsSharedByDaysOfEachMonth() {
            EmissionResult r = real.calculate("electricity", 36_600, unit("kWh"), Period.ofYear(2024), "CA-AB");
            // 36,600 kWh × 0.640 kg CO2e/kWh (eccc-electricity-ca-ab-2020) = 23,424 kg over 366 days: 64 kg per day
            double perDay = 36_600 * 0.640 / 366;
            assertThat(r.monthlyShares()).hasSize(12);
            assertThat(r.monthlyShares().get(0).co2eKg()).isCloseTo(31 * perDay, within(1e-9));
            assertThat(r.monthlyShares().get(1).co2eKg()).isCloseTo(29 * perDay, within(1e-9));
            assertThat(r.monthlyShares().get(3).co2eKg()).isCloseTo(30 * perDay, within(1e-9));
            assertThat(r.monthlyShares().stream().mapToDouble(MonthlyShare::co2eKg).sum()).isCloseTo(36_600 * 0.640, within(1e-9));
        }
    }

    @Nested
    class EditionFollowsTheReferenceYear {

        private final EmissionCalculator calculator = new EmissionCalculator(selector(set("s",
                factor("qc-2024", "s", "electricity", "CA-QC", 2024, "kWh", 0.0019),
                factor("qc-2025", "s", "electricity", "CA-QC", 2025, "kWh", 0.0026))));

        @Test
        void mostDaysInDecemberSelectsThe2024Edition() {
            // middle day 2024-12-30 (see PeriodTest): 2024 edition
            EmissionResult r = calculator.calculate("electricity", 1_000, unit("kWh"), BILL_ACROSS_NEW_YEAR, "CA-QC");
            assertThat(r.factor().id()).isEqualTo("qc-2024");
            assertThat(r.co2eKg()).isCloseTo(1_000 * 0.0019, within(1e-12));
        }

        @Test
        void mostDaysInJanuarySelectsThe2025Edition() {
            // 2024-12-25..2025-01-14: middle day 2025-01-04: 2025 edition
            Period bill = new Period(LocalDate.of(2024, 12, 25), LocalDate.of(2025, 1, 14));
            EmissionResult r = calculator.calculate("electricity", 1_000, unit("kWh"), bill, "CA-QC");
            assertThat(r.factor().id()).isEqualTo("qc-2025");
            assertThat(r.co2eKg()).isCloseTo(1_000 * 0.0026, within(1e-12));
        }
    }

    @Nested
    class Quantity {

        @ParameterizedTest
        @ValueSource(doubles = {-1, -0.001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void mustBeAFiniteNumberNotBelowZero(double quantity) {
            assertThatThrownBy(() -> real.calculate("electricity", quantity, unit("kWh"), Period.ofYear(2024), "CA-QC"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("quantity");
        }

        @Test
        void zeroEmitsNothing() {
            EmissionResult r = real.calculate("natural_gas", 0, unit("m3"), Period.ofYear(2024), "CA-QC");
            assertThat(r.co2eKg()).isZero();
            assertThat(r.co2eKgByGas()).containsOnlyKeys(Gas.CO2, Gas.CH4, Gas.N2O).allSatisfy((gas, kg) -> assertThat(kg).isZero());
            assertThat(r.monthlyShares()).hasSize(12).allSatisfy(s -> assertThat(s.co2eKg()).isZero());
        }

        @Test
        void resultMapsAreImmutable() {
            EmissionResult r = real.calculate("electricity", 1, unit("kWh"), Period.ofYear(2024), "CA-QC");
            assertThatThrownBy(() -> r.co2eKgByGas().put("X", 1.0)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> r.monthlyShares().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
