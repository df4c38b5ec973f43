package org.empreinte.activity;

/** An activity row as stored, with its site's name. */
public record ActivityRow(
        long id,
        long organizationId,
        Long siteId,
        String siteName,
        String type,
        double quantity,
        String unit,
        String periodStart,
        String periodEnd,
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
        double quantityInFactorUnit,
        String createdAt,
        String updatedAt) {
}
