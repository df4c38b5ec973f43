package org.empreinte.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What may be shown of figures that several organizations contribute to, by the rules statistical offices
 * apply to business data (Statistics Canada's and Eurostat's primary and secondary cell suppression):
 *
 * <ul>
 * <li><b>Threshold</b>: a figure is shown only when at least {@code k} organizations contribute to it,
 * otherwise only how many do. With fewer, a member that knows its own value learns too much of the others'.</li>
 * <li><b>Dominance</b>: a total is hidden when one contributor makes up more than a share of it (70 % by
 * default): the total is then close to that contributor's own figure, whatever the others add.</li>
 * <li><b>Complementary suppression</b>: a hidden cell of a breakdown must not be recoverable as the total minus
 * the cells shown, so more cells are hidden until what is hidden, taken together, passes both rules; and
 * groups one may ask about (a sector at several levels, within a size band or not) are published only when no
 * two of them differ by fewer than {@code k} organizations, so that subtracting one from another isolates
 * no one.</li>
 * <li><b>Rounding</b>: totals to 3 significant figures, medians and quartiles to 2, and quartiles only
 * with at least 10 contributors: an exact order statistic is some organization's exact figure.</li>
 * </ul>
 *
 * <p>One's own position is stated against the published (rounded) figures only, so that moving one's own
 * figure and watching the answer reveals nothing that is not already published.
 */
public final class Disclosure {

    /** Significant figures of published totals: a difference of two reads recovers no one to better than 0.5 %. */
    public static final int TOTAL_DIGITS = 3;

    /** Significant figures of published medians and quartiles. */
    public static final int DISTRIBUTION_DIGITS = 2;

    /**
     * The rules' parameters.
     *
     * @param peerThreshold organizations a benchmark's group needs (5 by default)
     * @param networkThreshold organizations a network figure needs (3 by default: a network is smaller, and
     *     its coordinator knows who its members are)
     * @param dominanceShare the largest share one contributor may hold of a shown total, 0 to 1 (0.7)
     * @param quartileThreshold contributors needed before quartiles are shown beside the median (10)
     */
    public record Rules(int peerThreshold, int networkThreshold, double dominanceShare, int quartileThreshold) {

        public static final Rules DEFAULTS = new Rules(5, 3, 0.70, 10);

        public Rules {
            if (peerThreshold < 2 || networkThreshold < 2) {
                throw new IllegalArgumentException("a threshold below 2 would show one organization's own figure");
            }
            if (!(dominanceShare > 0 && dominanceShare < 1)) {
                throw new IllegalArgumentException("the dominance share must lie between 0 and 1, both excluded");
            }
            if (quartileThreshold < peerThreshold || quartileThreshold < networkThreshold) {
                throw new IllegalArgumentException("quartiles need at least as many contributors as a median");
            }
        }
    }

    /** Why a figure is not shown. */
    public enum Reason {
        /** Fewer contributors than the threshold. */
        TOO_FEW,
        /** One contributor makes up more than the dominance share. */
        DOMINATED,
        /** Shown, it would let a hidden figure be worked out. */
        COMPLEMENTARY
    }

    /** A figure as published: {@code value} rounded, or null with the reason it is hidden. */
    public record Figure(Double value, int contributors, Reason hidden) {

        public boolean shown() {
            return hidden == null;
        }
    }

    /** A published distribution: the median always, quartiles only with enough contributors (else null). */
    public record Spread(int count, double median, Double lowerQuartile, Double upperQuartile) {
    }

    /** Where one's own value lies against a published {@link Spread}. */
    public enum Position {
        LOWEST_QUARTER, BELOW_MEDIAN, AT_MEDIAN, ABOVE_MEDIAN, HIGHEST_QUARTER
    }

    private Disclosure() {
    }

    /** {@code value} to {@code digits} significant figures, halves away from zero (as one rounds by hand). */
    public static double round(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue();
    }

