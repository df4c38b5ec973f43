package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How sure a footprint is: the 95 % interval of a sum of emission lines, each an activity quantity times a
 * factor, each of the two with its own uncertainty, by the IPCC 2006 Guidelines (Vol. 1, ch. 3):
 *
 * <ul>
 * <li><b>Approach 1</b> (error propagation): a line's emissions E = A x F have a relative uncertainty
 * sqrt(U_A^2 + U_F^2); a sum's absolute uncertainty is the square root of the summed squares of its terms'.</li>
 * <li><b>Approach 2</b> (Monte Carlo): each quantity and each factor drawn from its distribution, the sum taken
 * for every draw, the interval read from the 2.5th and 97.5th percentiles. For large or skewed uncertainties,
 * where Approach 1's linear propagation understates the upper side.</li>
 * </ul>
 *
 * <p>Uncertainties are relative half-widths of the 95 % interval (0.05 for ±5 %), as the IPCC tabulates them.
 * Lines that use the same factor share its error: twelve monthly bills priced with Québec's 2023 intensity are
 * all too high or all too low together, so a factor's uncertainty applies to the sum of its lines, not to each
 * line independently (which would shrink it by the square root of the number of bills). Quantities are taken
 * as independent of one another (each a separate reading or estimate), except those a caller puts in one
 * {@linkplain Line#quantityGroup() quantity group}: lines priced on the same quantity, such as a gas bill's combustion
 * and its upstream (both its m³), whose quantity errors are then the same error. A group's quantity part of the
 * variance is the square of the sum of its lines' kg x quantity uncertainty, not the sum of their squares; factor
 * errors stay one per factor as above.
 */
public final class Uncertainty {

    /** The normal distribution's 97.5th percentile: a 95 % half-width is this many standard deviations. */
    static final double Z95 = 1.959963984540054;

    private Uncertainty() {
    }

    /**
     * One emission line: its emissions in kg CO2e, the key of the factor it was priced with (lines with the same
     * key share that factor's error), and the relative 95 % half-widths of its quantity and of its factor;
     * {@code quantityGroup} the key of the quantity it was priced on, shared by lines whose quantity errors are one
     * error (null: its own quantity, independent of every other line's).
     */
    public record Line(String factor, double co2eKg, double quantityUncertainty, double factorUncertainty,
            Shape quantityShape, Shape factorShape, String quantityGroup) {
        public Line {
            Objects.requireNonNull(factor, "factor");
            if (!Double.isFinite(co2eKg)) {
                throw new IllegalArgumentException("emissions must be a finite number: " + co2eKg);
            }
            requireUncertainty(quantityUncertainty, "quantity");
            requireUncertainty(factorUncertainty, "factor");
        }

        /** A line whose shapes are the Monte Carlo run's. */
        public Line(String factor, double co2eKg, double quantityUncertainty, double factorUncertainty) {
            this(factor, co2eKg, quantityUncertainty, factorUncertainty, null, null, null);
        }

        /** A line whose quantity is its own. */
        public Line(String factor, double co2eKg, double quantityUncertainty, double factorUncertainty,
                Shape quantityShape, Shape factorShape) {
            this(factor, co2eKg, quantityUncertainty, factorUncertainty, quantityShape, factorShape, null);
        }
    }

    /** A factor's part in the total's variance: what to improve first, largest first. */
    public record Contribution(String factor, double co2eKg, double share) {
    }

    /**
     * A total with its 95 % interval, as absolute bounds (they need not be symmetric: Monte Carlo's are not), and
     * the factors' parts in its uncertainty.
     */
    public record Interval(double total, double lower, double upper, List<Contribution> contributions) {

        /** The larger side of the interval, relative to the total: "± 12 %". Zero for a zero total. */
        public double relative() {
            if (total == 0) {
                return 0;
            }
            return Math.max(upper - total, total - lower) / Math.abs(total);
        }
    }

    /** Approach 1 for one product: the relative uncertainty of A x F from those of A and F. */
    public static double product(double quantityUncertainty, double factorUncertainty) {
        requireUncertainty(quantityUncertainty, "quantity");
        requireUncertainty(factorUncertainty, "factor");
        return Math.hypot(quantityUncertainty, factorUncertainty);
    }

    /**
     * Approach 1 for a sum of lines: variance from each quantity (independent, or shared within its quantity group)
     * and from each factor applied to the sum of its lines (shared), symmetric interval.
     *
     * <p>A quantity group's variance (sum of a_i)^2, a_i a line's kg x quantity uncertainty, is the sum over its lines of
     * a_i x (sum of a_j): each line's part goes to its factor so (Euler's allocation), and the factors' parts still add
     * up to the variance.
     */
    public static Interval propagate(List<Line> lines) {
        double total = 0;
        Map<String, double[]> byFactor = new LinkedHashMap<>();
        Map<String, Double> byQuantity = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.quantityGroup() != null) {
                byQuantity.merge(line.quantityGroup(), line.quantityUncertainty() * line.co2eKg(), Double::sum);
            }
        }
        for (Line line : lines) {
            total += line.co2eKg();
            // [0] the factor's lines' emissions, [1] its factor's uncertainty, [2] its lines' quantity variance
            double[] group = byFactor.computeIfAbsent(line.factor(), k -> new double[3]);
            group[0] += line.co2eKg();
            group[1] = Math.max(group[1], line.factorUncertainty());
            double own = line.quantityUncertainty() * line.co2eKg();
            group[2] += line.quantityGroup() == null ? square(own) : own * byQuantity.get(line.quantityGroup());
        }
        double variance = 0;
        Map<String, Double> parts = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> group : byFactor.entrySet()) {
            double[] g = group.getValue();
            double part = square(g[1] * g[0]) + g[2];
            parts.put(group.getKey(), part);
            variance += part;
        }
        double halfWidth = Math.sqrt(variance);
        return new Interval(total, total - halfWidth, total + halfWidth, contributions(byFactor, parts, variance));
    }

    /** How each quantity and factor is drawn in {@link #monteCarlo}. */
    public enum Shape {
        /** Symmetric: mean the value, standard deviation U / 1.96 of it. For small uncertainties. */
        NORMAL,
        /**
         * Skewed, never negative: median the value, 95 % of draws within [value / (1 + U), value x (1 + U)], the
         * geometric form of the interval the Bilan Carbone method gives as [E / S, E x S].
         */
        LOGNORMAL
    }

    /**
     * Approach 2: {@code draws} draws of every quantity and factor (one draw per factor, shared by its lines), from
     * a generator seeded with {@code seed}, so that a report shows the same interval every time it is computed.
     */
    public static Interval monteCarlo(List<Line> lines, Shape shape, int draws, long seed) {
        Objects.requireNonNull(shape, "shape");
        if (draws < 100) {
            throw new IllegalArgumentException("at least 100 draws are needed for a 95 % interval: " + draws);
        }
        List<String> factors = new ArrayList<>();
        Map<String, Integer> factorIndex = new LinkedHashMap<>();
        Map<String, Double> factorUncertainty = new LinkedHashMap<>();
        Map<String, Shape> factorShape = new LinkedHashMap<>();
        double total = 0;
        for (Line line : lines) {
            total += line.co2eKg();
            factorIndex.computeIfAbsent(line.factor(), k -> {
                factors.add(k);
                return factors.size() - 1;
            });
            factorUncertainty.merge(line.factor(), line.factorUncertainty(), Math::max);
            // A factor drawn skewed for one of its lines is drawn skewed for all: one draw serves them all.
            factorShape.merge(line.factor(), line.factorShape() == null ? shape : line.factorShape(),
                    (a, b) -> a == Shape.LOGNORMAL || b == Shape.LOGNORMAL ? Shape.LOGNORMAL : Shape.NORMAL);
        }
        // One draw per quantity group, shared by its lines, in the group's relative terms: its lines' quantity
        // uncertainties are the same reading's, so the largest is taken (they are equal where one activity's lines
        // share a data quality), and a group drawn skewed for one line is drawn skewed for all.
        Map<String, Integer> quantityIndex = new LinkedHashMap<>();
        List<Double> quantityUncertainty = new ArrayList<>();
        List<Shape> quantityShape = new ArrayList<>();
        for (Line line : lines) {
            if (line.quantityGroup() == null) {
                continue;
            }
            Shape own = line.quantityShape() == null ? shape : line.quantityShape();
            Integer at = quantityIndex.get(line.quantityGroup());
            if (at == null) {
                quantityIndex.put(line.quantityGroup(), quantityUncertainty.size());
                quantityUncertainty.add(line.quantityUncertainty());
                quantityShape.add(own);
            } else {
                quantityUncertainty.set(at, Math.max(quantityUncertainty.get(at), line.quantityUncertainty()));
                if (own == Shape.LOGNORMAL) {
                    quantityShape.set(at, Shape.LOGNORMAL);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] sums = new double[draws];
        double[] factorDraws = new double[factors.size()];
        double[] quantityDraws = new double[quantityUncertainty.size()];
        for (int d = 0; d < draws; d++) {
            for (int f = 0; f < factors.size(); f++) {
                factorDraws[f] = multiplier(factorShape.get(factors.get(f)), factorUncertainty.get(factors.get(f)), random);
            }
            for (int q = 0; q < quantityDraws.length; q++) {
                quantityDraws[q] = multiplier(quantityShape.get(q), quantityUncertainty.get(q), random);
            }
            double sum = 0;
            for (Line line : lines) {
                double quantity = line.quantityGroup() != null ? quantityDraws[quantityIndex.get(line.quantityGroup())]
                        : multiplier(line.quantityShape() == null ? shape : line.quantityShape(), line.quantityUncertainty(), random);
                sum += line.co2eKg() * factorDraws[factorIndex.get(line.factor())] * quantity;
            }
            sums[d] = sum;
        }
        Arrays.sort(sums);
        // The parts are Approach 1's: a ranking of what to improve, which sampling noise would only blur.
        List<Contribution> contributions = propagate(lines).contributions();
        return new Interval(total, percentile(sums, 0.025), percentile(sums, 0.975), contributions);
    }

    /**
     * A factor's CO2e uncertainty from its gases': each gas's relative uncertainty weighted by its share of the
     * factor's CO2e, added in quadrature (the gases' factors are measured apart, so their errors are taken as
     * independent). A natural-gas factor whose CO2 is 99.8 % of its CO2e at ± 3.9 % and whose CH4 and N2O are
     * 0.2 % at ± 200 % is sqrt((0.998 x 0.039)^2 + (0.002 x 2)^2) = ± 3.9 %: the gases weigh what they emit.
     *
     * @param co2eByGas the factor's CO2e per unit by gas
     * @param uncertaintyOf each gas's relative 95 % half-width
     */
    public static double byGas(Map<String, Double> co2eByGas, java.util.function.ToDoubleFunction<String> uncertaintyOf) {
        double total = 0;
        for (double value : co2eByGas.values()) {
            total += value;
        }
        if (total == 0) {
            return 0;
        }
        double variance = 0;
        for (Map.Entry<String, Double> gas : co2eByGas.entrySet()) {
            variance += square(gas.getValue() / total * uncertaintyOf.applyAsDouble(gas.getKey()));
        }
        return Math.sqrt(variance);
    }

    private static double multiplier(Shape shape, double uncertainty, SplittableRandom random) {
        if (uncertainty == 0) {
            return 1;
        }
        double z = gaussian(random);
        return switch (shape) {
            case NORMAL -> 1 + z * uncertainty / Z95;
            case LOGNORMAL -> Math.exp(z * Math.log1p(uncertainty) / Z95);
        };
    }

    /** A standard normal draw (Marsaglia's polar method), from the seeded generator only. */
    private static double gaussian(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** Linear interpolation between the order statistics around {@code p} of sorted values. */
    static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static List<Contribution> contributions(Map<String, double[]> byFactor, Map<String, Double> parts, double variance) {
        List<Contribution> contributions = new ArrayList<>();
        for (Map.Entry<String, Double> part : parts.entrySet()) {
            contributions.add(new Contribution(part.getKey(), byFactor.get(part.getKey())[0],
                    variance == 0 ? 0 : part.getValue() / variance));
        }
        contributions.sort(Comparator.comparingDouble(Contribution::share).reversed().thenComparing(Contribution::factor));
        return List.copyOf(contributions);
    }

    private static void requireUncertainty(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " uncertainty must be a finite fraction of 0 or more: " + value);
        }
    }

    private static double square(double x) {
        return x * x;
    }
}
