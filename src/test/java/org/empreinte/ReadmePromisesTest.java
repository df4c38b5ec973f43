package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** How {@link ReadmeTourTest} reads the README: which blocks run, which numbers a {@code # →} line promises. */
class ReadmePromisesTest {

    @Test
    void aPromiseIsTheNumbersWrittenOnItNotTheDigitsInsideNames() {
        assertThat(ReadmeTourTest.numbers("Organization 1 \"CPE\": 38 activities, 14,882.1 kg CO2e (Table A13-6, 12.50, 409)"))
                .containsExactly(new BigDecimal("1"), new BigDecimal("38"), new BigDecimal("14882.1"), new BigDecimal("12.50"),
                        new BigDecimal("409"));
    }

    @Test
    void anOutputHoldsANumberAsTheReadmeRoundsIt() {
        String output = "{\"totalCo2eKg\":12.503225806451612,\"byMonth\":{\"2024-12\":12.5}}";

        assertThat(ReadmeTourTest.holds(output, new BigDecimal("12.50"))).isTrue();
        assertThat(ReadmeTourTest.holds(output, new BigDecimal("12.503"))).isTrue();
        assertThat(ReadmeTourTest.holds(output, new BigDecimal("12.51"))).isFalse();
        assertThat(ReadmeTourTest.holds(output, new BigDecimal("2024"))).isTrue();
        assertThat(ReadmeTourTest.holds("Organization 14 loaded", new BigDecimal("1"))).isFalse();
    }

    @Test
    void onlyTheMarkedBashBlocksRunAndEachPromiseIsMarkedAfterItsCommand() {
        String readme = """
                ```bash
                echo not the tour
                ```
                <!-- tour -->
                ```bash
                echo 409
                # → 409
                ```
                ```sh
                echo nor this
                ```
                """;

        ReadmeTourTest.Tour tour = ReadmeTourTest.tour(readme);

        assertThat(tour.script()).isEqualTo("echo 409\nprintf '\\n@@promise 0@@\\n'\n# → 409\n");
        assertThat(tour.promises()).singleElement().satisfies(p -> assertThat(p.numbers()).containsExactly(new BigDecimal("409")));
    }
}
