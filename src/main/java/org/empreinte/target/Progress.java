package org.empreinte.target;

import java.util.List;

/**
 * {@code GET .../targets/{id}/progress}: the fields {@code API.md} fixes ({@code baseCo2eKg},
 * {@code targetCo2eKg}, {@code years} with {@code year}, {@code actualCo2eKg}, {@code trajectoryCo2eKg},
 * and {@code onTrack}) and what explains them. For an intensity target the trajectory is per unit of the
 * metric; its kg figures are that intensity times the year's denominator, null where it is not known.
 *
 * @param factorSet the factor sets every year was computed with (the library loaded now)
 * @param restatedYears years whose stored results came from another factor-set version and were computed
 *     again with the current one for this comparison (nothing stored changes)
 * @param included the categories of the target's scopes that its years hold, each with its emission lines (scope 3
 *     category 3: fuels' upstream, the grid's losses), so that a reader knows what the target covers
 */
public record Progress(long targetId, String kind, String metric, List<Integer> scopes, int baseYear, int targetYear,
        double reductionPercent, Double baseCo2eKg, Double targetCo2eKg, Double baseIntensity, Double targetIntensity,
        List<YearProgress> years, Integer latestYear, boolean onTrack, Double requiredYearlyReductionCo2eKg,
        Double requiredYearlyReductionPercent, Double requiredYearlyReductionIntensity, Double planGapCo2eKg,
        Double planGapIntensity, String factorSet, boolean restated, List<Integer> restatedYears,
        List<String> restatementFailures, List<IncludedCategory> included) {

    /** A category the target covers: its scope, its GHG Protocol scope 3 category if any, and its lines. */
    public record IncludedCategory(int scope, String category, Integer ghgCategory, List<String> lines) {
    }

    /** One year; {@code planCo2eKg} is the emissions with the action plan, from the latest year with data. */
    public record YearProgress(int year, Double actualCo2eKg, Double trajectoryCo2eKg, Double planCo2eKg,
            Double denominator, Double actualIntensity, Double trajectoryIntensity, Double planIntensity,
            boolean restated) {
    }
}
