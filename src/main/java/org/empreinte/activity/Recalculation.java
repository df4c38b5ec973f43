package org.empreinte.activity;

import java.util.List;
import java.util.Map;

/**
 * What recomputing stored results with the factor library now loaded changed, or would change
 * in a dry run: per organization the footprint before and after, per factor the activities that
 * moved from one factor (and set version) to another, and the activities that no longer have
 * a factor, which keep their old result.
 */
public record Recalculation(
        boolean applied,
        int examined,
        int changed,
        List<OrganizationChange> organizations,
        Map<String, Integer> factorChanges,
        List<String> failures) {

    public record OrganizationChange(long organizationId, int examined, int changed, double beforeCo2eKg,
            double afterCo2eKg) {
    }

    public Recalculation {
        organizations = List.copyOf(organizations);
        factorChanges = Map.copyOf(factorChanges);
        failures = List.copyOf(failures);
    }
}
