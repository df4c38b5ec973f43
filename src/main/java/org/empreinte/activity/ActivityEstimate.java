package org.empreinte.activity;

/** What an activity would emit, computed but not stored, with the factor that gave it. */
public record ActivityEstimate(String type, double quantity, String unit, double co2eKg, int scope, String category,
        String factorId, String factorSet, String factorSetVersion, double factorCo2eKgPerUnit, String factorUnit) {
}
