package org.empreinte.activity;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An activity as the API returns it, with its stored result and the factor that produced it.
 * {@code distanceKm} is a flight's great-circle distance, one way; {@code ghgCategory} the GHG
 * Protocol scope 3 category (1 to 15) of a scope 3 activity.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Activity(
        long id,
        long organizationId,
        String type,
        double quantity,
        String unit,
        String periodStart,
        String periodEnd,
        String region,
        SiteRef site,
        List<String> tags,
        String dataQuality,
        Map<String, Object> attributes,
        double co2eKg,
        int scope,
        String category,
        Map<String, Double> byGas,
        AppliedFactor factor,
        String createdAt,
        String updatedAt,
        Double distanceKm,
        Integer ghgCategory) {

    public record SiteRef(long id, String name) {
    }

    /**
     * The factor actually applied, in the unit it was applied to.
     *
     * @param quantity the activity's quantity converted to {@code unit}
     * @param note how the result was reached beyond the factor (a purchase's taxes taken out), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AppliedFactor(String id, double co2eKgPerUnit, String unit, String source, String factorSet,
            String factorSetVersion, double quantity, String note) {
    }
}
