package org.empreinte.activity;

import java.util.List;
import java.util.Map;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.EmissionLine;
import org.empreinte.calculation.Gas;

/**
 * One of an activity's lines other than its direct one (change set 18-activity-lines): its result as stored in
 * activity_line, and, when about to be written, its monthly shares (activity id 0 until the activity has one).
 */
public record LineRow(
        long activityId,
        String line,
        long organizationId,
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
        List<MonthShareRow> months) {

    /** The columns of activity_line after activity_id, in this record's order. */
    static final String COLUMN_LIST = "line, organization_id, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg,"
            + " unspecified_co2e_kg, scope, category, factor_id, factor_set, factor_set_version, factor_unit,"
            + " factor_co2e_per_unit, quantity_in_factor_unit";

    public LineRow {
        months = months == null ? List.of() : List.copyOf(months);
    }

    /** A computed line, about to be stored. */
    static LineRow of(long organizationId, EmissionLine line) {
        EmissionFactor factor = line.result().factor();
        Map<String, Double> gases = line.result().co2eKgByGas();
        return new LineRow(0, line.role(), organizationId, line.co2eKg(), gases.getOrDefault(Gas.CO2, 0.0),
                gases.getOrDefault(Gas.CH4, 0.0), gases.getOrDefault(Gas.N2O, 0.0), gases.getOrDefault(Gas.UNSPECIFIED, 0.0),
                line.scope(), line.category(), factor.id(), factor.setId(), factor.setVersion(), factor.unit().symbol(),
                factor.co2ePerUnit(), line.result().quantityInFactorUnit(),
                ActivityPreparation.shares(0, organizationId, line.result()));
    }

    /** The same line, of the activity of that id, its shares too. */
    LineRow withActivityId(long id) {
        return new LineRow(id, line, organizationId, co2eKg, co2Co2eKg, ch4Co2eKg, n2oCo2eKg, unspecifiedCo2eKg, scope,
                category, factorId, factorSet, factorSetVersion, factorUnit, factorCo2ePerUnit, quantityInFactorUnit,
                months.stream().map(m -> m.withActivityId(id)).toList());
    }

    /** True when the two lines hold the same result from the same factor of the same set version. */
    boolean sameResult(LineRow other) {
        return line.equals(other.line) && factorId.equals(other.factorId) && factorSet.equals(other.factorSet)
                && factorSetVersion.equals(other.factorSetVersion) && co2eKg == other.co2eKg && scope == other.scope
                && category.equals(other.category);
    }
}
