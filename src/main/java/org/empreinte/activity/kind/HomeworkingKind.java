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
 * Home-working (GHG Protocol category 7, as DESNZ files it): hours worked at home, or with {@code employees}
 * and {@code days} a survey whose quantity is the hours of one day. Each hour draws DESNZ's equipment and
 * lighting energy at the region's grid, and its heat from the home's {@code heating}: electricity (the
 * default: most Québec homes heat with it) adds the heat to the same kWh; natural gas takes the gas factor for
 * the heat, and leaves the equipment out (0.15 kWh: 0.26 g on Québec's grid against 302 g of gas heat, and one
 * activity applies one factor); none counts the equipment only.
 */
public final class HomeworkingKind implements ActivityKind {

    public static final String TYPE = "homeworking";
    public static final List<String> HEATING = List.of("electricity", "natural_gas", "none");
    private static final String ENERGY = "homeworking_energy";
    private static final MeasurementUnit HOUR = MeasurementUnits.find("h").orElseThrow();

    /** kWh an hour for equipment and lighting, and of heat; empty when the library lacks their factors. */
    private final OptionalDouble equipmentKwhPerHour;
    private final OptionalDouble heatingKwhPerHour;

    public HomeworkingKind(FactorLibrary library) {
        this.equipmentKwhPerHour = LibraryRatios.ratio(
                LibraryRatios.factor(library, ENERGY, "GB", Map.of("part", "equipment"), HOUR),
                LibraryRatios.factor(library, "electricity", "GB", Map.of(), Attributes.KWH));
        this.heatingKwhPerHour = LibraryRatios.ratio(
                LibraryRatios.factor(library, ENERGY, "GB", Map.of("part", "heating"), HOUR),
                LibraryRatios.factor(library, "natural_gas", "*", Map.of(), Attributes.KWH));
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
        return List.of(Attribute.choice("heating", HEATING, "heating_"), Attribute.number("employees"),
                Attribute.number("days"));
    }

    @Override
    public boolean available(Set<String> factorTypes) {
        return factorTypes.contains(ENERGY);
    }

    @Override
    public Set<String> servedFactorTypes() {
        return Set.of(ENERGY);
    }

    @Override
    public List<String> units(FactorSelector selector) {
        return List.of("h");
    }

    @Override
    public Measure measure(Entry entry) {
        Measure entered = entry.entered();
        Map<String, Object> attributes = entry.attributes();
        if (!entered.unit().isCommensurableWith(HOUR)) {
            throw new ValidationException("unit", "home-working is counted in hours", "error_unit", entered.unit().symbol(), "h");
        }
        String heating = Attributes.choice(attributes, "heating", HEATING, "electricity");
        double hours = MeasurementUnits.convert(entered.quantity(), entered.unit(), HOUR);
        if (attributes.containsKey("employees") || attributes.containsKey("days")) {
            if (hours > 24) {
                throw new ValidationException("quantity", "a survey's quantity is the hours of one day, at most 24",
                        "error_hours_per_day");
            }
            hours *= (double) Attributes.count(attributes, "employees", 100_000)
                    * Attributes.count(attributes, "days", Attributes.periodDays(entry));
        }
        double equipment = equipmentKwhPerHour.orElseThrow(HomeworkingKind::noEnergyFactors);
        double heat = heatingKwhPerHour.orElseThrow(HomeworkingKind::noEnergyFactors);
        return switch (heating) {
            case "natural_gas" -> new Measure(entered.quantity(), entered.unit(), hours * heat, Attributes.KWH, Map.of(),
                    "natural_gas", null, 3, "employee_commuting");
            case "none" -> new Measure(entered.quantity(), entered.unit(), hours * equipment, Attributes.KWH, Map.of(),
                    "electricity", null, 3, "employee_commuting");
            default -> new Measure(entered.quantity(), entered.unit(), hours * (equipment + heat), Attributes.KWH, Map.of(),
                    "electricity", null, 3, "employee_commuting");
        };
    }

    private static ValidationException noEnergyFactors() {
        return new ValidationException("type", "the factor library has no home-working energy", "error_no_factor_region", "GB");
    }
}
