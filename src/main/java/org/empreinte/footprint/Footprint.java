package org.empreinte.footprint;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.empreinte.calculation.Uncertainty;

/**
 * An organization's footprint over a period, in kg CO2e, as {@code API.md} fixes it.
 *
 * @param factorSet the factor sets that produced the figures, by priority, "id vN" each
 * @param flightsIncludeRadiativeForcing whether flights count non-CO2 effects (the organization's choice)
 * @param included the scopes and categories the figures include, each with its emission lines (a fuel's combustion
 *        is the direct line of its category; category 3 holds fuels' upstream and the grid's losses)
 */
public record Footprint(
        long organizationId,
        String from,
        String to,
        String tag,
        double totalCo2eKg,
        Map<String, Double> byScope,
        Map<String, Double> byCategory,
        Map<String, Double> byScope3Category,
        Map<String, Double> byGas,
        Map<String, Double> byMonth,
        Map<String, Map<String, Double>> byMonthAndScope,
        List<SiteTotal> bySite,
        String factorSet,
        List<FactorSetUsed> factorSets,
        long activityCount,
        boolean flightsIncludeRadiativeForcing,
        Interval uncertainty,
        List<Included> included) {

    /** The same footprint with another interval (Monte Carlo's for a report that asks for it). */
    public Footprint withUncertainty(Interval interval) {
        return new Footprint(organizationId, from, to, tag, totalCo2eKg, byScope, byCategory, byScope3Category, byGas, byMonth,
                byMonthAndScope, bySite, factorSet, factorSets, activityCount, flightsIncludeRadiativeForcing, interval, included);
    }

    /**
     * The total's 95 % interval (see the README's "Uncertainty"): its bounds in kg CO2e, the larger side relative to
     * the total, and the sources that weigh most in it, what to improve first.
     *
     * @param method {@code ipcc-approach-1} (error propagation, the default) or {@code monte-carlo}
     * @param draws and {@code seed}: Monte Carlo's, null for Approach 1
     * @param lines the lines it was computed from, one per result key: what a submission keeps for networks
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Interval(String method, double lowerCo2eKg, double upperCo2eKg, double relative,
            List<UncertaintySource> sources, Integer draws, Long seed, @JsonIgnore List<Uncertainty.Line> lines) {
    }

    /**
     * A factor's part in the total's variance (its factor's error and its activities' quantities), 0 to 1: the
     * activity type and line (direct, upstream, losses, charging) it prices, and the factor's label by language
     * ({@code fr}, {@code en}; empty when it has left the library), so that a gas's combustion and its upstream are
     * never named alike.
     */
    public record UncertaintySource(String factorId, String type, String line, Map<String, String> labels, double co2eKg,
            double shareOfVariance) {
    }

    /**
     * One scope and category the footprint includes, in kg CO2e, and by line ({@code direct}, {@code upstream},
     * {@code losses}, {@code charging}); {@code ghgCategory} is its GHG Protocol scope 3 category, if any.
     */
    public record Included(int scope, String category, Integer ghgCategory, double co2eKg, Map<String, Double> byLine) {
    }

    public record SiteTotal(Long siteId, String name, double co2eKg) {
    }

    public record FactorSetUsed(String id, String version, String name, String edition) {
    }
}
