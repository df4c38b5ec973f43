package org.empreinte.activity;

/** One row of the activity table: the input, and the result computed from it when it was written. */
public record StoredActivity(
        long organizationId,
        Long siteId,
        String type,
        double quantity,
        String unit,
        String periodStart,
        String periodEnd,
        long startDay,
        long endDay,
        String region,
        String effectiveRegion,
        String dataQuality,
        String attributes,
        double co2eKg,
        double co2Co2eKg,
        double ch4Co2eKg,
        double n2oCo2eKg,
        double unspecifiedCo2eKg,
        int scope,
        String category,
        String factorId,
        String factorSet,
        String factorSetVersion,
        String factorUnit,
        double factorCo2ePerUnit,
        double quantityInFactorUnit) {
}
