package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.calculation.TestFactors.unit;

import java.util.List;
import java.util.Locale;

import org.assertj.core.data.Offset;
import org.empreinte.calculation.FactorSelectionException.Reason;
import org.empreinte.factor.FactorLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Emissions with the real factor library (emission-factors/, ECCC first, DESNZ 2024 as fall-back).
 * Every expected value is the arithmetic on the factor as written in the factor file.
 */
class EmissionCalculatorTest {

    /** AR5 100-year GWPs (gwp.yml), the GWP set of both factor files. */
    private static final double GWP_CH4 = 28;
    private static final double GWP_N2O = 265;

    /** 1 US liquid gallon = 3.785411784 L exactly. */
    private static final double LITRES_PER_US_GALLON = 3.785411784;
    /** 1 kWh = 3.6 MJ, so 1 GJ = 1e9 J / 3.6e6 J = 277.777... kWh. */
    private static final double KWH_PER_GJ = 1e9 / 3.6e6;

    private static final Period YEAR_2024 = Period.ofYear(2024);

    private static EmissionCalculator calculator;

    @BeforeAll
    static void loadTheRealLibrary() {
        FactorLibrary library = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024"));
        calculator = new EmissionCalculator(library.selector());
    }

    private static EmissionResult calculate(String type, double quantity, String unit, String region) {
        return calculator.calculate(type, quantity, unit(unit), YEAR_2024, region);
    }

    /** Relative tolerance: 1e-9 of the expected value (never below 1e-9 kg). */
    private static Offset<Double> close(double expected) {
        return within(Math.max(1e-9, Math.abs(expected) * 1e-9));
    }

    @Nested
    class Electricity {

        @Test
        void quebec() {
            EmissionResult r = calculate("electricity", 10_000, "kWh", "CA-QC");
            assertThat(r.factor().id()).isEqualTo("eccc-electricity-ca-qc-2020");
            // 10,000 kWh × 0.0019 kg CO2e/kWh (1.9 g, NIR 2022 Table A13-6, 2020, the newest year for a 2024 bill)
            assertThat(r.co2eKg()).isCloseTo(10_000 * 0.0019, close(19));
            // published as CO2e only: all of it is "unspecified"
            assertThat(r.co2eKgByGas()).containsOnlyKeys(Gas.UNSPECIFIED);
            assertThat(r.co2eKgByGas().get(Gas.UNSPECIFIED)).isCloseTo(10_000 * 0.0019, close(19));
            assertThat(r.scope()).isEqualTo(2);
            assertThat(r.category()).isEqualTo("purchased_electricity");
            assertThat(r.quantityInFactorUnit()).isEqualTo(10_000);
        }

        @Test
        void ontario() {
            EmissionResult r = calculate("electricity", 10_000, "kWh", "CA-ON");
            assertThat(r.factor().id()).isEqualTo("eccc-electricity-ca-on-2020");
            // 10,000 kWh × 0.028 kg CO2e/kWh (28 g, NIR 2022 Table A13-7, 2020)
            assertThat(r.co2eKg()).isCloseTo(10_000 * 0.028, close(280));
        }

        @Test
        void alberta() {
            EmissionResult r = calculate("electricity", 10_000, "kWh", "CA-AB");
            assertThat(r.factor().id()).isEqualTo("eccc-electricity-ca-ab-2020");
            // 10,000 kWh × 0.640 kg CO2e/kWh (640 g, NIR 2022 Table A13-10, 2020)
            assertThat(r.co2eKg()).isCloseTo(10_000 * 0.640, close(6_400));
        }

        @Test
        void britishColumbia() {
            EmissionResult r = calculate("electricity", 10_000, "kWh", "CA-BC");
            assertThat(r.factor().id()).isEqualTo("eccc-electricity-ca-bc-2020");
            // 10,000 kWh × 0.0078 kg CO2e/kWh (7.8 g, NIR 2022 Table A13-11, 2020)
            assertThat(r.co2eKg()).isCloseTo(10_000 * 0.0078, close(78));
        }

