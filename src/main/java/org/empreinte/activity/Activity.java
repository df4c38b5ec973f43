package org.empreinte.activity;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An activity as the API returns it, with its stored result and the factor that produced it.
 * {@code distanceKm} is a flight's great-circle distance, one way; {@code ghgCategory} the GHG
 * Protocol scope 3 category (1 to 15) of a scope 3 activity.
 *
 * <p>{@code co2eKg}, {@code scope}, {@code category}, {@code byGas} and {@code factor} are the activity's direct
 * line: the GHG Protocol reports each scope apart, and a figure that mixed a fuel's scope 1 with its upstream's
 * scope 3 under "scope 1" would misstate both. {@code lines} lists every line, the direct one first, and
 * {@code allLinesCo2eKg} is their sum, what the activity adds to a footprint.
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
        Integer ghgCategory,
        List<Line> lines,
        double allLinesCo2eKg) {

    public record SiteRef(long id, String name) {
    }

    /**
     * One emission line of the activity (see calculation.EmissionLine): {@code direct} (the activity's own, whose
     * figures {@code co2eKg}, {@code scope}, {@code category}, {@code byGas} and {@code factor} of the activity
     * repeat), {@code upstream}, {@code losses}, {@code charging}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String line, double co2eKg, int scope, String category, Integer ghgCategory,
            Map<String, Double> byGas, AppliedFactor factor) {
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
