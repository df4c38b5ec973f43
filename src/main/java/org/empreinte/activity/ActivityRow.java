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

    /** The row as just written, without reading it back. */
    static ActivityRow written(long id, StoredActivity a, String siteName, String now) {
        return new ActivityRow(id, a.organizationId(), a.siteId(), siteName, a.type(), a.quantity(), a.unit(),
                a.periodStart(), a.periodEnd(), a.effectiveRegion(), a.dataQuality(), a.attributes(), a.co2eKg(),
                a.co2Co2eKg(), a.ch4Co2eKg(), a.n2oCo2eKg(), a.unspecifiedCo2eKg(), a.scope(), a.category(), a.factorId(),
                a.factorSet(), a.factorSetVersion(), a.factorUnit(), a.factorCo2ePerUnit(), a.quantityInFactorUnit(), now, now);
    }
}
