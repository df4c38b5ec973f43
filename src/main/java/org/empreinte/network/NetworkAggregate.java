package org.empreinte.network;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A network's year over the members that share at least their aggregate.
 *
 * @param organizations every member, whatever it shares
 * @param sharingOrganizations the members sharing at least their aggregate: what the totals cover
 * @param reporting of those, the ones with activities in the year
 * @param notSharing the members sharing nothing: counted, never named
 * @param notReported the sharing members without activities in the year (the reporting campaign's list)
 * @param members each member's own figures, only for those sharing {@code detailed}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkAggregate(long networkId, String name, int year, int organizations, int sharingOrganizations,
        int reporting, int notSharing, double totalCo2eKg, Map<String, Double> byScope, Map<String, Double> byCategory,
        IntensityDistribution intensityCo2eKgPerFte, IntensityDistribution intensityCo2eKgPerMillionCad,
        TargetStatus target, List<Named> notReported, List<MemberDetail> members) {

    /** The spread of the reporting members' intensities: how many have a denominator, and the quartiles. */
    public record IntensityDistribution(int count, double lowerQuartile, double median, double upperQuartile) {
    }

    public record Named(long organizationId, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberDetail(long organizationId, String name, boolean reported, double totalCo2eKg,
            Map<String, Double> byScope, Double intensityCo2eKgPerFte, Double intensityCo2eKgPerMillionCad) {
    }

    /**
     * The network-wide target in the year: both years summed over today's sharing members, so that the
     * comparison covers the same organizations.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetStatus(int baseYear, int targetYear, double reductionPercent, List<Integer> scopes, Double baseCo2eKg,
            Double targetCo2eKg, double actualCo2eKg, Double trajectoryCo2eKg, boolean onTrack) {
    }
}
