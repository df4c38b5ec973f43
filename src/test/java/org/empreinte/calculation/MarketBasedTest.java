package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.MarketBased.Consumption;
import org.empreinte.calculation.MarketBased.Instrument;

class MarketBasedTest {

    // Québec's grid, eccc-electricity-ca-qc-2018: 0.0017 kg CO2e per kWh; Ontario's, 0.030.
    private static final Consumption MONTREAL_2024 = new Consumption(1L, 2024, 100_000, 100_000 * 0.0017);
    private static final Consumption TORONTO_2024 = new Consumption(2L, 2024, 50_000, 50_000 * 0.030);
    private static final Consumption TORONTO_2023 = new Consumption(2L, 2023, 40_000, 40_000 * 0.030);

    @Test
    void withoutAnyInstrumentMarketBasedIsLocationBased() {
        MarketBased.Result result = MarketBased.apply(List.of(MONTREAL_2024, TORONTO_2024), List.of());
        assertThat(result.locationCo2eKg()).isCloseTo(170 + 1500, within(1e-9));
        assertThat(result.marketCo2eKg()).isEqualTo(result.locationCo2eKg());
        assertThat(result.equalsLocationBased()).isTrue();
        assertThat(result.uncoveredKwh()).isEqualTo(150_000);
    }

    @Test
    void aSitesRenewableContractCountsZeroAndTheRestKeepsTheGrid() {
        // Renewable certificates for Toronto in 2024 only: 50,000 kWh at 0; Montréal and Toronto's 2023 stay on the grid.
        MarketBased.Result result = MarketBased.apply(List.of(MONTREAL_2024, TORONTO_2024, TORONTO_2023),
                List.of(new Instrument(7, 2L, 2024, 2024, 0)));
        assertThat(result.locationCo2eKg()).isCloseTo(170 + 1500 + 1200, within(1e-9));
        assertThat(result.marketCo2eKg()).isCloseTo(170 + 0 + 1200, within(1e-9));
        assertThat(result.coveredKwh()).isEqualTo(50_000);
        assertThat(result.instruments()).singleElement().satisfies(c -> {
            assertThat(c.instrumentId()).isEqualTo(7);
            assertThat(c.locationCo2eKg()).isCloseTo(1500, within(1e-9));
        });
        assertThat(result.equalsLocationBased()).isFalse();
    }

    @Test
    void aSitesOwnContractWinsOverOneForEverySiteAndTheNewerOverTheOlder() {
        // Every site 2023-2025 at a supplier's 0.010; Toronto's own at 0.020, recorded later than an older 0.025.
        List<Instrument> instruments = List.of(new Instrument(1, null, 2023, 2025, 0.010), new Instrument(2, 2L, 2024, 2024, 0.025),
                new Instrument(3, 2L, 2024, 2024, 0.020));
        MarketBased.Result result = MarketBased.apply(List.of(MONTREAL_2024, TORONTO_2024, TORONTO_2023), instruments);
        // Montréal 2024 and Toronto 2023 under contract 1, Toronto 2024 under contract 3.
        assertThat(result.marketCo2eKg()).isCloseTo(100_000 * 0.010 + 40_000 * 0.010 + 50_000 * 0.020, within(1e-9));
        assertThat(result.instruments()).extracting(MarketBased.Covered::instrumentId).containsExactlyInAnyOrder(1L, 3L);
    }

    @Test
    void yearOverYearChangeIsAbsoluteAndRelativeToTheEarlierYear() {
        Change change = Change.of(12_500, 11_000);
        assertThat(change.absolute()).isEqualTo(-1_500);
        assertThat(change.percent()).isCloseTo(-1_500.0 / 12_500 * 100, within(1e-12));
        assertThat(Change.of(0, 5).percent()).isNull();
    }
}
