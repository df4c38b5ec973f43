package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.empreinte.calculation.TestFactors.factor;
import static org.empreinte.calculation.TestFactors.selector;
import static org.empreinte.calculation.TestFactors.set;
import static org.empreinte.calculation.TestFactors.unit;

import org.empreinte.calculation.FactorSelectionException.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The selection rule, on small in-memory sets so that each case isolates one step of it. */
class FactorSelectorTest {

    @Nested
    class SetPriority {

        @Test
        void anEarlierSetWinsEvenWithALessPreciseRegion() {
            FactorSelector selector = selector(
                    set("first", factor("first-any", "first", "electricity", "*", 2024, "kWh", 0.5)),
                    set("second", factor("second-qc", "second", "electricity", "CA-QC", 2024, "kWh", 0.002)));
            assertThat(selector.select("electricity", "CA-QC", 2024, unit("kWh")).id()).isEqualTo("first-any");
        }

        @Test
        void aLaterSetIsUsedOnlyWhenEarlierSetsHaveNothingForTheRegion() {
            FactorSelector selector = selector(
                    set("first", factor("first-qc", "first", "electricity", "CA-QC", 2024, "kWh", 0.002)),
                    set("second", factor("second-gb", "second", "electricity", "GB", 2024, "kWh", 0.2)));
            assertThat(selector.select("electricity", "CA-QC", 2024, unit("kWh")).id()).isEqualTo("first-qc");
            assertThat(selector.select("electricity", "GB", 2024, unit("kWh")).id()).isEqualTo("second-gb");
        }

        @Test
        void reversingTheOrderReversesTheChoice() {
            FactorSet a = set("a", factor("a-ca", "a", "propane", "CA", 2024, "L", 1.5));
            FactorSet b = set("b", factor("b-any", "b", "propane", "*", 2024, "L", 1.6));
            assertThat(selector(a, b).select("propane", "CA-ON", 2024, unit("L")).id()).isEqualTo("a-ca");
            assertThat(selector(b, a).select("propane", "CA-ON", 2024, unit("L")).id()).isEqualTo("b-any");
        }

        @Test
        void setsListsThemInPriorityOrder() {
            FactorSet a = set("a", factor("a1", "a", "diesel", "*", 2024, "L", 2.5));
            FactorSet b = set("b", factor("b1", "b", "diesel", "*", 2024, "L", 2.6));
            assertThat(selector(b, a).sets()).extracting(FactorSet::id).containsExactly("b", "a");
        }
    }

    @Nested
    class RegionChain {

        private final FactorSelector selector = selector(set("s",
                factor("qc", "s", "electricity", "CA-QC", 2024, "kWh", 0.0017),
                factor("ca", "s", "electricity", "CA", 2024, "kWh", 0.13),
                factor("any", "s", "electricity", "*", 2024, "kWh", 0.4)));

        @Test
        void provinceFirst() {
            assertThat(selector.select("electricity", "CA-QC", 2024, unit("kWh")).id()).isEqualTo("qc");
        }

        @Test
        void thenItsCountry() {
            assertThat(selector.select("electricity", "CA-MB", 2024, unit("kWh")).id()).isEqualTo("ca");
            assertThat(selector.select("electricity", "CA", 2024, unit("kWh")).id()).isEqualTo("ca");
        }

        @Test
        void thenAnywhere() {
            assertThat(selector.select("electricity", "US-NY", 2024, unit("kWh")).id()).isEqualTo("any");
            assertThat(selector.select("electricity", "FR", 2024, unit("kWh")).id()).isEqualTo("any");
        }

        @Test
        void noRegionMeansAnywhere() {
            assertThat(selector.select("electricity", null, 2024, unit("kWh")).id()).isEqualTo("any");
            assertThat(selector.select("electricity", " ", 2024, unit("kWh")).id()).isEqualTo("any");
        }

        @Test
        void noMatchingRegionAnywhereInTheChain() {
            FactorSelector canadaOnly = selector(set("s", factor("ca", "s", "electricity", "CA", 2024, "kWh", 0.13)));
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> canadaOnly.select("electricity", "US-NY", 2024, unit("kWh")));
            assertThat(e.reason()).isEqualTo(Reason.NO_FACTOR_FOR_REGION);
            assertThat(e.getMessage()).contains("electricity").contains("US-NY");
            assertThat(e.acceptedUnits()).containsExactly("kWh", "MWh", "GJ", "MJ");
        }