        @Test
        void canadaWithoutAProvinceTakesTheNationalAverage() {
            EmissionResult r = calculate("electricity", 10_000, "kWh", "CA");
            assertThat(r.factor().id()).isEqualTo("eccc-electricity-ca-2020");
            assertThat(r.factor().region()).isEqualTo("CA");
            // 10,000 kWh × 0.110 kg CO2e/kWh (110 g, Canada, NIR 2022 Table A13-1, 2020)
            assertThat(r.co2eKg()).isCloseTo(10_000 * 0.110, close(1_100));
        }

        /**
         * Canada and each province and territory with its own consumption intensity, NIR 1990-2020 (2022 edition),
         * Part 3, Annex 13, in two data years: a bill of that year takes that year's factor. Expected kg written by
         * hand: 10,000 kWh × g CO2e/kWh ÷ 1,000 g/kg.
         */
        @ParameterizedTest(name = "{0} {1}: {3} g/kWh")
        @CsvSource({
                "CA,    2018, Table A13-1,  130,  1300",
                "CA,    2020, Table A13-1,  110,  1100",
                "CA-NL, 2018, Table A13-2,  27,   270",
                "CA-NL, 2020, Table A13-2,  25,   250",
                "CA-NS, 2018, Table A13-4,  740,  7400",
                "CA-NS, 2020, Table A13-4,  680,  6800",
                "CA-NB, 2018, Table A13-5,  340,  3400",
                "CA-NB, 2020, Table A13-5,  300,  3000",
                "CA-QC, 2018, Table A13-6,  1.6,  16",
                "CA-QC, 2020, Table A13-6,  1.9,  19",
                "CA-ON, 2018, Table A13-7,  30,   300",
                "CA-ON, 2020, Table A13-7,  28,   280",
                "CA-MB, 2018, Table A13-8,  1.4,  14",
                "CA-MB, 2020, Table A13-8,  1.2,  12",
                "CA-SK, 2018, Table A13-9,  760,  7600",
                "CA-SK, 2020, Table A13-9,  620,  6200",
                "CA-AB, 2018, Table A13-10, 690,  6900",
                "CA-AB, 2020, Table A13-10, 640,  6400",
                "CA-BC, 2018, Table A13-11, 13.3, 133",
                "CA-BC, 2020, Table A13-11, 7.8,  78",
                "CA-YT, 2018, Table A13-12, 80,   800",
                "CA-YT, 2020, Table A13-12, 110,  1100",
                "CA-NT, 2018, Table A13-13, 190,  1900",
                "CA-NT, 2020, Table A13-13, 180,  1800",
                "CA-NU, 2018, Table A13-14, 890,  8900",
                "CA-NU, 2020, Table A13-14, 800,  8000",
        })
        void eachProvinceAndTerritoryTakesItsOwnIntensityOfTheBillsYear(String region, int year, String table,
                String gramsPerKwh, double expectedKg) {
            EmissionResult r = calculator.calculate("electricity", 10_000, unit("kWh"), Period.ofYear(year), region);
            assertThat(r.factor().id()).isEqualTo("eccc-electricity-" + region.toLowerCase(Locale.ROOT) + "-" + year);
            assertThat(r.factor().region()).isEqualTo(region);
            assertThat(r.factor().citation()).contains("(2022 edition), Part 3, Annex 13")
                    .contains(table + ", ").contains("data year " + year).contains(": " + gramsPerKwh + " g CO2e/kWh consumed");
            // 2020 is preliminary in the 2022 edition, and the citation says so.
            assertThat(r.factor().citation().contains("(preliminary)")).isEqualTo(year == 2020);
            assertThat(r.co2eKg()).isCloseTo(expectedKg, close(expectedKg));
            assertThat(r.co2eKgByGas()).containsOnlyKeys(Gas.UNSPECIFIED);
        }