    /** True when the largest contribution is more than {@code share} of the sum of all (taken as magnitudes). */
    public static boolean dominated(Collection<Double> contributions, double share) {
        double sum = 0;
        double largest = 0;
        for (double contribution : contributions) {
            double magnitude = Math.abs(contribution);
            sum += magnitude;
            largest = Math.max(largest, magnitude);
        }
        return sum > 0 && largest > share * sum;
    }

    /**
     * A total of several organizations' contributions (one value per organization), rounded to
     * {@link #TOTAL_DIGITS} significant figures; hidden below {@code threshold} contributors (but none: 0 is shown)
     * or when dominated.
     */
    public static <K> Figure total(Map<K, Double> contributions, int threshold, double dominanceShare) {
        int contributors = contributions.size();
        if (contributors == 0) {
            // Nothing to hide: no one's figure is in an empty cell.
            return new Figure(0.0, 0, null);
        }
        if (contributors < threshold) {
            return new Figure(null, contributors, Reason.TOO_FEW);
        }
        if (dominated(contributions.values(), dominanceShare)) {
            return new Figure(null, contributors, Reason.DOMINATED);
        }
        return new Figure(round(sum(contributions.values()), TOTAL_DIGITS), contributors, null);
    }

    /**
     * The cells of a breakdown (a total by scope, by category...), each with its contributions by organization.
     * Each cell passes the threshold and dominance on its own; then, while what is hidden could be worked out
     * as the published total less the cells shown and that remainder fails the rules itself, the smallest cell
     * still shown is hidden too. Cells keep their order.
     *
     * @param totalShown whether the breakdown's total is published beside it (else no remainder can be derived)
     */
    public static <C, K> Map<C, Figure> breakdown(Map<C, Map<K, Double>> cells, int threshold, double dominanceShare,
            boolean totalShown) {
        Map<C, Figure> figures = new LinkedHashMap<>();
        cells.forEach((cell, contributions) -> figures.put(cell, total(contributions, threshold, dominanceShare)));
        if (totalShown) {
            protect(figures, cells, cells.keySet(), threshold, dominanceShare);
        }
        return figures;
    }

    /**
     * For a published total that is the sum of the {@code members} cells (a breakdown's total, a scope's categories):
     * while the hidden ones among them could be worked out as that total less those shown, and what they hold together
     * fails the threshold or dominance, the smallest member still shown is hidden too ({@link Reason#COMPLEMENTARY}).
     *
     * @return whether any cell was hidden
     */
    public static <C, K> boolean protect(Map<C, Figure> figures, Map<C, Map<K, Double>> cells, Collection<C> members,
            int threshold, double dominanceShare) {
        boolean changed = false;
        while (true) {
            Map<K, Double> remainder = new HashMap<>();
            boolean anyHidden = false;
            for (C cell : members) {
                if (!figures.get(cell).shown()) {
                    anyHidden = true;
                    cells.get(cell).forEach((who, value) -> remainder.merge(who, value, Double::sum));
                }
            }
            boolean remainderSafe = remainder.isEmpty()
                    || (remainder.size() >= threshold && !dominated(remainder.values(), dominanceShare));
            if (!anyHidden || remainderSafe) {
                return changed;
            }
            Optional<C> smallest = members.stream().filter(c -> figures.get(c).shown())
                    .min(Comparator.comparingDouble(c -> Math.abs(sum(cells.get(c).values()))));
            if (smallest.isEmpty()) {
                return changed;
            }
            figures.put(smallest.get(), new Figure(null, cells.get(smallest.get()).size(), Reason.COMPLEMENTARY));
            changed = true;
        }
    }

