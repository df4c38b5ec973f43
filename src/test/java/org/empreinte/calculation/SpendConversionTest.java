package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The method on small tables whose arithmetic is easy to follow by hand. */
class SpendConversionTest {

    private final SpendConversion money = new SpendConversion(2022,
            Map.of("USD", years(2022, 1.25, 2024, 1.40), "EUR", years(2022, 1.40, 2024, 1.50)),
            Map.of("CAD", years(2022, 150.0, 2024, 165.0), "USD", years(2022, 300.0, 2024, 330.0)));

    @Test
    void cadOfAnotherYearIsDeflatedWithCanadasCpiThenConvertedAtTheBaseYearsRate() {
        // 1,100 CAD of 2024 x 150/165 = 1,000 CAD of 2022, / 1.25 CAD per USD = 800 USD of 2022.
        assertThat(money.toBaseUsd(1100, "CAD", 2024)).isCloseTo(800, within(1e-9));
    }

    @Test
    void usdIsDeflatedWithTheUsCpi() {
        // 330 USD of 2024 x 300/330 = 300 USD of 2022.
        assertThat(money.toBaseUsd(330, "USD", 2024)).isCloseTo(300, within(1e-9));
    }

    @Test
    void euroIsFirstConvertedToCadAtItsYearsRate() {
        // 100 EUR of 2024 x 1.50 = 150 CAD of 2024, x 150/165 / 1.25 = 109.0909... USD of 2022.
        assertThat(money.toBaseUsd(100, "EUR", 2024)).isCloseTo(150.0 * 150 / 165 / 1.25, within(1e-9));
    }

    @Test
    void aLaterYearTakesTheLastValuesAndAnEarlierOneIsRefused() {
        assertThat(money.toBaseUsd(1100, "CAD", 2026)).isCloseTo(800, within(1e-9));
        assertThatThrownBy(() -> money.toBaseUsd(100, "CAD", 2019)).hasMessageContaining("before 2022");
        assertThatThrownBy(() -> money.toBaseUsd(100, "GBP", 2024)).hasMessageContaining("GBP");
    }

    private static NavigableMap<Integer, Double> years(int y1, double v1, int y2, double v2) {
        NavigableMap<Integer, Double> map = new TreeMap<>();
        map.put(y1, v1);
        map.put(y2, v2);
        return map;
    }
}
