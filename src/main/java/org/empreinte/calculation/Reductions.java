package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typical reductions for a social-economy organization, each a change of activity (what it logs now, what it would
 * log instead) that the action plan's estimate turns into kg CO2e, with the same factors as logging would.
 *
 * <p>The changes, and the one assumption each carries:
 * <ul>
 * <li>Heating with natural gas: a heat pump instead. The heat the gas gave, taken as all of its energy (boiler
 * losses ignored, which overstates the electricity and so understates the reduction), is given by a heat pump of
 * seasonal coefficient of performance {@link #HEAT_PUMP_COP}: kWh of electricity = kWh of gas / COP. The gas's energy
 * per m³ comes from the library (the caller passes it), not from here.</li>
 * <li>Any fuel or electricity: 10 % less of it (thermostats, maintenance, lighting), the same activity otherwise.</li>
 * <li>Flights whose legs are at most {@link #TRAIN_UP_TO_KM} (Québec–Toronto): the same passenger-km by intercity
 * train. The rail route is longer than the great circle; it is not lengthened here, so say so beside it.</li>
 * <li>Food and garden waste sent to landfill: composted; paper, cardboard, plastic, glass and metal sent to landfill:
 * recycled; the same mass.</li>
 * </ul>
 */
public final class Reductions {

    public static final double HEAT_PUMP_COP = 2.5;
    public static final double SAVING_SHARE = 0.10;
    public static final double TRAIN_UP_TO_KM = 1000;
    static final Set<String> SAVABLE = Set.of("electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline");
    static final Set<String> COMPOSTABLE = Set.of("food", "garden");
    static final Set<String> RECYCLABLE = Set.of("paper", "cardboard", "plastic", "glass", "metal");

    /** One side of a change: an activity as the activity form logs it (attribute names as the API's). */
    public record Side(String type, double quantity, String unit, Map<String, String> attributes) {
    }

    /** A reduction: its key names the wording ({@code reduction_<key>}). */
    public record Change(String key, Side from, Side to) {
    }

    private Reductions() {
    }

    /**
     * The changes for a year's quantity of one type in one unit.
     *
     * @param conditions the factor's conditions that applied (a waste's material and disposal)
     * @param gasKwhPerM3 the energy of a cubic metre of natural gas, null when the library gives none
     */
    public static List<Change> forSource(String type, double quantity, String unit, Map<String, String> conditions,
            Double gasKwhPerM3) {
        List<Change> changes = new ArrayList<>();
        if (!(quantity > 0)) {
            return changes;
        }
        if ("natural_gas".equals(type)) {
            Double kwh = "kWh".equals(unit) ? Double.valueOf(quantity)
                    : "m3".equals(unit) && gasKwhPerM3 != null ? quantity * gasKwhPerM3 : null;
            if (kwh != null) {
                changes.add(new Change("heat_pump", new Side(type, quantity, unit, Map.of()),
                        new Side("electricity", kwh / HEAT_PUMP_COP, "kWh", Map.of())));
            }
        }
        if (SAVABLE.contains(type)) {
            changes.add(new Change("save_" + ("electricity".equals(type) ? "electricity" : "fuel"),
                    new Side(type, quantity, unit, Map.of()), new Side(type, quantity * (1 - SAVING_SHARE), unit, Map.of())));
        }
        if ("waste".equals(type) && "landfill".equals(conditions.get("disposal"))) {
            String material = conditions.get("material");
            String disposal = COMPOSTABLE.contains(material) ? "composting" : RECYCLABLE.contains(material) ? "recycling" : null;
            if (disposal != null) {
                changes.add(new Change(disposal, new Side(type, quantity, unit, Map.of("material", material, "disposal", "landfill")),
                        new Side(type, quantity, unit, Map.of("material", material, "disposal", disposal))));
            }
        }
        return changes;
    }

    /**
     * Flights by train: {@code legs} passenger legs (legs times passengers) of {@code averageLegKm} each, all of them
     * at most {@link #TRAIN_UP_TO_KM}; the plane is logged as one leg of that distance with as many passengers.
     */
    public static Change trainInsteadOfPlane(double averageLegKm, int passengerLegs) {
        if (!(averageLegKm > 0) || passengerLegs <= 0) {
            return null;
        }
        String passengers = Integer.toString(passengerLegs);
        return new Change("train", new Side("flight", averageLegKm, "km", Map.of("passengers", passengers)),
                new Side("train", averageLegKm, "km", Map.of("kind", "intercity", "passengers", passengers)));
    }
}