    /**
     * The published spread of values, one per organization: empty below {@code threshold} of them; the median
     * to {@link #DISTRIBUTION_DIGITS} significant figures, and the quartiles too from {@code quartileThreshold}.
     */
    public static Optional<Spread> spread(Collection<Double> values, int threshold, int quartileThreshold) {
        if (values.size() < threshold || values.isEmpty()) {
            return Optional.empty();
        }
        Distribution.Summary summary = Distribution.summarize(values);
        boolean quartiles = values.size() >= quartileThreshold;
        return Optional.of(new Spread(summary.count(), round(summary.median(), DISTRIBUTION_DIGITS),
                quartiles ? round(summary.lowerQuartile(), DISTRIBUTION_DIGITS) : null,
                quartiles ? round(summary.upperQuartile(), DISTRIBUTION_DIGITS) : null));
    }

    /**
     * One's own value against the published spread: compared with the rounded figures only, and itself
     * rounded as they are, so that the answer follows from what anyone can read and one's own value.
     */
    public static Position position(double own, Spread spread) {
        double rounded = round(own, DISTRIBUTION_DIGITS);
        if (spread.lowerQuartile() != null && rounded < spread.lowerQuartile()) {
            return Position.LOWEST_QUARTER;
        }
        if (spread.upperQuartile() != null && rounded > spread.upperQuartile()) {
            return Position.HIGHEST_QUARTER;
        }
        int against = Double.compare(rounded, spread.median());
        return against < 0 ? Position.BELOW_MEDIAN : against > 0 ? Position.ABOVE_MEDIAN : Position.AT_MEDIAN;
    }

    /**
     * Of groups of organizations that one may ask about, those that may be published: at least {@code k}
     * members, and no two published groups differing by 1 to {@code k - 1} members (counted both ways).
     * Larger groups are kept first, so a group almost equal to a larger one is the one withheld: asking for
     * it then gives the larger one, as if the two levels were merged. Groups with the same members may both be
     * published: they tell the same thing.
     */
    public static <G, K> Set<G> publishable(Map<G, Set<K>> groups, int k) {
        return publishable(groups, k, k);
    }

    /**
     * As {@link #publishable(Map, int)}, with groups of at least {@code minimumSize} members differing by at least
     * {@code minimumDifference}: one more than the size when each reader is left out of the group it reads, so that
     * the difference still holds that many others when the reader is in it.
     */
    public static <G, K> Set<G> publishable(Map<G, Set<K>> groups, int minimumSize, int minimumDifference) {
        List<Map.Entry<G, Set<K>>> bySize = new ArrayList<>(groups.entrySet());
        bySize.sort(Comparator.comparingInt((Map.Entry<G, Set<K>> e) -> e.getValue().size()).reversed());
        Set<G> published = new LinkedHashSet<>();
        Map<K, List<Set<K>>> publishedByMember = new HashMap<>();
        for (Map.Entry<G, Set<K>> candidate : bySize) {
            Set<K> members = candidate.getValue();
            if (members.size() < minimumSize || tooClose(members, publishedByMember, minimumDifference)) {
                continue;
            }
            published.add(candidate.getKey());
            for (K member : members) {
                publishedByMember.computeIfAbsent(member, m -> new ArrayList<>()).add(members);
            }
        }
        return published;
    }

    /** Whether {@code members} differ by 1 to k - 1 from a published group they overlap (disjoint ones differ by 2k or more). */
    private static <K> boolean tooClose(Set<K> members, Map<K, List<Set<K>>> publishedByMember, int k) {
        Set<Set<K>> overlapping = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (K member : members) {
            overlapping.addAll(publishedByMember.getOrDefault(member, List.of()));
        }
        for (Set<K> other : overlapping) {
            int difference = symmetricDifference(members, other);
            if (difference > 0 && difference < k) {
                return true;
            }
        }
        return false;
    }

    private static <K> int symmetricDifference(Set<K> a, Set<K> b) {
        Set<K> onlyA = new HashSet<>(a);
        onlyA.removeAll(b);
        Set<K> onlyB = new HashSet<>(b);
        onlyB.removeAll(a);
        return onlyA.size() + onlyB.size();
    }

    private static double sum(Collection<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }
}
