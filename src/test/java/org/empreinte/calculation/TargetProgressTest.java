package org.empreinte.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.empreinte.calculation.TargetProgress.PlannedReduction;
import org.empreinte.calculation.TargetProgress.Result;
import org.empreinte.calculation.TargetProgress.YearPoint;

/** Trajectories, on-track status, the reduction still needed and the plan, each figure worked by hand. */
class TargetProgressTest {

    private static final double EPSILON = 1e-9;

    @Test
    void theSbtiPresetIsLinearOfTheBaseYear() {
        // 4.2 % of the base each year: 2019 to 2030 is 11 years, 46.2 %; well below 2 °C, 2.5 % x 10 = 25 %.
        assertThat(TargetPreset.SBTI_1_5C.reductionPercent(2019, 2030)).isCloseTo(46.2, within(EPSILON));
        assertThat(TargetPreset.WELL_BELOW_2C.reductionPercent(2020, 2030)).isCloseTo(25, within(EPSILON));
        // Never beyond everything: 4.2 x 30 = 126 % is capped.
        assertThat(TargetPreset.SBTI_1_5C.reductionPercent(2020, 2050)).isEqualTo(100);
        assertThat(TargetPreset.of("well_below_2c")).contains(TargetPreset.WELL_BELOW_2C);
        assertThat(TargetPreset.of("2c")).isEmpty();
    }

