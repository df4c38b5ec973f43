package org.empreinte.activity.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.empreinte.calculation.EmissionCalculator;
import org.empreinte.calculation.EmissionLine;
import org.empreinte.calculation.EmissionLines;
import org.empreinte.calculation.EmissionResult;
import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.web.ValidationException;

/**
 * A car: distance and {@code attributes.fuel} (gasoline, diesel, hybrid, plugin_hybrid, electric; unknown when
 * left out). An electric car draws the kWh per km of DESNZ's average electric car and takes the electricity
 * factor of the trip's region (business travel, scope 3). A car's fuel in litres (a fleet's fill-ups) is the
 * fuel burned: scope 1, mobile combustion, with the fuel's factor, and its upstream; a plug-in hybrid's litres are
 * gasoline, and {@code attributes.chargedKwh} (the kWh its charger or the utility's bill counts; a form field shown
 * for a plug-in hybrid, a CSV or XLSX column) adds its charging at the region's grid.
 */
public final class CarKind implements ActivityKind {

    public static final String TYPE = "car";
    /** A plug-in hybrid's kWh charged over the period of its fill-ups. */
    public static final String CHARGED_KWH = "chargedKwh";
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
        return List.of(Attribute.choice("fuel", FUELS, "fuel_"),
                Attribute.decimal(CHARGED_KWH).onlyWith("fuel", "plugin_hybrid"));
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
     * A fleet's fuel in litres has its combustion (scope 1) and its upstream (scope 3 category 3); a plug-in hybrid's
     * also its charging at the region's grid (scope 2: the organization buys that electricity for its vehicle), split
     * as any electricity is into generation and losses. A trip by distance has its direct line and the upstream of its
     * fuel per km ({@code car_upstream}, business travel like the trip), an electric car's trip its direct line alone.
     */
    @Override
    public List<EmissionLine> lines(EmissionCalculator calculator, Measure measure, String type, Period period,
            String region, EmissionResult direct) {
        if (measure.factorType() == null || !Integer.valueOf(1).equals(measure.scope())) {
            return ActivityKind.super.lines(calculator, measure, type, period, region, direct);
        }
        List<EmissionLine> lines = new ArrayList<>(EmissionLines.of(calculator, measure.factorType(),
                measure.factorQuantity(), measure.factorUnit(), period, region, direct));
        if (measure.chargedKwh() != null) {
            EmissionResult grid = EmissionLines.optional(calculator, EmissionLines.ELECTRICITY, measure.chargedKwh(),
                    Attributes.KWH, period, region);
            if (grid == null) {
                throw new ValidationException("attributes.chargedKwh", "no electricity factor for region " + region
                        + " to price the charging", "error_no_factor_region", region);
            }
            List<EmissionLine> charging = EmissionLines.of(calculator, EmissionLines.ELECTRICITY, measure.chargedKwh(),
                    Attributes.KWH, period, region, grid);
            EmissionLine generation = charging.get(0);
            lines.add(new EmissionLine(EmissionLine.CHARGING, generation.scope(), generation.category(), generation.result()));
            lines.addAll(charging.subList(1, charging.size()));
        }
        return lines;
    }

    /** A plug-in hybrid's kWh charged over the period of its fill-ups, {@code attributes.chargedKwh}; null when absent. */
    private static Double chargedKwh(Map<String, Object> attributes) {
        Object value = attributes.get(CHARGED_KWH);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        double kwh;
        try {
            kwh = value instanceof Number number ? number.doubleValue() : Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            kwh = Double.NaN;
        }
        if (!(kwh >= 0 && kwh <= 1e9)) {
            throw new ValidationException("attributes.chargedKwh", "attributes.chargedKwh must be a number of kWh from 0"
                    + " to 1,000,000,000", "error_charged_kwh");
        }
        return kwh;
    }

    /** Kept silently, the kWh would count for nothing: charging is priced with a plug-in hybrid's fuel in litres. */
    private static ValidationException chargedKwhApartFromLitres() {
        return new ValidationException("attributes.chargedKwh", "attributes.chargedKwh is for a plug-in hybrid's fuel in"
                + " litres (fuel plugin_hybrid, unit L or US gal)", "error_charged_kwh_litres");
    }

    /**
     * One car trip, or a fleet's fuel when {@code fuelAllowed}: a commuting survey counts trips only.
     */
    Measure trip(Map<String, Object> attributes, Measure entered, boolean fuelAllowed) {
        String fuel = Attributes.choice(attributes, "fuel", FUELS, "unknown");
        if (fuelAllowed && entered.unit().isCommensurableWith(LITRE)) {
            boolean pluginHybrid = fuel.equals("plugin_hybrid");
            if (!fuel.equals("gasoline") && !fuel.equals("diesel") && !pluginHybrid) {
                throw new ValidationException("attributes.fuel", "a car's fuel in litres must be gasoline, diesel or"
                        + " plugin_hybrid", "error_car_fuel_volume_lines");
            }
            // A plug-in hybrid burns gasoline; the kWh it was charged with, when given, are its charging line.
            Double charged = chargedKwh(attributes);
            if (charged != null && !pluginHybrid) {
                throw chargedKwhApartFromLitres();
            }
            return new Measure(entered.quantity(), entered.unit(), entered.quantity(), entered.unit(), Map.of(),
                    pluginHybrid ? "gasoline" : fuel, null, 1, "mobile_combustion", charged);
        }
        if (chargedKwh(attributes) != null) {
            throw chargedKwhApartFromLitres();
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