        /**
         * Prince Edward Island's consumption intensity is not published (Table A13-3 gives its generation intensity
         * only, 4 g/kWh in 2018 and 0 in 2020, as it imports most of its power): its bill takes New Brunswick's, its
         * main supplier's (Table A13-5), never 0 and never Canada's average.
         */
        @ParameterizedTest(name = "{0}: {1} g/kWh")
        @CsvSource({
                "2018, 340, 3400",
                "2020, 300, 3000",
                // A bill after the last published year takes 2020's.
                "2024, 300, 3000",
        })
        void princeEdwardIslandTakesNewBrunswicksIntensity(int year, String gramsPerKwh, double expectedKg) {
            EmissionResult r = calculator.calculate("electricity", 10_000, unit("kWh"), Period.ofYear(year), "CA-PE");
            assertThat(r.factor().region()).isEqualTo("CA-PE");
            assertThat(r.factor().citation()).contains("Table A13-5, New Brunswick")
                    .contains(": " + gramsPerKwh + " g CO2e/kWh consumed, applied to Prince Edward Island");
            assertThat(r.factor().note()).contains("New Brunswick");
            // 10,000 kWh × New Brunswick's g CO2e/kWh ÷ 1,000
            assertThat(r.co2eKg()).isCloseTo(expectedKg, close(expectedKg));
        }

        /**
         * A factor's year is its data year: a bill takes its own year's intensity, one after 2020 (the newest data
         * year of the 2022 edition) takes 2020's, one before 2005 (the first) takes 2005's.
         */
        @ParameterizedTest(name = "{0} bill in {1}: data year {2}")
        @CsvSource({
                // Québec, Table A13-6: 2019 1.5 g, 2020 1.9 g, 2005 4.3 g; 10,000 kWh × g ÷ 1,000
                "CA-QC, 2019, 2019, 15",
                "CA-QC, 2024, 2020, 19",
                "CA-QC, 2003, 2005, 43",
                // Nova Scotia, Table A13-4: 2019 730 g, 2020 680 g, 2005 940 g
                "CA-NS, 2019, 2019, 7300",
                "CA-NS, 2024, 2020, 6800",
                "CA-NS, 2003, 2005, 9400",
        })
        void aBillTakesItsYearOrTheNearestPublishedOne(String region, int billYear, int dataYear, double expectedKg) {
            EmissionResult r = calculator.calculate("electricity", 10_000, unit("kWh"), Period.ofYear(billYear), region);
            assertThat(r.factor().year()).isEqualTo(dataYear);
            assertThat(r.co2eKg()).isCloseTo(expectedKg, close(expectedKg));
        }

        @Test
        void greatBritainUsesDesnz() {
            EmissionResult r = calculate("electricity", 10_000, "kWh", "GB");
            assertThat(r.factor().id()).isEqualTo("desnz-2024-electricity-gb");
            assertThat(r.factor().setId()).isEqualTo("desnz-2024");
            // 10,000 kWh × (0.20493 CO2 + 0.0009 CH4 + 0.00122 N2O) kg CO2e/kWh, desnz-2024-electricity-gb
            double expected = 10_000 * (0.20493 + 0.0009 + 0.00122);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
            assertThat(r.co2eKgByGas()).containsOnlyKeys(Gas.CO2, Gas.CH4, Gas.N2O);
            assertThat(r.co2eKgByGas().get(Gas.CO2)).isCloseTo(10_000 * 0.20493, close(2_049.3));
            assertThat(r.co2eKgByGas().get(Gas.CH4)).isCloseTo(10_000 * 0.0009, close(9));
            assertThat(r.co2eKgByGas().get(Gas.N2O)).isCloseTo(10_000 * 0.00122, close(12.2));
        }

