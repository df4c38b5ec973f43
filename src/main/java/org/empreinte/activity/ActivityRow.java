package org.empreinte.activity;

/**
 * One row of the activity table: the input, the result computed from it when it was written, and, as read,
 * its site's name and its times. An activity about to be written has id 0 and no times yet.
 */
public record ActivityRow(
        long id,
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
        double quantityInFactorUnit,
        String siteName,
        String createdAt,
        String updatedAt) {

    /** The row as just written, without reading it back. */
    ActivityRow written(long newId, String site, String now) {
        return new ActivityRow(newId, organizationId, siteId, type, quantity, unit, periodStart, periodEnd, startDay, endDay,
                region, effectiveRegion, dataQuality, attributes, co2eKg, co2Co2eKg, ch4Co2eKg, n2oCo2eKg,
                unspecifiedCo2eKg, scope, category, factorId, factorSet, factorSetVersion, factorUnit, factorCo2ePerUnit,
                quantityInFactorUnit, site, now, now);
    }

    /** True when the two rows were computed with the same factor of the same set version. */
    boolean sameFactor(ActivityRow other) {
        return factorId.equals(other.factorId) && factorSet.equals(other.factorSet)
                && factorSetVersion.equals(other.factorSetVersion);
    }
}
