package org.empreinte.footprint;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The full report of a period: the footprint of {@code API.md} and what a member needs to act on it.
 *
 * @param totalMarketBasedCo2eKg the total with scope 2 market-based (the footprint's total is location-based)
 * @param byIsoCategory the same emissions in ISO 14064-1's categories 1 to 6
 */
public record Report(
        @JsonUnwrapped Footprint footprint,
        Scope2 scope2,
        double totalMarketBasedCo2eKg,
        List<Intensity> intensities,
        Comparison previousPeriod,
        DataQuality dataQuality,
        Map<String, Double> byIsoCategory,
        List<Assumption> assumptions) {

    /**
     * Scope 2 both ways. {@code marketBasedEqualsLocationBased}: no contract covered any electricity, so
     * market-based repeats location-based (Canada publishes no residual mix).
     */
    public record Scope2(double locationBasedCo2eKg, double marketBasedCo2eKg, boolean marketBasedEqualsLocationBased,
            double electricityKwh, double coveredKwh, List<ContractApplied> contracts) {
    }

    public record ContractApplied(long id, Long siteId, String kind, String description, double co2eKgPerKwh, double kwh,
            double marketBasedCo2eKg, double locationBasedCo2eKg) {
    }

    /**
     * @param metric employees, revenue (millions of CAD) or custom
     * @param recordedForYear false when the denominator is the organization's profile (what it is now), not a
     *        figure recorded for the year
     */
    public record Intensity(String metric, String label, double denominator, boolean recordedForYear, double co2eKgPerUnit,
            Double marketBasedCo2eKgPerUnit) {
    }

    /** The same span a year earlier; {@code hasData} false when nothing was logged then. */
    public record Comparison(String from, String to, boolean hasData, double totalCo2eKg, double changeCo2eKg,
            Double changePercent, Map<String, ScopeChange> byScope) {
    }

    public record ScopeChange(double previousCo2eKg, double currentCo2eKg, double changeCo2eKg, Double changePercent) {
    }

    /**
     * Emissions from measured data (meters, bills) against estimates and extrapolations; shares of the total, 0 to 1.
     * {@code estimated...} counts the activities estimated from their own partial records only.
     */
    public record DataQuality(double measuredCo2eKg, double estimatedCo2eKg, Double measuredShare, long measuredActivities,
            long estimatedActivities, double extrapolatedCo2eKg, long extrapolatedActivities) {
    }

    /**
     * One factor applied in the period, with its source: the "show your assumptions" table.
     *
     * @param note the note in English, as the API has always given it
     * @param labels the factor's label by language ({@code fr}, {@code en}); empty when it has left the library
     * @param notes its note by language; empty when it has none
     */
    public record Assumption(String factorId, String type, String factorSet, String factorSetVersion, String factorSetName,
            String edition, String gwpSet, String citation, String note, String licence, String url, String unit,
            double co2eKgPerUnit, double quantity, double co2eKg, long activities, Map<String, String> labels,
            Map<String, String> notes) {

        /** The same factor with more of it: another activity group that applied it. */
        Assumption plus(double moreQuantity, double moreCo2eKg, long moreActivities) {
            return new Assumption(factorId, type, factorSet, factorSetVersion, factorSetName, edition, gwpSet, citation, note,
                    licence, url, unit, co2eKgPerUnit, quantity + moreQuantity, co2eKg + moreCo2eKg, activities + moreActivities,
                    labels, notes);
        }
    }
}
