package org.empreinte.activity.kind;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.web.ValidationException;

/**
 * A car: distance and {@code attributes.fuel} (gasoline, diesel, hybrid, plugin_hybrid, electric; unknown when
 * left out). An electric car draws the kWh per km of DESNZ's average electric car and takes the electricity
 * factor of the trip's region (business travel, scope 3). A car's fuel in litres (a fleet's fill-ups) is the
 * fuel burned: scope 1, mobile combustion, with the fuel's factor.
 */
public final class CarKind implements ActivityKind {

    public static final String TYPE = "car";
    public static final List<String> FUELS = List.of("gasoline", "diesel", "hybrid", "plugin_hybrid", "electric");
    private static final MeasurementUnit LITRE = MeasurementUnits.find("L").orElseThrow();

    /** kWh per km of an average electric car, from the library once; empty when it lacks the two factors. */
    private final OptionalDouble electricCarKwhPerKm;

    public CarKind(FactorLibrary library) {
        this.electricCarKwhPerKm = LibraryRatios.ratio(
                LibraryRatios.factor(library, "ev_electricity", "GB", Map.of("fuel", "electric"), Attributes.KM),
                LibraryRatios.factor(library, "electricity", "GB", Map.of(), Attributes.KWH));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Group group() {
        return Group.TRAVEL;
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.choice("fuel", FUELS, "fuel_"));
    }

    @Override
    public Set<String> servedFactorTypes() {
        return Set.of("ev_electricity");
    }

    @Override
    public List<String> units(FactorSelector selector) {
        return List.of("km", "mi", "L", "US gal");
    }

    @Override
    public Measure measure(Entry entry) {
        // A row that names a commuting mode is a trip, never a fleet's fuel, as it always was.
        return trip(entry.attributes(), entry.entered(), !entry.attributes().containsKey("mode"));
    }

    /**
     * One car trip, or a fleet's fuel when {@code fuelAllowed}: a commuting survey counts trips only.
     */
    Measure trip(Map<String, Object> attributes, Measure entered, boolean fuelAllowed) {
        String fuel = Attributes.choice(attributes, "fuel", FUELS, "unknown");
        if (fuelAllowed && entered.unit().isCommensurableWith(LITRE)) {
            if (!fuel.equals("gasoline") && !fuel.equals("diesel")) {
                throw new ValidationException("attributes.fuel", "a car's fuel in litres must be gasoline or diesel",
                        "error_car_fuel_volume");
            }
            return new Measure(entered.quantity(), entered.unit(), entered.quantity(), entered.unit(), Map.of(), fuel, null, 1,
                    "mobile_combustion");
        }
        Attributes.requireDistance(entered);
        if (fuel.equals("electric")) {
            double km = MeasurementUnits.convert(entered.quantity(), entered.unit(), Attributes.KM);
            double kwhPerKm = electricCarKwhPerKm.orElseThrow(() -> new ValidationException("attributes.fuel",
                    "the factor library has no electric-car consumption", "error_no_factor_region", "GB"));
            return new Measure(entered.quantity(), entered.unit(), km * kwhPerKm, Attributes.KWH, Map.of(), "electricity",
                    null, 3, "business_travel");
        }
        return entered.withCriteria(Map.of("fuel", fuel));
    }
}
