package org.empreinte.network;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An organization against its peers. Suppressed, it holds {@code suppressed: true} and nothing else.
 *
 * @param sizeBand the FTE band compared within, or null when it had to be relaxed ({@code sizeBandRelaxed})
 * @param percentile 0 to 100: the share of peers with a lower intensity, equals counting half; null when the
 *     organization has no intensity of its own for the year
 * @param revenue the same per million dollars of revenue, among the peers whose revenue is known; null when
 *     they are fewer than the minimum
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benchmark(boolean suppressed, Long organizationId, Integer year, Integer peers, Integer naicsLevel,
        String naicsPrefix, String sizeBand, Boolean sizeBandRelaxed, Boolean reported, Double totalCo2eKg,
        Double intensityCo2eKgPerFte, Double percentile, Double median, Double lowerQuartile, Double upperQuartile,
        Revenue revenue) {

    static Benchmark suppressedOne() {
        return new Benchmark(true, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revenue(int peers, Double intensityCo2eKgPerMillionCad, Double percentile, double median,
            double lowerQuartile, double upperQuartile) {
    }
}
