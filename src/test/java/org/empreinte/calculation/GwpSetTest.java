package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.empreinte.factor.FactorLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GwpSetTest {

    private static Map<String, GwpSet> loaded;

    @BeforeAll
    static void loadGwpYml() {
        FactorLibrary library = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024"));
        loaded = library.gwpSets();
    }

    @Nested
    class AsLoadedFromGwpYml {

        @Test
        void theThreeIpccAssessmentReports() {
            assertThat(loaded).containsOnlyKeys("AR4", "AR5", "AR6");
            assertThat(loaded.get("AR5").id()).isEqualTo("AR5");
            assertThat(loaded.get("AR5").name()).contains("Fifth Assessment Report");
        }

        @Test
        void ar4() {
            // IPCC AR4, 100-year: CO2 1, CH4 25, N2O 298
            assertThat(loaded.get("AR4").potentials()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("CO2", 1.0, "CH4", 25.0, "N2O", 298.0));
        }

        @Test
        void ar5() {
            // IPCC AR5, 100-year, without climate-carbon feedbacks: CO2 1, CH4 28, N2O 265
            assertThat(loaded.get("AR5").potentials()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("CO2", 1.0, "CH4", 28.0, "N2O", 265.0));
        }

        @Test
        void ar6() {
            // IPCC AR6, 100-year: CH4 27.9 (fossil 29.8, non-fossil 27.0), N2O 273
            assertThat(loaded.get("AR6").potentials()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("CO2", 1.0, "CH4", 27.9, "CH4_fossil", 29.8, "CH4_non_fossil", 27.0, "N2O", 273.0));
        }

        @Test
        void fossilMethaneIsOnlyInAr6() {
            assertThat(loaded.get("AR6").potential("CH4_fossil")).contains(29.8);
            assertThat(loaded.get("AR5").potential("CH4_fossil")).isEmpty();
        }
    }

    @Nested
    class Co2e {

        private final GwpSet ar5 = new GwpSet("AR5", "test", Map.of("CO2", 1.0, "CH4", 28.0, "N2O", 265.0));

        @Test
        void multipliesTheMassByThePotential() {
            assertThat(ar5.co2e("CO2", 1_926)).isCloseTo(1_926, within(1e-9));
            // 2.5 kg CH4 × 28 = 70 kg CO2e
            assertThat(ar5.co2e("CH4", 2.5)).isCloseTo(70, within(1e-9));
            // 0.035 kg N2O × 265 = 9.275 kg CO2e
            assertThat(ar5.co2e("N2O", 0.035)).isCloseTo(9.275, within(1e-12));
            assertThat(ar5.co2e("N2O", 0)).isZero();
        }

        @Test
        void theSameMassWeighsDifferentlyInEachSet() {
            // 1 kg N2O: AR4 298, AR5 265, AR6 273
            assertThat(loaded.get("AR4").co2e("N2O", 1)).isCloseTo(298, within(1e-9));
            assertThat(loaded.get("AR5").co2e("N2O", 1)).isCloseTo(265, within(1e-9));
            assertThat(loaded.get("AR6").co2e("N2O", 1)).isCloseTo(273, within(1e-9));
            // 10 kg CH4 (unspecified origin): AR6 27.9 -> 279
            assertThat(loaded.get("AR6").co2e("CH4", 10)).isCloseTo(279, within(1e-9));
        }

        @Test
        void unknownGasIsRefused() {
            assertThatThrownBy(() -> ar5.co2e("SF6", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("AR5").hasMessageContaining("SF6");
            assertThat(ar5.potential("SF6")).isEmpty();
        }

        @Test
        void potentialsAreCopiedAndImmutable() {
            Map<String, Double> source = new HashMap<>(Map.of("CO2", 1.0, "CH4", 28.0));
            GwpSet set = new GwpSet("X", "x", source);
            source.put("CH4", 1_000.0);
            assertThat(set.co2e("CH4", 1)).isCloseTo(28, within(1e-12));
            assertThatThrownBy(() -> set.potentials().put("N2O", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