        @Test
        void theChainItself() {
            assertThat(FactorSelector.regionChain("CA-QC")).containsExactly("CA-QC", "CA", "*");
            assertThat(FactorSelector.regionChain("FR-IDF")).containsExactly("FR-IDF", "FR", "*");
            assertThat(FactorSelector.regionChain("CA")).containsExactly("CA", "*");
            assertThat(FactorSelector.regionChain(null)).containsExactly("*");
            assertThat(FactorSelector.regionChain("")).containsExactly("*");
        }
    }

    @Nested
    class EditionYear {

        private final FactorSelector selector = selector(set("s",
                factor("e2020", "s", "electricity", "CA-QC", 2020, "kWh", 0.0020),
                factor("e2018", "s", "electricity", "CA-QC", 2018, "kWh", 0.0017),
                factor("e2023", "s", "electricity", "CA-QC", 2023, "kWh", 0.0026)));

        @Test
        void theNearestEditionNotAfterTheActivityYear() {
            assertThat(selector.select("electricity", "CA-QC", 2019, unit("kWh")).id()).isEqualTo("e2018");
            assertThat(selector.select("electricity", "CA-QC", 2022, unit("kWh")).id()).isEqualTo("e2020");
        }

        @Test
        void theEditionOfTheActivityYearItself() {
            assertThat(selector.select("electricity", "CA-QC", 2018, unit("kWh")).id()).isEqualTo("e2018");
            assertThat(selector.select("electricity", "CA-QC", 2020, unit("kWh")).id()).isEqualTo("e2020");
            assertThat(selector.select("electricity", "CA-QC", 2023, unit("kWh")).id()).isEqualTo("e2023");
        }

        @Test
        void theLatestEditionForALaterActivity() {
            assertThat(selector.select("electricity", "CA-QC", 2030, unit("kWh")).id()).isEqualTo("e2023");
        }

        @Test
        void theEarliestEditionWhenEveryEditionIsLater() {
            assertThat(selector.select("electricity", "CA-QC", 2010, unit("kWh")).id()).isEqualTo("e2018");
        }

        @Test
        void regionPrecisionComesBeforeTheEditionYear() {
            FactorSelector mixed = selector(set("s",
                    factor("qc-2015", "s", "electricity", "CA-QC", 2015, "kWh", 0.002),
                    factor("ca-2024", "s", "electricity", "CA", 2024, "kWh", 0.12)));
            assertThat(mixed.select("electricity", "CA-QC", 2024, unit("kWh")).id()).isEqualTo("qc-2015");
        }
    }

    @Nested
    class DimensionFilter {

        // Like the real library: the regional factor is per m³ only, the fall-back also per kWh.
        private final FactorSelector selector = selector(set("s",
                factor("qc-m3", "s", "natural_gas", "CA-QC", 2024, "m3", 1.9),
                factor("any-kwh", "s", "natural_gas", "*", 2024, "kWh", 0.18)));

        @Test
        void anEnergyQuantitySkipsTheVolumeFactorEvenInAMorePreciseRegion() {
            assertThat(selector.select("natural_gas", "CA-QC", 2024, unit("GJ")).id()).isEqualTo("any-kwh");
            assertThat(selector.select("natural_gas", "CA-QC", 2024, unit("kWh")).id()).isEqualTo("any-kwh");
        }

        @Test
        void aVolumeQuantityUsesTheVolumeFactorWhateverTheVolumeUnit() {
            assertThat(selector.select("natural_gas", "CA-QC", 2024, unit("m3")).id()).isEqualTo("qc-m3");
            assertThat(selector.select("natural_gas", "CA-QC", 2024, unit("L")).id()).isEqualTo("qc-m3");
            assertThat(selector.select("natural_gas", "CA-QC", 2024, unit("US gal")).id()).isEqualTo("qc-m3");
        }

        @Test
        void aVolumeQuantityOutsideTheRegionHasNoFactor() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> selector.select("natural_gas", "CA-ON", 2024, unit("m3")));
            assertThat(e.reason()).isEqualTo(Reason.NO_FACTOR_FOR_REGION);
        }

        @Test
        void aUnitOfNoFactorsDimensionIsNotApplicable() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> selector.select("natural_gas", "CA-QC", 2024, unit("kg")));
            assertThat(e.reason()).isEqualTo(Reason.UNIT_NOT_APPLICABLE);
            // The first factor's unit (m³) and its dimension lead, then the fall-back's energy units.
            assertThat(e.acceptedUnits()).containsExactly("m3", "L", "US gal", "kWh", "MWh", "GJ", "MJ");
            assertThat(e.getMessage()).contains("'kg'").contains("natural_gas");
        }
    }

    @Nested
    class TypesAndUnits {

        private final FactorSelector selector = selector(
                set("a", factor("a-elec", "a", "electricity", "CA", 2024, "kWh", 0.13),
                        factor("a-gas", "a", "natural_gas", "CA", 2024, "m3", 1.9)),
                set("b", factor("b-flight", "b", "flight", "*", 2024, "km", 0.15),
                        factor("b-elec", "b", "electricity", "GB", 2024, "kWh", 0.2)));

        @Test
        void unknownType() {
            FactorSelectionException e = catchThrowableOfType(FactorSelectionException.class,
                    () -> selector.select("coal", "CA", 2024, unit("kg")));
            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_TYPE);
            assertThat(e.getMessage()).contains("'coal'");
            assertThat(e.acceptedUnits()).isEmpty();
        }

        @Test
        void typesOfAllSetsInOrderWithoutDuplicates() {
            assertThat(selector.types()).containsExactly("electricity", "natural_gas", "flight");
        }

        @Test
        void acceptedUnitsAreEveryUnitOfTheFactorsDimensions() {
            assertThat(selector.acceptedUnits("electricity")).containsExactly("kWh", "MWh", "GJ", "MJ");
            assertThat(selector.acceptedUnits("natural_gas")).containsExactly("m3", "L", "US gal");
            assertThat(selector.acceptedUnits("flight")).containsExactly("km", "mi");
            assertThat(selector.acceptedUnits("coal")).isEmpty();
        }
    }
}