        @Test
        void noFactorOutsideCanadaAndGreatBritain() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> calculate("electricity", 1_000, "kWh", "FR-IDF"));
            assertThat(e.reason()).isEqualTo(Reason.NO_FACTOR_FOR_REGION);
            assertThat(e.getMessage()).contains("FR-IDF");
        }
    }

    @Nested
    class NaturalGas {

        @Test
        void quebecUsesEcccMassesWeightedWithAr5() {
            EmissionResult r = calculate("natural_gas", 1_200, "m3", "CA-QC");
            assertThat(r.factor().id()).isEqualTo("eccc-natural-gas-ca-qc");
            // 1,200 m³ × (1.926 kg CO2 + 0.000037 kg CH4 × 28 + 0.000035 kg N2O × 265) per m³, eccc-natural-gas-ca-qc
            double expected = 1_200 * (1.926 + 0.000037 * GWP_CH4 + 0.000035 * GWP_N2O);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
            assertThat(r.co2eKgByGas().get(Gas.CO2)).isCloseTo(1_200 * 1.926, close(2_311.2));
            assertThat(r.co2eKgByGas().get(Gas.CH4)).isCloseTo(1_200 * 0.000037 * 28, close(1.2432));
            assertThat(r.co2eKgByGas().get(Gas.N2O)).isCloseTo(1_200 * 0.000035 * 265, close(11.13));
            assertThat(r.scope()).isEqualTo(1);
            assertThat(r.category()).isEqualTo("stationary_combustion");
        }

        @Test
        void ontarioFallsBackToTheDesnzCubicMetreFactor() {
            EmissionResult r = calculate("natural_gas", 1_200, "m3", "CA-ON");
            assertThat(r.factor().id()).isEqualTo("desnz-2024-natural-gas-m3");
            // 1,200 m³ × (2.0414 CO2 + 0.00307 CH4 + 0.00095 N2O) kg CO2e/m³, desnz-2024-natural-gas-m3
            double expected = 1_200 * (2.0414 + 0.00307 + 0.00095);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
            assertThat(r.co2eKgByGas().get(Gas.CH4)).isCloseTo(1_200 * 0.00307, close(3.684));
        }
    }

    @Nested
    class LiquidAndBottledFuelsInCanada {

        @Test
        void heatingOil() {
            EmissionResult r = calculate("heating_oil", 1_000, "L", "CA-QC");
            assertThat(r.factor().id()).isEqualTo("eccc-light-fuel-oil-ca");
            // 1,000 L × 2.753 kg CO2/L (CO2 only), eccc-light-fuel-oil-ca
            assertThat(r.co2eKg()).isCloseTo(1_000 * 2.753, close(2_753));
            assertThat(r.co2eKgByGas()).containsOnlyKeys(Gas.CO2);
        }

        @Test
        void propane() {
            EmissionResult r = calculate("propane", 1_000, "L", "CA-QC");
            assertThat(r.factor().id()).isEqualTo("eccc-propane-ca");
            // 1,000 L × (1.515 kg CO2 + 0.000024 kg CH4 × 28 + 0.000108 kg N2O × 265) per L, eccc-propane-ca
            double expected = 1_000 * (1.515 + 0.000024 * GWP_CH4 + 0.000108 * GWP_N2O);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
            assertThat(r.co2eKgByGas().get(Gas.N2O)).isCloseTo(1_000 * 0.000108 * 265, close(28.62));
        }

        @Test
        void diesel() {
            EmissionResult r = calculate("diesel", 1_000, "L", "CA-AB");
            assertThat(r.factor().id()).isEqualTo("eccc-diesel-stationary-ca");
            // 1,000 L × (2.681 kg CO2 + 0.000078 kg CH4 × 28 + 0.000022 kg N2O × 265) per L, eccc-diesel-stationary-ca
            double expected = 1_000 * (2.681 + 0.000078 * GWP_CH4 + 0.000022 * GWP_N2O);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
        }

        @Test
        void gasoline() {
            EmissionResult r = calculate("gasoline", 50, "L", "CA");
            assertThat(r.factor().id()).isEqualTo("eccc-gasoline-ca");
            // 50 L × 2.307 kg CO2/L (CO2 only), eccc-gasoline-ca
            assertThat(r.co2eKg()).isCloseTo(50 * 2.307, close(115.35));
            assertThat(r.category()).isEqualTo("mobile_combustion");
        }
    }

    @Nested
    class FuelsOutsideCanada {

        @Test
        void heatingOilInIleDeFranceUsesDesnzGasOil() {
            EmissionResult r = calculate("heating_oil", 1_000, "L", "FR-IDF");
            assertThat(r.factor().id()).isEqualTo("desnz-2024-gas-oil-l");
            assertThat(r.factor().region()).isEqualTo("*");
            // 1,000 L × (2.72417 CO2 + 0.00315 CH4 + 0.02809 N2O) kg CO2e/L, desnz-2024-gas-oil-l
            double expected = 1_000 * (2.72417 + 0.00315 + 0.02809);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
            assertThat(r.co2eKgByGas().get(Gas.N2O)).isCloseTo(1_000 * 0.02809, close(28.09));
        }

        @Test
        void gasolineInIleDeFranceUsesDesnzPetrol() {
            EmissionResult r = calculate("gasoline", 40, "L", "FR-IDF");
            assertThat(r.factor().id()).isEqualTo("desnz-2024-petrol-l");
            // 40 L × (2.07047 CO2 + 0.00806 CH4 + 0.00587 N2O) kg CO2e/L, desnz-2024-petrol-l
            double expected = 40 * (2.07047 + 0.00806 + 0.00587);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
        }

        @Test
        void propaneInTheUnitedStatesUsesDesnz() {
            EmissionResult r = calculate("propane", 100, "L", "US-VT");
            assertThat(r.factor().id()).isEqualTo("desnz-2024-propane-l");
            // 100 L × (1.5414 CO2 + 0.00133 CH4 + 0.00084 N2O) kg CO2e/L, desnz-2024-propane-l
            double expected = 100 * (1.5414 + 0.00133 + 0.00084);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
        }
    }

    @Nested
    class UnitConversions {

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"100, MWh", "360, GJ", "100000, kWh", "360000, MJ"})
        void theSameElectricityInAnyEnergyUnitGivesTheSameResult(double quantity, String unit) {
            // 100 MWh = 100,000 kWh = 360 GJ (100,000 × 3.6 MJ) = 360,000 MJ
            EmissionResult r = calculate("electricity", quantity, unit, "CA-QC");
            assertThat(r.factor().id()).isEqualTo("eccc-electricity-ca-qc-2020");
            assertThat(r.quantityInFactorUnit()).isCloseTo(100_000, close(100_000));
            // 100,000 kWh × 0.0019 kg CO2e/kWh, eccc-electricity-ca-qc-2020
            assertThat(r.co2eKg()).isCloseTo(100_000 * 0.0019, close(190));
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource({"1000, L", "1, m3", "264.17205235814845, US gal"})
        void theSameHeatingOilInLitresCubicMetresOrUsGallons(double quantity, String unit) {
            // 1,000 L = 1 m³ = 1,000 / 3.785411784 US gal = 264.172052358148... US gal
            EmissionResult r = calculate("heating_oil", quantity, unit, "CA-QC");
            assertThat(r.factor().id()).isEqualTo("eccc-light-fuel-oil-ca");
            assertThat(r.quantityInFactorUnit()).isCloseTo(1_000, close(1_000));
            // 1,000 L × 2.753 kg CO2/L, eccc-light-fuel-oil-ca
            assertThat(r.co2eKg()).isCloseTo(1_000 * 2.753, close(2_753));
        }

        @Test
        void dieselInUsGallons() {
            EmissionResult r = calculate("diesel", 100, "US gal", "CA-ON");
            // 100 US gal × 3.785411784 L/gal = 378.5411784 L
            assertThat(r.quantityInFactorUnit()).isCloseTo(100 * LITRES_PER_US_GALLON, close(378.5411784));
            // × (2.681 + 0.000078 × 28 + 0.000022 × 265) kg CO2e/L, eccc-diesel-stationary-ca
            double expected = 100 * LITRES_PER_US_GALLON * (2.681 + 0.000078 * GWP_CH4 + 0.000022 * GWP_N2O);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
        }

        @Test
        void naturalGasInLitresUsesTheQuebecCubicMetreFactor() {
            EmissionResult r = calculate("natural_gas", 1_200_000, "L", "CA-QC");
            assertThat(r.factor().id()).isEqualTo("eccc-natural-gas-ca-qc");
            // 1,200,000 L = 1,200 m³
            assertThat(r.quantityInFactorUnit()).isCloseTo(1_200, close(1_200));
            double expected = 1_200 * (1.926 + 0.000037 * GWP_CH4 + 0.000035 * GWP_N2O);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
        }

        @Test
        void naturalGasBilledInGigajoulesInQuebecUsesTheDesnzGrossCvKwhFactor() {
            // The Canadian factor is per m³ only: an energy quantity needs the DESNZ kWh (Gross CV) factor.
            EmissionResult r = calculate("natural_gas", 100, "GJ", "CA-QC");
            assertThat(r.factor().id()).isEqualTo("desnz-2024-natural-gas-kwh");
            assertThat(r.factor().unit().symbol()).isEqualTo("kWh");
            // 100 GJ × 277.777... kWh/GJ = 27,777.777... kWh
            assertThat(r.quantityInFactorUnit()).isCloseTo(100 * KWH_PER_GJ, close(27_777.78));
            // × (0.18253 CO2 + 0.00028 CH4 + 0.00009 N2O) kg CO2e/kWh, desnz-2024-natural-gas-kwh
            double expected = 100 * KWH_PER_GJ * (0.18253 + 0.00028 + 0.00009);
            assertThat(r.co2eKg()).isCloseTo(expected, close(expected));
            // about 5,080.6 kg: a sanity bound independent of the arithmetic above
            assertThat(r.co2eKg()).isBetween(5_080.0, 5_081.0);
        }

        @Test
        void heatingOilBilledInMegajoulesUsesTheDesnzGasOilKwhFactor() {
            EmissionResult r = calculate("heating_oil", 36_000, "MJ", "CA-QC");
            assertThat(r.factor().id()).isEqualTo("desnz-2024-gas-oil-kwh");
            // 36,000 MJ / 3.6 MJ per kWh = 10,000 kWh × (0.25359 + 0.00029 + 0.00261) kg CO2e/kWh, desnz-2024-gas-oil-kwh
            assertThat(r.co2eKg()).isCloseTo(10_000 * (0.25359 + 0.00029 + 0.00261), close(2_564.9));
        }
    }

    @Nested
    class WrongUnitsAndTypes {

        @Test
        void kilometresForElectricity() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> calculate("electricity", 100, "km", "CA-QC"));
            assertThat(e.reason()).isEqualTo(Reason.UNIT_NOT_APPLICABLE);
            assertThat(e.acceptedUnits()).containsExactly("kWh", "MWh", "GJ", "MJ");
            assertThat(e.getMessage()).contains("'km'").contains("electricity")
                    .contains("kWh").contains("MWh").contains("GJ").contains("MJ");
        }

        @Test
        void cubicMetresForElectricity() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> calculate("electricity", 100, "m3", "GB"));
            assertThat(e.reason()).isEqualTo(Reason.UNIT_NOT_APPLICABLE);
        }

        @Test
        void kilogramsForNaturalGasListEnergyAndVolumeUnits() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> calculate("natural_gas", 100, "kg", "CA-QC"));
            assertThat(e.reason()).isEqualTo(Reason.UNIT_NOT_APPLICABLE);
            // The first factor's unit (m³) and its dimension lead, then the fall-back's energy units.
            assertThat(e.acceptedUnits()).containsExactly("m3", "L", "US gal", "kWh", "MWh", "GJ", "MJ");
        }

        @Test
        void unknownType() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> calculate("coal", 100, "kg", "CA-QC"));
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
            assertThat(e.getMessage()).contains("coal");
        }

        @Test
        void theLibraryKnowsExactlyTheSixEnergyTypesAndFlights() {
            assertThat(calculator.selector().types())
                    .containsExactlyInAnyOrder("electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline",
                            "flight", "car", "ev_electricity", "homeworking_energy", "bus", "train", "taxi", "hotel", "waste", "purchase",
                            // the types of other emission lines than an activity's own: never logged themselves
                            "electricity_generation", "electricity_losses", "natural_gas_upstream", "heating_oil_upstream",
                            "propane_upstream", "diesel_upstream", "gasoline_upstream", "car_upstream");
        }
    }
}
