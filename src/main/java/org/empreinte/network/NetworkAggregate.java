package org.empreinte.network;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A network's year over the members that share at least their aggregate, from their submitted inventories only,
 * as the disclosure rules let it be shown ({@link org.empreinte.calculation.Disclosure}): each figure needs
 * {@code minimumOrganizations} contributors and no contributor above the dominance share, and is rounded to 3
 * significant figures; a hidden figure is null and {@code hidden} says why.
 *
 * @param organizations every member, whatever it shares
 * @param sharingOrganizations the members sharing at least their aggregate: what the totals cover
 * @param reporting of those, the ones that submitted the year
 * @param notSharing the members sharing nothing: counted, never named
 * @param byScope each scope's total, null where hidden
 * @param notReported the sharing members that have not submitted the year (the reporting campaign's list)
 * @param members each member's own submitted figures, only for those sharing {@code detailed}
 * @param hidden why each hidden figure is hidden: {@code total}, {@code scope.N}, {@code category.X},
 *     {@code intensityCo2eKgPerFte}... to {@code too_few}, {@code dominated} or {@code complementary}
 * @param closedAt when the year's campaign was closed, and these the figures frozen then; null for live figures
 * @param uncertainty the total's 95 % interval, only beside a total shown ({@link NetworkUncertainty})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkAggregate(long networkId, String name, int year, int organizations, int sharingOrganizations,
        int reporting, int notSharing, Double totalCo2eKg, Map<String, Double> byScope, Map<String, Double> byCategory,
        IntensityDistribution intensityCo2eKgPerFte, IntensityDistribution intensityCo2eKgPerMillionCad,
        TargetStatus target, List<Named> notReported, List<MemberDetail> members, Map<String, String> hidden,
        int minimumOrganizations, String closedAt, Interval uncertainty) {

    /** The same figures, as frozen when the year's campaign closed. */
    public NetworkAggregate withClosedAt(String closedAt) {
        return new NetworkAggregate(networkId, name, year, organizations, sharingOrganizations, reporting, notSharing,
                totalCo2eKg, byScope, byCategory, intensityCo2eKgPerFte, intensityCo2eKgPerMillionCad, target, notReported,
                members, hidden, minimumOrganizations, closedAt, uncertainty);
    }

    /**
     * The network total's 95 % interval: bounds to 3 significant figures as the total, the larger side to a whole
     * percent, and the kinds of source that weigh most in it, each one a figure the disclosure rules would show.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Interval(String method, double lowerCo2eKg, double upperCo2eKg, double relative, List<Source> sources) {
    }

    /** A kind of source (an activity type) and its share of the total's variance, to a whole percent. */
    public record Source(String type, double shareOfVariance) {
    }

    /** The spread of the reporting members' intensities: the median to 2 significant figures, quartiles from 10 members. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntensityDistribution(int count, Double lowerQuartile, double median, Double upperQuartile) {
    }

    public record Named(long organizationId, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberDetail(long organizationId, String name, boolean reported, double totalCo2eKg,
            Map<String, Double> byScope, Double intensityCo2eKgPerFte, Double intensityCo2eKgPerMillionCad) {
    }

    /**
     * The network-wide target in the year: both years summed over today's sharing members' submissions, so that
     * the comparison covers the same organizations; each sum shown under the same rules as the total.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetStatus(int baseYear, int targetYear, double reductionPercent, List<Integer> scopes, Double baseCo2eKg,
            Double targetCo2eKg, Double actualCo2eKg, Double trajectoryCo2eKg, Boolean onTrack) {
    }
}
