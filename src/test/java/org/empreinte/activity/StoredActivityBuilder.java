package org.empreinte.activity;

import java.time.LocalDate;

/**
 * Rows for DAO tests: a Québec electricity bill of January 2024 unless told otherwise. The
 * figures are whatever a test sets; DAO tests check storage and SQL, not the calculation.
 */
public final class StoredActivityBuilder {

    private final long organizationId;
    private Long siteId;
    private String type = "electricity";
    private double quantity = 1000;
    private String unit = "kWh";
    private LocalDate start = LocalDate.of(2024, 1, 1);
    private LocalDate end = LocalDate.of(2024, 1, 31);
    private String region;
    private String effectiveRegion = "CA-QC";
    private String dataQuality = "measured";
    private String attributes;
    private double co2 = 0;
    private double ch4 = 0;
    private double n2o = 0;
    private double unspecified = 1.7;
    private int scope = 2;
    private String category = "purchased_electricity";
    private String factorId = "eccc-electricity-ca-qc-2018";
    private String factorSet = "eccc-canada";
    private String factorSetVersion = "1";
    private String factorUnit = "kWh";
    private double factorCo2ePerUnit = 0.0017;

    private StoredActivityBuilder(long organizationId) {
        this.organizationId = organizationId;
    }

    public static StoredActivityBuilder activity(long organizationId) {
        return new StoredActivityBuilder(organizationId);
    }

    public StoredActivityBuilder site(Long siteId) {
        this.siteId = siteId;
        return this;
    }

    public StoredActivityBuilder type(String type, int scope, String category) {
        this.type = type;
        this.scope = scope;
        this.category = category;
        return this;
    }

    public StoredActivityBuilder quantity(double quantity, String unit) {
        this.quantity = quantity;
        this.unit = unit;
        return this;
    }

    public StoredActivityBuilder period(String start, String end) {
        this.start = LocalDate.parse(start);
        this.end = LocalDate.parse(end);
        return this;
    }

    public StoredActivityBuilder region(String region) {
        this.region = region;
        this.effectiveRegion = region;
        return this;
    }

    public StoredActivityBuilder dataQuality(String dataQuality) {
        this.dataQuality = dataQuality;
        return this;
    }

    public StoredActivityBuilder attributes(String json) {
        this.attributes = json;
        return this;
    }

    /** kg CO2e by gas; the total is their sum. */
    public StoredActivityBuilder gases(double co2, double ch4, double n2o, double unspecified) {
        this.co2 = co2;
        this.ch4 = ch4;
        this.n2o = n2o;
        this.unspecified = unspecified;
        return this;
    }

    public StoredActivityBuilder factor(String id, String set, String version, String unit, double co2ePerUnit) {
        this.factorId = id;
        this.factorSet = set;
        this.factorSetVersion = version;
        this.factorUnit = unit;
        this.factorCo2ePerUnit = co2ePerUnit;
        return this;
    }

    public ActivityRow build() {
        return new ActivityRow(0, organizationId, siteId, type, quantity, unit, start.toString(), end.toString(),
                start.toEpochDay(), end.toEpochDay(), region, effectiveRegion, dataQuality, attributes,
                co2 + ch4 + n2o + unspecified, co2, ch4, n2o, unspecified, scope, category, factorId, factorSet,
                factorSetVersion, factorUnit, factorCo2ePerUnit, quantity, null, null, null);
    }
}
