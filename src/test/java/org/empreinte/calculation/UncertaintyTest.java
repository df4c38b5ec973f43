package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.Uncertainty.Contribution;
import org.empreinte.calculation.Uncertainty.Interval;
import org.empreinte.calculation.Uncertainty.Line;
import org.empreinte.calculation.Uncertainty.Shape;

/** IPCC Approach 1 and 2, against sums worked out by hand in the comments. */
class UncertaintyTest {

    private static final List<Line> TWO = List.of(
            new Line("gas", 1000, 0.05, 0.06),
            new Line("electricity", 500, 0.10, 0.20));

    @Test
    void aProductsUncertaintyIsTheQuadratureOfItsTwoFactors() {
        // sqrt(0.05^2 + 0.10^2) = sqrt(0.0025 + 0.0100) = sqrt(0.0125) = 0.111803...
        assertThat(Uncertainty.product(0.05, 0.10)).isCloseTo(0.1118034, within(1e-7));
        assertThat(Uncertainty.product(0, 0.07)).isEqualTo(0.07);
    }

    @Test
    void twoLinesWithTheirOwnFactorsAddInQuadrature() {
        Interval interval = Uncertainty.propagate(TWO);
        // gas: (0.06 x 1000)^2 + (0.05 x 1000)^2 = 3600 + 2500 = 6100
        // electricity: (0.20 x 500)^2 + (0.10 x 500)^2 = 10000 + 2500 = 12500
        // half-width sqrt(18600) = 136.3818 kg on 1500 kg: ± 9.09 %
        assertThat(interval.total()).isEqualTo(1500);
        assertThat(interval.upper() - interval.total()).isCloseTo(136.3818, within(1e-4));
        assertThat(interval.total() - interval.lower()).isCloseTo(136.3818, within(1e-4));
        assertThat(interval.relative()).isCloseTo(0.0909212, within(1e-7));
        // What to improve first: electricity's 12500 of 18600, then gas's 6100.
        assertThat(interval.contributions()).extracting(Contribution::factor).containsExactly("electricity", "gas");
        assertThat(interval.contributions().get(0).share()).isCloseTo(12500.0 / 18600, within(1e-12));
        assertThat(interval.contributions().get(0).co2eKg()).isEqualTo(500);
    }

    @Test
    void twoLinesByHand() {
        // 1,000 kg +- 5 % and 500 kg +- 10 %, each its own factor and nothing else uncertain:
        // sqrt((0.05 x 1000)^2 + (0.10 x 500)^2) = sqrt(50^2 + 50^2) = sqrt(5000) = 70.711 kg on 1,500 kg: +- 4.714 %.
        Interval interval = Uncertainty.propagate(List.of(new Line("gas", 1000, 0, 0.05), new Line("electricity", 500, 0, 0.10)));
        assertThat(interval.upper() - interval.total()).isCloseTo(70.7107, within(1e-4));
        assertThat(interval.lower()).isCloseTo(1500 - 70.7107, within(1e-4));
        assertThat(interval.relative()).isCloseTo(0.047140, within(1e-6));
        // Equal parts: 2500 of 5000 each.
        assertThat(interval.contributions()).extracting(Contribution::share).containsExactly(0.5, 0.5);
    }

