package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoCategoriesTest {

    @ParameterizedTest(name = "scope {0} {1} -> ISO {2}")
    @CsvSource({
        "1, stationary_combustion, 1",
        "1, mobile_combustion, 1",
        "2, purchased_electricity, 2",
        "3, business_travel, 3",
        "3, employee_commuting, 3",
        "3, upstream_transport, 3",
        "3, purchased_goods, 4",
        "3, capital_goods, 4",
        "3, waste, 4",
        "3, fuel_energy, 4",
    })
    void mapsEachScopeAndCategory(int scope, String category, int iso) {
        assertThat(IsoCategories.of(scope, category)).contains(iso);
    }

    @ParameterizedTest
    @CsvSource({"8, 4", "9, 3", "10, 5", "11, 5", "12, 5", "13, 5", "14, 6", "15, 6"})
    void mapsTheGhgProtocolCategoriesEmpreinteDoesNotLogYet(int ghg, int iso) {
        assertThat(IsoCategories.ofScope3(ghg)).isEqualTo(iso);
    }

    @ParameterizedTest
    @CsvSource({"0, x", "3, unknown_category"})
    void hasNoneForWhatItCannotPlace(int scope, String category) {
        assertThat(IsoCategories.of(scope, category)).isEmpty();
    }
}
