package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How an organization stands against a reduction target, year by year from the base year to the target
 * year. Values are in the target's unit: kg CO2e for an absolute target, kg CO2e per unit of the
 * denominator (FTE, M CAD of revenue, ...) for an intensity target.
 *
 * <p>Rules, chosen to be checked by hand:
 * <ul>
 * <li>On track: the latest year with data (emissions logged) between the base and target years is at or
 * below its trajectory value. One year is judged, not an average, because the latest year is what the
 * remaining reduction starts from. For an intensity target, a latest year without a denominator has no
 * intensity and is not on track; an earlier year is not used in its place.</li>
 * <li>Yearly reduction now needed: the constant yearly cut, linear like the trajectory, that takes the
 * latest year's value to the target value by the target year: (latest - target) / (target year - latest
 * year), and as a share of the latest value. Zero when the latest value is already at or below the target;
 * none once the latest year is the target year.</li>
 * <li>With the plan: from the latest year with data, its emissions less the yearly reductions of the
 * actions from their start years. An action marked done that started in or before the latest year is
 * taken as already in the actual emissions and is not subtracted again.</li>
 * </ul>
 */
public final class TargetProgress {

    /** Tolerance of the on-track comparison: a base year equals its own trajectory, whatever the rounding. */
    private static final double TOLERANCE = 1e-9;

    /** An action's expected effect: kg CO2e less each year from {@code startYear}. */
    public record PlannedReduction(int startYear, double co2eKgPerYear, boolean done) {
    }

    /**
     * One year. {@code actualValue} is {@code actualCo2eKg} for an absolute target, the intensity for an
     * intensity target (null without a denominator); {@code planValue} is set from the latest year with data.
     */
    public record YearPoint(int year, Double actualCo2eKg, Double denominator, Double actualValue, Double trajectoryValue,
            Double planCo2eKg, Double planValue) {
    }

    /**
     * @param baseValue null when the base year has no data (or, for an intensity, no denominator): there is
     *     then no trajectory and nothing is on track
     * @param planGap the value with the plan in the target year less the target value: what the plan still
     *     leaves to find (negative when the plan goes beyond the target)
     */
    public record Result(Double baseCo2eKg, Double baseValue, Double targetValue, List<YearPoint> years, Integer latestYear,
            boolean onTrack, Double requiredYearlyReduction, Double requiredYearlyReductionPercent, Double planGap) {
    }

    private TargetProgress() {
    }

    /**
     * @param emissions kg CO2e of the covered scopes for each year with data (a year absent has none)
     * @param denominators for an intensity target the denominator of each year where it is known; null for
     *     an absolute target
     */
    public static Result assess(int baseYear, int targetYear, double reductionPercent, Map<Integer, Double> emissions,
            Map<Integer, Double> denominators, List<PlannedReduction> actions) {
        boolean intensity = denominators != null;
        NavigableMap<Integer, Double> actual = new TreeMap<>(emissions).subMap(baseYear, true, targetYear, true);
        Double baseCo2eKg = actual.get(baseYear);
        Double baseValue = value(baseCo2eKg, baseYear, denominators);
        Trajectory trajectory = baseValue == null ? null : new Trajectory(baseYear, baseValue, targetYear, reductionPercent);
        Integer latest = actual.isEmpty() ? null : actual.lastKey();
        Double latestValue = latest == null ? null : value(actual.get(latest), latest, denominators);

        List<YearPoint> years = new ArrayList<>();
        for (int year = baseYear; year <= targetYear; year++) {
            Double kg = actual.get(year);
            Double denominator = intensity ? denominators.get(year) : null;
            Double planKg = null;
            if (latest != null && year >= latest) {
                planKg = Math.max(0, actual.get(latest) - reductionIn(year, latest, actions));
            }
            years.add(new YearPoint(year, kg, denominator, value(kg, year, denominators),
                    trajectory == null ? null : trajectory.value(year), planKg, value(planKg, year, denominators)));
        }

        boolean onTrack = trajectory != null && latestValue != null
                && latestValue <= trajectory.value(latest) + TOLERANCE * Math.max(1, trajectory.value(latest));
        Double required = null;
        Double requiredPercent = null;
        if (trajectory != null && latestValue != null && latest < targetYear) {
            required = Math.max(0, (latestValue - trajectory.targetValue()) / (targetYear - latest));
            requiredPercent = latestValue > 0 ? required / latestValue * 100 : null;
        }
        Double planAtTarget = years.get(years.size() - 1).planValue();
        Double gap = trajectory == null || planAtTarget == null ? null : planAtTarget - trajectory.targetValue();
        return new Result(baseCo2eKg, baseValue, trajectory == null ? null : trajectory.targetValue(), years, latest, onTrack,
                required, requiredPercent, gap);
    }

    /** The yearly reductions of the actions that count in {@code year}, after the latest year with data. */
    static double reductionIn(int year, int latestYear, List<PlannedReduction> actions) {
        double total = 0;
        for (PlannedReduction action : actions) {
            boolean alreadyInActuals = action.done() && action.startYear() <= latestYear;
            if (year > latestYear && !alreadyInActuals && action.startYear() <= year) {
                total += action.co2eKgPerYear();
            }
        }
        return total;
    }

    private static Double value(Double kg, int year, Map<Integer, Double> denominators) {
        if (kg == null || denominators == null) {
            return kg;
        }
        Double denominator = denominators.get(year);
        return denominator == null || !(denominator > 0) ? null : kg / denominator;
    }
}