    @Test
    void threeLinesByHand() {
        // 1,000 kg +- 5 %, 500 kg +- 10 %, 250 kg +- 20 %, independent: each contributes 50^2 = 2500,
        // sqrt(7500) = 86.603 kg on 1,750 kg: +- 4.949 %. Quantity and factor of one line in quadrature too:
        // the third as quantity 12 % and factor 16 % gives sqrt(0.12^2 + 0.16^2) = 0.20, the same line.
        Interval interval = Uncertainty.propagate(List.of(new Line("a", 1000, 0.05, 0), new Line("b", 500, 0, 0.10),
                new Line("c", 250, 0.12, 0.16)));
        assertThat(interval.upper() - interval.total()).isCloseTo(86.6025, within(1e-4));
        assertThat(interval.relative()).isCloseTo(0.049487, within(1e-6));
        assertThat(interval.contributions().get(2).share()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void aFactorsGasesWeighByTheirShare() {
        // 0.9 kg CO2e of CO2 at 4 % and 0.1 kg of N2O at 200 %: sqrt((0.9 x 0.04)^2 + (0.1 x 2)^2)
        // = sqrt(0.001296 + 0.04) = 0.20322: a tenth of the CO2e makes nearly all the uncertainty.
        double u = Uncertainty.byGas(java.util.Map.of("CO2", 0.9, "N2O", 0.1), gas -> gas.equals("CO2") ? 0.04 : 2.0);
        assertThat(u).isCloseTo(0.203214, within(1e-6));
        assertThat(Uncertainty.byGas(java.util.Map.of(), gas -> 1.0)).isZero();
    }

    @Test
    void aLinesOwnShapeOverridesTheRunsShape() {
        // A skewed line (lognormal, U = 100 %) among normal ones: its draws stay within [E / 2, 2E] for 95 % of them,
        // so the sum's interval leans upwards, as a normal draw of the same line would not (it would go below zero).
        List<Line> lines = List.of(new Line("metered", 1000, 0.05, 0.02),
                new Line("waste", 1000, 0, 1.0, null, Shape.LOGNORMAL));
        Interval sampled = Uncertainty.monteCarlo(lines, Shape.NORMAL, 50_000, 11L);
        assertThat(sampled.lower()).isGreaterThan(1000 + 400);
        assertThat(sampled.upper() - sampled.total()).isGreaterThan(1.5 * (sampled.total() - sampled.lower()));
    }

    @Test
    void threeLinesOfWhichTwoShareAFactorShareItsError() {
        Interval interval = Uncertainty.propagate(List.of(
                new Line("electricity", 300, 0.02, 0.10),
                new Line("electricity", 200, 0.02, 0.10),
                new Line("gas", 1000, 0.05, 0.05)));
        // electricity: the factor on the sum of its lines, (0.10 x 500)^2 = 2500, and each reading
        //   (0.02 x 300)^2 + (0.02 x 200)^2 = 36 + 16 = 52: 2552
        // gas: (0.05 x 1000)^2 + (0.05 x 1000)^2 = 5000
        // half-width sqrt(7552) = 86.9023 kg. Taken as independent, electricity's factor would count
        // (0.10 x 300)^2 + (0.10 x 200)^2 = 1300 instead of 2500: sqrt(6352) = 79.70, too narrow.
        assertThat(interval.upper() - interval.total()).isCloseTo(86.9023, within(1e-4));
        assertThat(interval.contributions()).extracting(Contribution::factor).containsExactly("gas", "electricity");
        assertThat(interval.contributions().get(1).share()).isCloseTo(2552.0 / 7552, within(1e-12));
    }

    @Test
    void monteCarloWithAFixedSeedAgreesWithApproachOneOnASymmetricCase() {
        Interval analytic = Uncertainty.propagate(TWO);
        Interval sampled = Uncertainty.monteCarlo(TWO, Shape.NORMAL, 200_000, 20261129L);
        double analyticHalf = analytic.upper() - analytic.total();
        assertThat((sampled.upper() - sampled.lower()) / 2).isCloseTo(analyticHalf, within(0.02 * analyticHalf));
        assertThat((sampled.upper() + sampled.lower()) / 2).isCloseTo(1500, within(0.02 * analyticHalf));
        // The same seed, the same interval: a report shows the same figures each time.
        Interval again = Uncertainty.monteCarlo(TWO, Shape.NORMAL, 200_000, 20261129L);
        assertThat(again.lower()).isEqualTo(sampled.lower());
        assertThat(again.upper()).isEqualTo(sampled.upper());
        assertThat(sampled.contributions()).isEqualTo(analytic.contributions());
    }

    @Test
    void aLognormalFactorOfOneHundredPercentGivesHalfToTwiceTheFigure() {
        // U = 100 %: 95 % of draws within [E / 2, E x 2], the interval skewed upwards as Approach 1's is not.
        Interval sampled = Uncertainty.monteCarlo(List.of(new Line("commuting estimate", 1000, 0, 1.0)), Shape.LOGNORMAL,
                100_000, 7L);
        assertThat(sampled.lower()).isCloseTo(500, within(10.0));
        assertThat(sampled.upper()).isCloseTo(2000, within(40.0));
        assertThat(sampled.relative()).isCloseTo(1.0, within(0.04));
    }

    @Test
    void nothingUncertainGivesAPointAndNothingGivesZero() {
        Interval exact = Uncertainty.propagate(List.of(new Line("metered", 250, 0, 0)));
        assertThat(exact.lower()).isEqualTo(250);
        assertThat(exact.upper()).isEqualTo(250);
        assertThat(exact.contributions()).singleElement().satisfies(c -> assertThat(c.share()).isZero());
        Interval none = Uncertainty.propagate(List.of());
        assertThat(none.total()).isZero();
        assertThat(none.relative()).isZero();
    }

    @Test
    void negativeOrMissingUncertaintiesAndTooFewDrawsAreRefused() {
        assertThatThrownBy(() -> new Line("x", 1, -0.1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantity uncertainty");
        assertThatThrownBy(() -> new Line("x", 1, 0, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("factor uncertainty");
        assertThatThrownBy(() -> new Line("x", Double.POSITIVE_INFINITY, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uncertainty.monteCarlo(TWO, Shape.NORMAL, 10, 1L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 draws");
    }

    /**
     * One gas bill, 1,000 m3 measured (5 %), two lines priced on the same m3: burned, eccc-natural-gas-ca-qc 1.936311
     * kg/m3 = 1,936.311 kg (factor 3.99721 %), and its upstream, DESNZ 2024 "WTT- fuels", Natural gas, cubic metres,
     * 0.3366 kg/m3 = 336.6 kg (factor 30 %).
     */
    private static List<Line> gasBill(String burnedGroup, String upstreamGroup) {
        return List.of(new Line("eccc-natural-gas-ca-qc", 1936.311, 0.05, 0.0399721, null, null, burnedGroup),
                new Line("desnz-2024-natural-gas-upstream-m3", 336.6, 0.05, 0.30, null, null, upstreamGroup));
    }

    @Test
    void anActivitysLinesShareTheirQuantitysErrorWhileTheirFactorsStayApart() {
        // Factors, independent: (0.0399721 x 1936.311)^2 + (0.30 x 336.6)^2 = 5990.515 + 10196.960 = 16187.475.
        // The m3, one error for both lines: (0.05 x 1936.311 + 0.05 x 336.6)^2 = (96.8156 + 16.83)^2 = 113.6456^2
        //   = 12915.311; half-width sqrt(29102.786) = 170.595 kg on 2,272.911 kg: +- 7.506 %.
        Interval correlated = Uncertainty.propagate(gasBill("bill", "bill"));
        assertThat(correlated.total()).isCloseTo(2272.911, within(1e-9));
        assertThat(correlated.upper() - correlated.total()).isCloseTo(170.5954, within(1e-4));
        assertThat(correlated.relative()).isCloseTo(0.075056, within(1e-6));
        // As if the two lines had two readings: 96.8156^2 + 16.83^2 = 9373.211 + 283.249 = 9656.500; sqrt(25843.975)
        //   = 160.761 kg, +- 7.073 %: independence understated the interval by 10 kg.
        Interval independent = Uncertainty.propagate(gasBill(null, null));
        assertThat(independent.upper() - independent.total()).isCloseTo(160.7606, within(1e-4));
        assertThat(Uncertainty.propagate(gasBill("a", "b")).upper()).isEqualTo(independent.upper());
        // Each line's part of the m3's variance is its own kg x 5 % times the group's 113.6456: burned 96.8156 x
        //   113.6456 = 11002.656, upstream 16.83 x 113.6456 = 1912.655; with their factors' 5990.515 and 10196.960:
        //   16993.171 and 12109.615 of 29102.786, 58.39 % and 41.61 %.
        assertThat(correlated.contributions()).extracting(Contribution::factor)
                .containsExactly("eccc-natural-gas-ca-qc", "desnz-2024-natural-gas-upstream-m3");
        assertThat(correlated.contributions().get(0).share()).isCloseTo(16993.171 / 29102.786, within(1e-6));
        assertThat(correlated.contributions().get(1).share()).isCloseTo(12109.615 / 29102.786, within(1e-6));
    }

    @Test
    void monteCarloDrawsAQuantityGroupOnce() {
        // Symmetric and small: within 2 % of Approach 1's 170.595 kg, and clear of the independent 160.761.
        Interval sampled = Uncertainty.monteCarlo(gasBill("bill", "bill"), Shape.NORMAL, 100_000, 20261129L);
        double half = (sampled.upper() - sampled.lower()) / 2;
        assertThat(half).isCloseTo(170.5954, within(0.02 * 170.5954));
        Interval apart = Uncertainty.monteCarlo(gasBill(null, null), Shape.NORMAL, 100_000, 20261129L);
        assertThat((apart.upper() - apart.lower()) / 2).isCloseTo(160.7606, within(0.02 * 160.7606));
    }
}
