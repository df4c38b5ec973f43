package org.empreinte.inventory;

/**
 * An organization's submitted figures for a year, as networks and benchmarks sum them.
 *
 * @param version the submission read: the latest, whether the year was since reviewed or reopened
 */
public record SubmittedFigures(long organizationId, String state, int version, String sector, Double employees,
        Double revenueCad, double totalCo2eKg, double scope1Co2eKg, double scope2Co2eKg, double scope3Co2eKg) {

    public double scope(int scope) {
        return switch (scope) {
            case 1 -> scope1Co2eKg;
            case 2 -> scope2Co2eKg;
            case 3 -> scope3Co2eKg;
            default -> throw new IllegalArgumentException("scope " + scope);
        };
    }

    /** One category of a submission. */
    public record Category(long organizationId, String category, double co2eKg) {
    }
}
