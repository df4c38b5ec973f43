package org.empreinte.calculation;

import java.util.Arrays;
import java.util.Collection;

/**
 * Medians, quartiles and percentile ranks of intensities among peers.
 *
 * <p>Quantiles interpolate linearly between the closest ranks (Hyndman and Fan's type 7, the default of
 * R, NumPy and the spreadsheets' PERCENTILE.INC): with the n values sorted x[0] &lt;= ... &lt;= x[n-1], the
 * quantile p lies at h = (n - 1) p, and is x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * Chosen because a reader can check it by hand and gets the same figure from a spreadsheet.
 *
 * <p>The percentile rank of a value is the share of peers below it, a peer equal to it counting half
 * (the mid-rank definition): 100 (below + equal / 2) / n. Lower intensities are better, so a rank of
 * 25 says a quarter of the peers emit less per unit. Equal halves keep a value that ties every peer at 50
 * rather than at 0 or 100.
 */
public final class Distribution {

    /** The quartiles of a set of values; {@code count} says how many values they summarise. */
    public record Summary(int count, double lowerQuartile, double median, double upperQuartile) {
    }

    private Distribution() {
    }

    public static Summary summarize(Collection<Double> values) {
        double[] sorted = sorted(values);
        return new Summary(sorted.length, quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    /** The quantile {@code p} (0 to 1) of values sorted ascending, by linear interpolation between closest ranks. */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must lie between 0 and 1");
        }
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    public static double median(Collection<Double> values) {
        return quantile(sorted(values), 0.5);
    }

    /** 0 to 100: the share of {@code peers} below {@code value}, those equal to it counting half. */
    public static double percentileRank(double value, Collection<Double> peers) {
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("no peers");
        }
        double below = 0;
        for (double peer : peers) {
            if (peer < value) {
                below += 1;
            } else if (peer == value) {
                below += 0.5;
            }
        }
        return 100 * below / peers.size();
    }

    private static double[] sorted(Collection<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