    @Test
    void aLinearTrajectoryFromTheBaseYear() {
        Trajectory trajectory = new Trajectory(2019, 100_000, 2030, 46.2);
        assertThat(trajectory.value(2019)).isEqualTo(100_000);
        assertThat(trajectory.value(2022)).isCloseTo(100_000 * (1 - 0.462 * 3 / 11), within(EPSILON));
        assertThat(trajectory.targetValue()).isCloseTo(53_800, within(EPSILON));
        // Outside the two years the line stops: the base before, the target after.
        assertThat(trajectory.value(2015)).isEqualTo(100_000);
        assertThat(trajectory.value(2035)).isCloseTo(53_800, within(EPSILON));
        assertThatThrownBy(() -> new Trajectory(2030, 1, 2030, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trajectory(2020, 1, 2030, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trajectory(2020, 1, 2030, 100.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHistoryAboveItsTrajectoryInTheLatestYearIsNotOnTrack() {
        // 42 % from 2020 to 2030; 2022 is below its line (91,600) but 2023 is above (87,400).
        Result result = TargetProgress.assess(2020, 2030, 42,
                Map.of(2020, 100_000.0, 2021, 97_000.0, 2022, 90_000.0, 2023, 88_000.0), null, List.of());
        assertThat(result.baseCo2eKg()).isEqualTo(100_000);
        assertThat(result.targetValue()).isCloseTo(100_000 * (1 - 0.42), within(EPSILON));
        assertThat(result.years()).hasSize(11);
        YearPoint y2022 = result.years().get(2);
        assertThat(y2022.year()).isEqualTo(2022);
        assertThat(y2022.trajectoryValue()).isCloseTo(100_000 * (1 - 0.42 * 2 / 10), within(EPSILON));
        YearPoint y2023 = result.years().get(3);
        assertThat(y2023.actualCo2eKg()).isEqualTo(88_000);
        assertThat(y2023.trajectoryValue()).isCloseTo(100_000 * (1 - 0.42 * 3 / 10), within(EPSILON));
        assertThat(result.years().get(4).actualCo2eKg()).as("no data after 2023").isNull();
        assertThat(result.latestYear()).isEqualTo(2023);
        assertThat(result.onTrack()).isFalse();
        // From 88,000 in 2023 to 58,000 in 2030: 30,000 over 7 years, 4,285.71 kg a year, 4.87 % of 88,000.
        assertThat(result.requiredYearlyReduction()).isCloseTo(30_000.0 / 7, within(EPSILON));
        assertThat(result.requiredYearlyReductionPercent()).isCloseTo(30_000.0 / 7 / 88_000 * 100, within(EPSILON));
    }

    @Test
    void aLatestYearAtOrBelowItsTrajectoryIsOnTrack() {
        // 2023's line is 87,400: 87,000 is under it.
        Result result = TargetProgress.assess(2020, 2030, 42, Map.of(2020, 100_000.0, 2023, 87_000.0), null, List.of());
        assertThat(result.onTrack()).isTrue();
        assertThat(result.requiredYearlyReduction()).isCloseTo((87_000.0 - 58_000) / 7, within(EPSILON));
        // The base year alone is its own trajectory: on track.
        assertThat(TargetProgress.assess(2020, 2030, 42, Map.of(2020, 100_000.0), null, List.of()).onTrack()).isTrue();
    }

    @Test
    void nothingIsNeededOnceTheTargetIsReachedAndNothingCanBeSaidWithoutABaseYear() {
        Result reached = TargetProgress.assess(2020, 2030, 42, Map.of(2020, 100_000.0, 2024, 50_000.0), null, List.of());
        assertThat(reached.onTrack()).isTrue();
        assertThat(reached.requiredYearlyReduction()).isZero();

        Result noBase = TargetProgress.assess(2020, 2030, 42, Map.of(2023, 50_000.0), null, List.of());
        assertThat(noBase.baseValue()).isNull();
        assertThat(noBase.years().get(0).trajectoryValue()).isNull();
        assertThat(noBase.onTrack()).isFalse();
        assertThat(noBase.requiredYearlyReduction()).isNull();
    }

    @Test
    void anIntensityTargetFollowsEmissionsPerUnitOfTheDenominator() {
        // Base 2020: 120,000 kg for 40 FTE = 3,000 kg/FTE; 50 % by 2030 is 1,500 kg/FTE; 2024's line is
        // 3,000 x (1 - 0.5 x 4/10) = 2,400. 2024: 130,000 kg for 55 FTE = 2,363.64 kg/FTE, on track though
        // the absolute emissions grew.
        Result result = TargetProgress.assess(2020, 2030, 50, Map.of(2020, 120_000.0, 2024, 130_000.0),
                Map.of(2020, 40.0, 2024, 55.0), List.of());
        assertThat(result.baseValue()).isCloseTo(3_000, within(EPSILON));
        assertThat(result.targetValue()).isCloseTo(1_500, within(EPSILON));
        YearPoint y2024 = result.years().get(4);
        assertThat(y2024.actualValue()).isCloseTo(130_000.0 / 55, within(EPSILON));
        assertThat(y2024.trajectoryValue()).isCloseTo(2_400, within(EPSILON));
        assertThat(result.onTrack()).isTrue();
        assertThat(result.requiredYearlyReduction()).isCloseTo((130_000.0 / 55 - 1_500) / 6, within(EPSILON));
        assertThat(result.requiredYearlyReductionPercent())
                .isCloseTo((130_000.0 / 55 - 1_500) / 6 / (130_000.0 / 55) * 100, within(EPSILON));

        // With 50 FTE, 2,600 kg/FTE is above 2,400: not on track.
        assertThat(TargetProgress.assess(2020, 2030, 50, Map.of(2020, 120_000.0, 2024, 130_000.0),
                Map.of(2020, 40.0, 2024, 50.0), List.of()).onTrack()).isFalse();
    }

    @Test
    void aLatestYearWithoutADenominatorHasNoIntensityAndIsNotOnTrack() {
        Result result = TargetProgress.assess(2020, 2030, 50, Map.of(2020, 120_000.0, 2024, 10.0),
                Map.of(2020, 40.0), List.of());
        YearPoint y2024 = result.years().get(4);
        assertThat(y2024.actualCo2eKg()).isEqualTo(10);
        assertThat(y2024.actualValue()).isNull();
        assertThat(result.onTrack()).isFalse();
        assertThat(result.requiredYearlyReduction()).isNull();
    }

    @Test
    void thePlanSubtractsActionsFromTheirStartYearsAndLeavesAGap() {
        List<PlannedReduction> actions = List.of(
                new PlannedReduction(2024, 5_000, false),
                new PlannedReduction(2026, 3_000, false),
                // Done in 2022, before the latest year: already in 2023's emissions.
                new PlannedReduction(2022, 2_000, true),
                // Started in 2022 but not done: counted from the first year after the data.
                new PlannedReduction(2022, 1_000, false));
        Result result = TargetProgress.assess(2020, 2030, 42, Map.of(2020, 100_000.0, 2023, 88_000.0), null, actions);
        assertThat(result.years().get(2).planValue()).as("before the latest year").isNull();
        assertThat(result.years().get(3).planValue()).isEqualTo(88_000);
        assertThat(result.years().get(4).planValue()).isCloseTo(88_000 - 5_000 - 1_000, within(EPSILON));
        assertThat(result.years().get(5).planValue()).isCloseTo(88_000 - 5_000 - 1_000, within(EPSILON));
        assertThat(result.years().get(6).planValue()).isCloseTo(88_000 - 5_000 - 1_000 - 3_000, within(EPSILON));
        assertThat(result.years().get(10).planValue()).isCloseTo(79_000, within(EPSILON));
        // 79,000 with the plan in 2030 against a target of 58,000: 21,000 kg still to find.
        assertThat(result.planGap()).isCloseTo(79_000 - 58_000, within(EPSILON));
    }

    @Test
    void aPlanNeverGoesBelowZero() {
        Result result = TargetProgress.assess(2020, 2030, 42, Map.of(2020, 100_000.0, 2023, 10_000.0), null,
                List.of(new PlannedReduction(2025, 30_000, false)));
        assertThat(result.years().get(5).planValue()).isZero();
        assertThat(result.planGap()).isCloseTo(0 - 58_000, within(EPSILON));
    }
}
