package org.empreinte.calculation;

import java.util.List;
import java.util.Map;

/**
 * Flight distances and the criteria that choose a flight's factor.
 *
 * <p>Distance is the great circle between the two airports (haversine on a sphere of the IUGG
 * mean Earth radius, 6,371.0088 km). The DESNZ factors applied to it already include DESNZ's
 * 8 % uplift for real routes, so none is added here.
 *
 * <p>DESNZ defines its haul bands relative to the UK; for flights that do not touch the UK,
 * Empreinte chooses the band by the great-circle distance of one leg: under 500 km "domestic",
 * up to 3,700 km "short", beyond "long" (DESNZ describes short-haul flights as up to about
 * 3,700 km). Where a band publishes no factor for a cabin, the nearest published cabin is used:
 * domestic flights have only the average passenger; short-haul has economy and business, so
 * premium economy counts as economy and first as business.
 */
public final class Flights {

    /** IUGG mean radius of the Earth, R1, in km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;
    public static final double DOMESTIC_BELOW_KM = 500;
    public static final double SHORT_HAUL_UP_TO_KM = 3700;
    public static final List<String> CABINS = List.of("economy", "premium_economy", "business", "first");
    public static final String AVERAGE_CABIN = "average";

    public record Airport(String iata, String name, String city, String country, String region, double latitude,
            double longitude) {
    }

    private Flights() {
    }

    /** Great-circle distance in km (haversine). */
    public static double greatCircleKm(Airport from, Airport to) {
        double phi1 = Math.toRadians(from.latitude());
        double phi2 = Math.toRadians(to.latitude());
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(to.longitude() - from.longitude());
        double h = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public static String haul(double legKm) {
        if (legKm < DOMESTIC_BELOW_KM) {
            return "domestic";
        }
        return legKm <= SHORT_HAUL_UP_TO_KM ? "short" : "long";
    }

    /** The cabin whose factor applies in a band; {@code cabin} null means not known: the average passenger. */
    public static String cabinFactor(String haul, String cabin) {
        if (cabin == null || "domestic".equals(haul)) {
            return AVERAGE_CABIN;
        }
        if ("short".equals(haul)) {
            return switch (cabin) {
                case "premium_economy" -> "economy";
                case "first" -> "business";
                default -> cabin;
            };
        }
        return cabin;
    }

    /** The criteria a flight's factor must meet. */
    public static Map<String, String> criteria(double legKm, String cabin, boolean radiativeForcing) {
        String haul = haul(legKm);
        return Map.of("haul", haul, "cabin", cabinFactor(haul, cabin), "radiativeForcing", Boolean.toString(radiativeForcing));
    }
}
