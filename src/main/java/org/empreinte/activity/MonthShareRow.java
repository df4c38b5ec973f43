package org.empreinte.activity;

/** The part of an activity's emissions that falls in one calendar month. */
public record MonthShareRow(
        long activityId,
        long organizationId,
        String month,
        long firstDay,
        long lastDay,
        double co2eKg,
        double co2Co2eKg,
        double ch4Co2eKg,
        double n2oCo2eKg,
        double unspecifiedCo2eKg) {

    /** The same share, of the activity a batch insert gave this id. */
    public MonthShareRow withActivityId(long id) {
        return new MonthShareRow(id, organizationId, month, firstDay, lastDay, co2eKg, co2Co2eKg, ch4Co2eKg, n2oCo2eKg,
                unspecifiedCo2eKg);
    }
}
