package org.empreinte.activity.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.EmissionCalculator;
import org.empreinte.calculation.EmissionResult;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;

/**
 * A thousand litres of diesel in a truck and in a generator, by hand. The NIR's mobile-combustion table (Annex 6,
 * Table A6.1-15) could not be read from the primary publication, so both take ECCC's stationary diesel factor (see
 * its note): the truck's litres count as scope 1 mobile combustion, the generator's as stationary, for the same
 * kilograms. When the mobile factors are read, the truck's N2O and CH4 change and this test with them. A car and a
 * metro trip in Québec keep DESNZ's UK factors, whose notes say why (no Canadian figure read at its source).
 */
class VehicleFuelTest {


    private static final FactorLibrary SHIPPED = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024", "useeio-1.3"));
    private static final Period JUNE = new Period(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30));
    // eccc-diesel-stationary-ca: CO2 2,681 g/L, CH4 0.078 g/L, N2O 0.022 g/L; AR5 CH4 28, N2O 265.
    // 1,000 L x (2.681 + 0.000078 x 28 + 0.000022 x 265) = 2,681 + 2.184 + 5.83 = 2,689.014 kg CO2e.
    private static final double BY_HAND = 1000 * (2.681 + 0.000078 * 28 + 0.000022 * 265);

    private final ActivityKinds kinds = ActivityKinds.of(SHIPPED);
    private final EmissionCalculator calculator = new EmissionCalculator(SHIPPED.selector());

    @Test
    void aThousandLitresInATruckAndInAGenerator() {
        Measure truck = kinds.find("car").orElseThrow().measure(entry(Map.of("fuel", "diesel")));
        Measure generator = kinds.find("diesel").orElseThrow().measure(entry(Map.of()));
        EmissionResult truckResult = calculator.calculate(truck.factorType(), truck.factorQuantity(), truck.factorUnit(),
                JUNE, "CA-QC", truck.criteria());
        EmissionResult generatorResult = calculator.calculate("diesel", generator.factorQuantity(), generator.factorUnit(),
                JUNE, "CA-QC", generator.criteria());

        assertThat(truck.scope()).isEqualTo(1);
        assertThat(truck.category()).isEqualTo("mobile_combustion");
        assertThat(generatorResult.category()).isEqualTo("stationary_combustion");
        assertThat(truckResult.factor().id()).isEqualTo("eccc-diesel-stationary-ca");
        assertThat(truckResult.co2eKg()).isCloseTo(BY_HAND, within(1e-6));
        assertThat(generatorResult.co2eKg()).isCloseTo(BY_HAND, within(1e-6));
        assertThat(truckResult.factor().note()).contains("Table A6.1-15", "could not be read");
    }

    @Test
    void aCarInQuebecAndAMetroTripKeepDesnzAndSaySo() {
        // No Canadian per-km factor could be read: desnz-2024-car-gasoline, UK average petrol car, 0.1645 kg per km:
        // 100 km x 0.1645 = 16.45 kg.
        Measure car = kinds.find("car").orElseThrow().measure(trip(100, Map.of("fuel", "gasoline")));
        EmissionResult carResult = calculator.calculate("car", car.factorQuantity(), car.factorUnit(), JUNE, "CA-QC",
                car.criteria());
        assertThat(carResult.co2eKg()).isCloseTo(100 * 0.1645, within(1e-9));
        assertThat(carResult.factor().note()).contains("Natural Resources Canada", "not used");
        // No energy per passenger-km of the STM's metro could be read: desnz-2024-train-urban, UK light rail and tram,
        // 0.0286 kg per passenger-km: 12 km x 2 passengers x 0.0286 = 0.6864 kg.
        Measure metro = kinds.find("train").orElseThrow().measure(trip(12, Map.of("kind", "urban", "passengers", 2)));
        EmissionResult metroResult = calculator.calculate("train", metro.factorQuantity(), metro.factorUnit(), JUNE, "CA-QC",
                metro.criteria());
        assertThat(metroResult.co2eKg()).isCloseTo(12 * 2 * 0.0286, within(1e-9));
        assertThat(metroResult.factor().note()).contains("STM", "hydro");
    }

    private static Entry entry(Map<String, Object> attributes) {
        return new Entry(attributes, JUNE, true,
                () -> Measure.asEntered(1000, MeasurementUnits.find("L").orElseThrow()), true, "CA-QC");
    }

    private static Entry trip(double km, Map<String, Object> attributes) {
        return new Entry(attributes, JUNE, true,
                () -> Measure.asEntered(km, MeasurementUnits.find("km").orElseThrow()), true, "CA-QC");
    }
}
