package org.empreinte.footprint;

import java.util.List;
import java.util.Map;

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
        List<Included> included) {

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
