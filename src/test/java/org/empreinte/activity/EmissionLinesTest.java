package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.EmissionCalculator;
import org.empreinte.calculation.EmissionLine;
import org.empreinte.calculation.EmissionLines;
import org.empreinte.calculation.EmissionResult;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.calculation.Period;
import org.empreinte.factor.TestLibraries;

/**
 * The lines the shipped factor files give an activity (calculation.EmissionLines), each figure worked by hand from
 * the cited row: ECCC's Québec natural gas and DESNZ 2024's well-to-tank row; NIR 2022's consumption and generation
 * intensities (Table A13-4, Nova Scotia; Table A13-5, New Brunswick, applied to Prince Edward Island).
 */
class EmissionLinesTest {

    private static final EmissionCalculator CALCULATOR = new EmissionCalculator(TestLibraries.shipped().selector());
    private static final MeasurementUnit M3 = MeasurementUnits.find("m3").orElseThrow();
    private static final MeasurementUnit KWH = MeasurementUnits.find("kWh").orElseThrow();
    private static final MeasurementUnit LITRE = MeasurementUnits.find("L").orElseThrow();
    private static final Period YEAR_2023 = new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
    private static final Period YEAR_2019 = new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31));

    private static List<EmissionLine> lines(String type, double quantity, MeasurementUnit unit, Period period, String region) {
        EmissionResult direct = CALCULATOR.calculate(type, quantity, unit, period, region);
        return EmissionLines.of(CALCULATOR, type, quantity, unit, period, region, direct);
    }

    @Test
    void naturalGasInQuebecHasItsCombustionAndItsUpstream() {
        List<EmissionLine> lines = lines("natural_gas", 1_000, M3, YEAR_2023, "CA-QC");
        assertThat(lines).extracting(EmissionLine::role).containsExactly("direct", "upstream");
        // eccc-natural-gas-ca-qc: CO2 1.926 + CH4 0.000037 x 28 + N2O 0.000035 x 265 = 1.936311 kg/m3 (AR5), x 1,000 m3
        EmissionLine direct = lines.get(0);
        assertThat(direct.result().factor().id()).isEqualTo("eccc-natural-gas-ca-qc");
        assertThat(direct.co2eKg()).isCloseTo(1_000 * (1.926 + 0.000037 * 28 + 0.000035 * 265), within(1e-9));
        assertThat(direct.co2eKg()).isCloseTo(1_936.311, within(1e-9));
        assertThat(direct.scope()).isEqualTo(1);
        // DESNZ 2024, Scope 3, WTT- fuels, Gaseous fuels, Natural gas, cubic metres: 0.3366 kg CO2e/m3, x 1,000 m3
        EmissionLine upstream = lines.get(1);
        assertThat(upstream.result().factor().id()).isEqualTo("desnz-2024-natural-gas-upstream-m3");
        assertThat(upstream.co2eKg()).isCloseTo(336.6, within(1e-9));
        assertThat(upstream.scope()).isEqualTo(3);
        assertThat(upstream.category()).isEqualTo("fuel_energy");
        assertThat(upstream.result().co2eKgByGas()).containsOnlyKeys("unspecified");
        // Its monthly shares add up to it, pro rata by days: January is 31 of 365 days.
        assertThat(upstream.result().monthlyShares().get(0).co2eKg()).isCloseTo(336.6 * 31 / 365, within(1e-9));
    }

    @Test
    void aFuelInAnotherUnitTakesTheUpstreamRowOfThatDimension() {
        // DESNZ 2024, WTT- fuels, Liquid fuels, Gas oil, litres: 0.62665 kg CO2e/L (heating oil maps to gas oil)
        List<EmissionLine> oil = lines("heating_oil", 500, LITRE, YEAR_2023, "CA-QC");
        assertThat(oil).extracting(EmissionLine::role).containsExactly("direct", "upstream");
        assertThat(oil.get(1).co2eKg()).isCloseTo(500 * 0.62665, within(1e-9));
        // Natural gas in kWh: WTT- fuels, Natural gas, kWh (Gross CV): 0.03021 kg CO2e/kWh
        List<EmissionLine> gasInKwh = lines("natural_gas", 10_000, KWH, YEAR_2023, "CA-QC");
        assertThat(gasInKwh.get(1).result().factor().id()).isEqualTo("desnz-2024-natural-gas-upstream-kwh");
        assertThat(gasInKwh.get(1).co2eKg()).isCloseTo(302.1, within(1e-9));
    }

    @Test
    void electricityInNovaScotiaIsGenerationInScopeTwoAndLossesInCategoryThree() {
        List<EmissionLine> lines = lines("electricity", 10_000, KWH, YEAR_2019, "CA-NS");
        assertThat(lines).extracting(EmissionLine::role).containsExactly("direct", "losses");
        // NIR 2022, Table A13-4, Nova Scotia, data year 2019: generation 690 g/kWh -> 10,000 x 0.690 = 6,900 kg, scope 2
        assertThat(lines.get(0).result().factor().id()).isEqualTo("eccc-electricity-generation-ca-ns-2019");
        assertThat(lines.get(0).co2eKg()).isCloseTo(6_900, within(1e-9));
        assertThat(lines.get(0).scope()).isEqualTo(2);
        // consumption 730 g/kWh less generation 690 = 40 g/kWh lost -> 10,000 x 0.040 = 400 kg, scope 3 category 3
        assertThat(lines.get(1).result().factor().id()).isEqualTo("eccc-electricity-losses-ca-ns-2019");
        assertThat(lines.get(1).co2eKg()).isCloseTo(400, within(1e-9));
        assertThat(lines.get(1).scope()).isEqualTo(3);
        assertThat(lines.get(1).category()).isEqualTo("fuel_energy");
        // Together the consumption intensity the bill took before: 10,000 x 0.730 = 7,300 kg.
        assertThat(lines.get(0).co2eKg() + lines.get(1).co2eKg()).isCloseTo(7_300, within(1e-9));
    }

    @Test
    void princeEdwardIslandTakesNewBrunswicksForBothLines() {
        List<EmissionLine> lines = lines("electricity", 10_000, KWH, YEAR_2019, "CA-PE");
        // Table A13-5, New Brunswick, 2019: generation 300 g/kWh (3,000 kg), consumption 310 (10 g lost: 100 kg)
        assertThat(lines.get(0).co2eKg()).isCloseTo(3_000, within(1e-9));
        assertThat(lines.get(1).co2eKg()).isCloseTo(100, within(1e-9));
    }

    @Test
    void whereNoPairIsPublishedTheConsumptionFactorStaysAlone() {
        // Table A13-14 gives Nunavut no generation intensity before 2013: 2010 keeps its 760 g/kWh consumed, one line.
        Period year2010 = new Period(LocalDate.of(2010, 1, 1), LocalDate.of(2010, 12, 31));
        List<EmissionLine> nunavut = lines("electricity", 1_000, KWH, year2010, "CA-NU");
        assertThat(nunavut).extracting(EmissionLine::role).containsExactly("direct");
        assertThat(nunavut.get(0).co2eKg()).isCloseTo(760, within(1e-9));
        // The UK grid (DESNZ, "Electricity generated") has no losses line here: one line.
        assertThat(lines("electricity", 1_000, KWH, YEAR_2023, "GB")).extracting(EmissionLine::role).containsExactly("direct");
    }

    @Test
    void lineFactorTypesAreNeverActivityTypes() {
        assertThat(EmissionLines.isLineType("natural_gas_upstream")).isTrue();
        assertThat(EmissionLines.isLineType("electricity_losses")).isTrue();
        assertThat(EmissionLines.isLineType("electricity")).isFalse();
    }
}
