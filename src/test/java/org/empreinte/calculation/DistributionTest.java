package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Quartiles by linear interpolation between closest ranks, and mid-rank percentiles, worked by hand. */
class DistributionTest {

    @Test
    void quartilesInterpolateBetweenClosestRanks() {
        // Sorted 1, 2, 4, 8, 16 (n = 5): h = 4p. Q1 at h = 1: 2; median at h = 2: 4; Q3 at h = 3: 8.
        Distribution.Summary odd = Distribution.summarize(List.of(8.0, 1.0, 16.0, 4.0, 2.0));
        assertThat(odd).isEqualTo(new Distribution.Summary(5, 2, 4, 8));

        // Sorted 10, 20, 30, 40 (n = 4): h = 3p. Q1 at h = 0.75: 10 + 0.75 x 10 = 17.5;
        // median at h = 1.5: 20 + 0.5 x 10 = 25; Q3 at h = 2.25: 30 + 0.25 x 10 = 32.5.
        Distribution.Summary even = Distribution.summarize(List.of(40.0, 10.0, 30.0, 20.0));
        assertThat(even.lowerQuartile()).isCloseTo(17.5, within(1e-12));
        assertThat(even.median()).isCloseTo(25, within(1e-12));
        assertThat(even.upperQuartile()).isCloseTo(32.5, within(1e-12));

        // One value is its own median and quartiles.
        assertThat(Distribution.summarize(List.of(3.0))).isEqualTo(new Distribution.Summary(1, 3, 3, 3));
        assertThatThrownBy(() -> Distribution.summarize(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentileRankCountsPeersBelowAndHalfOfThoseEqual() {
        List<Double> peers = List.of(1.0, 2.0, 3.0, 4.0, 5.0);
        // 3 has two peers below and one equal: 100 x (2 + 0.5) / 5 = 50.
        assertThat(Distribution.percentileRank(3, peers)).isCloseTo(50, within(1e-12));
        // 0.5 is below every peer: 0; 6 above every one: 100; 2.5 has two below: 40.
        assertThat(Distribution.percentileRank(0.5, peers)).isZero();
        assertThat(Distribution.percentileRank(6, peers)).isCloseTo(100, within(1e-12));
        assertThat(Distribution.percentileRank(2.5, peers)).isCloseTo(40, within(1e-12));
        // Tied with every peer: the middle, 100 x (0 + 4 x 0.5) / 4 = 50.
        assertThat(Distribution.percentileRank(7, List.of(7.0, 7.0, 7.0, 7.0))).isCloseTo(50, within(1e-12));
    }
}
