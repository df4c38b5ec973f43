package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.calculation.TestFactors.unit;

import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeasurementUnitsTest {

    @Nested
    class Find {

        @ParameterizedTest
        @CsvSource({
                "kWh, kWh", "KWH, kWh", "' kwh ', kWh", "MWh, MWh", "gj, GJ", "MJ, MJ",
                "m3, m3", "m³, m3", "m^3, m3", "L, L", "litres, L", "Liters, L",
                "US gal, US gal", "usgal, US gal", "gal, US gal",
                "kg, kg", "t, t", "tonnes, t", "km, km", "miles, mi"})
        void acceptsEverySpellingIgnoringCaseAndBlanks(String spelling, String canonical) {
            assertThat(MeasurementUnits.find(spelling)).map(MeasurementUnit::symbol).contains(canonical);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "furlong", "kW", "therm", "imp gal"})
        void unknownSpellingsAreNotFound(String spelling) {
            assertThat(MeasurementUnits.find(spelling)).isEmpty();
        }

        @Test
        void nullIsNotFound() {
            assertThat(MeasurementUnits.find(null)).isEmpty();
        }

        @Test
        void allListsEachCanonicalUnitOnce() {
            assertThat(MeasurementUnits.all()).extracting(MeasurementUnit::symbol)
                    .containsExactly("kWh", "MWh", "GJ", "MJ", "m3", "L", "US gal", "kg", "t", "km", "mi", "h", "night", "CAD", "USD", "EUR",
                            "USD2022");
        }
    }

    @Nested
    class Convert {

        @Test
        void energy() {
            // 1 MWh = 1,000 kWh
            assertThat(MeasurementUnits.convert(1, unit("MWh"), unit("kWh"))).isCloseTo(1_000, within(1e-9));
            // 1 kWh = 1,000 W × 3,600 s = 3.6e6 J, so 1 GJ = 1e9 / 3.6e6 kWh = 277.777... kWh
            assertThat(MeasurementUnits.convert(1, unit("GJ"), unit("kWh"))).isCloseTo(1e9 / 3.6e6, within(1e-9));
            // 1 MWh = 3.6e9 J = 3.6 GJ = 3,600 MJ
            assertThat(MeasurementUnits.convert(1, unit("MWh"), unit("GJ"))).isCloseTo(3.6, within(1e-12));
            assertThat(MeasurementUnits.convert(1, unit("MWh"), unit("MJ"))).isCloseTo(3_600, within(1e-9));
            assertThat(MeasurementUnits.convert(3.6, unit("MJ"), unit("kWh"))).isCloseTo(1, within(1e-12));
        }

        @Test
        void volume() {
            // 1 m³ = 1,000 L
            assertThat(MeasurementUnits.convert(1, unit("m3"), unit("L"))).isCloseTo(1_000, within(1e-9));
            // 1 US liquid gallon = 231 in³ = 3.785411784 L exactly
            assertThat(MeasurementUnits.convert(1, unit("US gal"), unit("L"))).isCloseTo(3.785411784, within(1e-12));
            assertThat(MeasurementUnits.convert(1_000, unit("US gal"), unit("m3"))).isCloseTo(3.785411784, within(1e-12));
            assertThat(MeasurementUnits.convert(3.785411784, unit("L"), unit("US gal"))).isCloseTo(1, within(1e-12));
        }

        @Test
        void massAndDistance() {
            // 1 t = 1,000 kg; 1 mile = 1.609344 km exactly
            assertThat(MeasurementUnits.convert(2.5, unit("t"), unit("kg"))).isCloseTo(2_500, within(1e-9));
            assertThat(MeasurementUnits.convert(1, unit("mi"), unit("km"))).isCloseTo(1.609344, within(1e-12));
        }

        @Test
        void sameUnitReturnsTheValueUnchanged() {
            assertThat(MeasurementUnits.convert(123.456, unit("kWh"), unit("kWh"))).isEqualTo(123.456);
        }

        @Test
        void incommensurableUnitsAreRefused() {
            assertThatThrownBy(() -> MeasurementUnits.convert(1, unit("kWh"), unit("m3")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("kWh").hasMessageContaining("m3");
            assertThatThrownBy(() -> MeasurementUnits.convert(1, unit("km"), unit("kg")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Commensurability {

        @Test
        void sameDimensionIsCommensurable() {
            assertThat(unit("kWh").isCommensurableWith(unit("GJ"))).isTrue();
            assertThat(unit("MJ").isCommensurableWith(unit("MWh"))).isTrue();
            assertThat(unit("L").isCommensurableWith(unit("m3"))).isTrue();
            assertThat(unit("US gal").isCommensurableWith(unit("L"))).isTrue();
            assertThat(unit("t").isCommensurableWith(unit("kg"))).isTrue();
            assertThat(unit("mi").isCommensurableWith(unit("km"))).isTrue();
        }

        @Test
        void differentDimensionsAreNot() {
            assertThat(unit("kWh").isCommensurableWith(unit("m3"))).isFalse();
            assertThat(unit("GJ").isCommensurableWith(unit("L"))).isFalse();
            assertThat(unit("km").isCommensurableWith(unit("kWh"))).isFalse();
            assertThat(unit("kg").isCommensurableWith(unit("L"))).isFalse();
        }
    }
}
