package org.empreinte.inventory;

import java.util.List;
import java.util.Map;

import org.empreinte.footprint.Footprint;

/**
 * An organization's year as it was submitted: what networks and benchmarks read, and what later edits or
 * factor updates never change. Figures in kg CO2e, scope 2 location-based as in the footprint.
 *
 * @param employees full-time equivalents of the year (its own figure, else the profile's then); null if none
 * @param revenueCad revenue of the year likewise; null if unknown
 * @param byTag each tag's total (an activity with several tags counts in each)
 * @param intensities per metric (employees, revenue in millions of dollars, a custom one): kg CO2e per unit
 * @param measuredShare the share of the total from measured data (bills, meters), 0 to 1; null with no emissions
 * @param factors every factor applied, with the version of its set: what "factor updated since" compares
 * @param uncertainty the lines of the year's 95 % interval (one per result key, IPCC Approach 1): what a network's
 *     interval combines; null in a submission made before intervals were kept
 */
public record InventorySnapshot(int year, String sector, Double employees, Double revenueCad, double totalCo2eKg,
        double totalMarketBasedCo2eKg, Map<String, Double> byScope, Map<String, Double> byCategory,
        Map<String, Double> byGas, List<Footprint.SiteTotal> bySite, Map<String, Double> byTag,
        Map<String, Double> intensities, Double measuredShare, long activityCount,
        List<Footprint.FactorSetUsed> factorSets, List<Factor> factors, List<UncertaintyLine> uncertainty) {

    /** A line of the interval: its factor (shared by every line and member that applied it), its emissions, its uncertainties. */
    public record UncertaintyLine(String factorId, String type, double co2eKg, double quantityUncertainty,
            double factorUncertainty) {
    }

    /** One factor applied in the year. */
    public record Factor(String factorId, String type, String factorSet, String factorSetVersion, String unit,
            double co2eKgPerUnit, double quantity, double co2eKg) {
    }
}
