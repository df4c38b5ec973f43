package org.empreinte.calculation;

import java.util.List;
import java.util.Map;

/**
 * The largest sources of a footprint with their share: sources (categories) by emissions, largest first, ties by
 * name so that the sentence does not change between two views; the share is of the sum of the positive sources
 * (the total a person sees), and sources at or below zero are never "large".
 */
public final class LargestSources {

    public static final int SHOWN = 3;

    /** @param share of the total, 0 to 1 */
    public record Source(String category, double co2eKg, double share) {

        /** The share in whole percent as a person reads it; below 1 %, 0 (the page says "less than 1 %"). */
        public long percent() {
            return Math.round(share * 100);
        }
    }

    private LargestSources() {
    }

    public static List<Source> of(Map<String, Double> byCategory, int limit) {
        double total = byCategory.values().stream().mapToDouble(v -> Math.max(0, v)).sum();
        if (total <= 0) {
            return List.of();
        }
        return byCategory.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new Source(e.getKey(), e.getValue(), e.getValue() / total))
                .toList();
    }
}
