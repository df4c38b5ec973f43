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
}
