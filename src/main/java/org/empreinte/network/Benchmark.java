package org.empreinte.network;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An organization against its group of similar organizations, from submitted inventories only. Suppressed, it
 * holds {@code suppressed: true} and nothing else.
 *
 * @param peers the organizations in the group (the compared one included when it submitted and shares)
 * @param sizeBand the FTE band compared within, or null when it had to be relaxed ({@code sizeBandRelaxed})
 * @param reported whether the compared organization submitted the year: its own figures are its submission's
 * @param position where its intensity lies against the published figures: lowest_quarter, below_median,
 *     at_median, above_median, highest_quarter; null when it did not submit
 * @param percentile the middle of that band, 0 to 100 (12.5, 37.5, 50, 62.5, 87.5; 25 and 75 without quartiles):
 *     read from the published figures only, never from a peer's own value
 * @param median the group's median, to 2 significant figures
 * @param lowerQuartile the quartiles likewise, only when the group has at least 10 organizations (else null)
 * @param revenue the same per million dollars of revenue, among the group's organizations whose revenue is
 *     known; null when they are fewer than the minimum
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benchmark(boolean suppressed, Long organizationId, Integer year, Integer peers, Integer naicsLevel,
        String naicsPrefix, String sizeBand, Boolean sizeBandRelaxed, Boolean reported, Double totalCo2eKg,
        Double intensityCo2eKgPerFte, String position, Double percentile, Double median, Double lowerQuartile,
        Double upperQuartile, Revenue revenue) {

    static Benchmark suppressedOne() {
        return new Benchmark(true, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revenue(int peers, Double intensityCo2eKgPerMillionCad, String position, Double percentile,
            double median, Double lowerQuartile, Double upperQuartile) {
    }
}
