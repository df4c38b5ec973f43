package org.empreinte.activity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.web.ValidationException;

/**
 * The attributes of ground travel, hotels and waste as {@code API.md} fixes them, turned into the
 * criteria of their factors:
 * <ul>
 * <li>{@code car}: distance, {@code attributes.fuel} (gasoline, diesel, hybrid, plugin_hybrid,
 * electric; unknown when left out). An electric car draws the kWh per km of DESNZ's average electric
 * car and takes the electricity factor of the trip's region. A car's fuel in litres (a fleet's
 * fill-ups) is the fuel burned: scope 1, mobile combustion, with the fuel's factor.</li>
 * <li>{@code bus} ({@code kind} local or coach) and {@code train} (intercity, urban, international):
 * distance times {@code passengers} (1 when left out).</li>
 * <li>{@code taxi}: distance of the ride.</li>
 * <li>{@code hotel}: room-nights, in {@code attributes.country}, whose factor applies.</li>
 * <li>{@code waste}: mass, {@code attributes.material} and {@code attributes.disposal}.</li>
 * <li>{@code commuting} (GHG Protocol category 7): a survey's answer, quantity the one-way distance,
 * {@code attributes.employees}, {@code attributes.days} (working days in the period) and
 * {@code attributes.mode} (car, with its {@code fuel}; bus; train; metro). It is the trips one by one:
 * employees x days x 2 trips of that distance, with the mode's factor, one employee per car.</li>
 * <li>{@code homeworking}: hours at home, turned into energy (see {@link #homeworking}).</li>
 * </ul>
 */
final class TravelAndWaste {

    static final List<String> CAR_FUELS = List.of("gasoline", "diesel", "hybrid", "plugin_hybrid", "electric");
    static final List<String> BUS_KINDS = List.of("local", "coach");
    static final List<String> TRAIN_KINDS = List.of("intercity", "urban", "international");
    static final List<String> WASTE_MATERIALS = List.of("mixed", "food", "garden", "paper", "cardboard", "plastic", "glass",
            "metal", "electronics", "wood", "textiles");
    static final List<String> DISPOSALS = List.of("landfill", "recycling", "composting", "incineration");
    static final List<String> COMMUTING_MODES = List.of("car", "bus", "train", "metro");
    static final List<String> HEATING = List.of("electricity", "natural_gas", "none");
    static final List<String> TYPES = List.of("car", "bus", "train", "taxi", "hotel", "waste", "commuting", "homeworking");
    /** Factor types that serve other activities and cannot be logged themselves. */
    static final java.util.Set<String> INTERNAL_TYPES = java.util.Set.of("ev_electricity", "homeworking_energy");
    /** Home-working takes the factors of electricity and of its heating energy, through DESNZ's per-hour energy. */
    static final String HOMEWORKING = "homeworking";

    private static final MeasurementUnit KM = MeasurementUnits.find("km").orElseThrow();
    private static final MeasurementUnit KWH = MeasurementUnits.find("kWh").orElseThrow();
    private static final MeasurementUnit LITRE = MeasurementUnits.find("L").orElseThrow();
    private static final MeasurementUnit HOUR = MeasurementUnits.find("h").orElseThrow();

    private final FactorLibrary library;
    /** kWh per km of an average electric car, from the library once; empty when it lacks the two factors. */
    private final java.util.OptionalDouble electricCarKwhPerKm;
    /** kWh an hour of home-working for equipment and lighting, and of heat; empty when the library lacks their factors. */
    private final java.util.OptionalDouble homeEquipmentKwhPerHour;
    private final java.util.OptionalDouble homeHeatingKwhPerHour;

    TravelAndWaste(FactorLibrary library) {
        this.library = library;
        Optional<EmissionFactor> grid = factor("electricity", "GB", Map.of(), KWH);
        this.electricCarKwhPerKm = ratio(factor("ev_electricity", "GB", Map.of("fuel", "electric"), KM), grid);
        // DESNZ prices home-working per hour with the UK grid (equipment) and natural gas (heating):
        // dividing by those factors gives back the energy, which then takes the factors of the
        // activity's region and of the home's heating energy.
        this.homeEquipmentKwhPerHour = ratio(factor("homeworking_energy", "GB", Map.of("part", "equipment"), HOUR), grid);
        this.homeHeatingKwhPerHour = ratio(factor("homeworking_energy", "GB", Map.of("part", "heating"), HOUR),
                factor("natural_gas", "*", Map.of(), KWH));
    }

    private static java.util.OptionalDouble ratio(Optional<EmissionFactor> numerator, Optional<EmissionFactor> denominator) {
        return numerator.isPresent() && denominator.isPresent()
                ? java.util.OptionalDouble.of(numerator.get().co2ePerUnit() / denominator.get().co2ePerUnit())
                : java.util.OptionalDouble.empty();
    }

    static boolean handles(String type) {
        return TYPES.contains(type);
    }

    /** @param periodDays the days of the activity's period, which a commuting survey's days cannot exceed */
    Measure measure(String type, ActivityRequest request, Measure entered, long periodDays) {
        Map<String, Object> attributes = request.attributes() == null ? Map.of() : request.attributes();
        return switch (type) {
            case "car" -> car(attributes, entered);
            case "bus" -> passengers(attributes, entered, "kind", BUS_KINDS, "local");
            case "train" -> passengers(attributes, entered, "kind", TRAIN_KINDS, "intercity");
            case "hotel" -> hotel(attributes, entered);
            case "commuting" -> commuting(attributes, entered, periodDays);
            case HOMEWORKING -> homeworking(attributes, entered, periodDays);
            case "waste" -> entered.withCriteria(Map.of(
                    "material", choice(attributes, "material", WASTE_MATERIALS, null),
                    "disposal", choice(attributes, "disposal", DISPOSALS, null)));
            default -> entered;
        };
    }

    private Measure car(Map<String, Object> attributes, Measure entered) {
        String fuel = choice(attributes, "fuel", CAR_FUELS, "unknown");
        if (entered.unit().isCommensurableWith(LITRE) && !attributes.containsKey("mode")) {
            if (!fuel.equals("gasoline") && !fuel.equals("diesel")) {
                throw new ValidationException("attributes.fuel", "a car's fuel in litres must be gasoline or diesel",
                        "error_car_fuel_volume");
            }
            return new Measure(entered.quantity(), entered.unit(), entered.quantity(), entered.unit(), Map.of(), fuel, null, 1,
                    "mobile_combustion");
        }
        requireDistance(entered);
        if (fuel.equals("electric")) {
            double km = MeasurementUnits.convert(entered.quantity(), entered.unit(), KM);
            return new Measure(entered.quantity(), entered.unit(), km * electricCarKwhPerKm(), KWH, Map.of(), "electricity",
                    null, 3, "business_travel");
        }
        return entered.withCriteria(Map.of("fuel", fuel));
    }

    /** kWh per km of DESNZ's average electric car: its electricity per km divided by the UK grid factor it was computed with. */
    double electricCarKwhPerKm() {
        return electricCarKwhPerKm.orElseThrow(() -> new ValidationException("attributes.fuel",
                "the factor library has no electric-car consumption", "error_no_factor_region", "GB"));
    }

    private Optional<EmissionFactor> factor(String type, String region, Map<String, String> conditions, MeasurementUnit unit) {
        return library.sets().stream().flatMap(s -> s.factors().stream())
                .filter(f -> f.type().equals(type) && f.region().equals(region) && f.conditions().equals(conditions)
                        && f.unit().isCommensurableWith(unit))
                .findFirst();
    }

    /**
     * Home-working (GHG Protocol category 7, as DESNZ files it): hours worked at home, or with
     * {@code employees} and {@code days} a survey whose quantity is the hours of one day. Each hour
     * draws DESNZ's equipment and lighting energy at the region's grid, and its heat from the
     * home's {@code heating}: electricity (the default: most Québec homes heat with it) adds the
     * heat to the same kWh; natural gas takes the gas factor for the heat, and leaves the
     * equipment out (0.15 kWh: 0.26 g on Québec's grid against 302 g of gas heat, and one
     * activity applies one factor); none counts the equipment only.
     */
    private Measure homeworking(Map<String, Object> attributes, Measure entered, long periodDays) {
        if (!entered.unit().isCommensurableWith(HOUR)) {
            throw new ValidationException("unit", "home-working is counted in hours", "error_unit", entered.unit().symbol(), "h");
        }
        String heating = choice(attributes, "heating", HEATING, "electricity");
        double hours = MeasurementUnits.convert(entered.quantity(), entered.unit(), HOUR);
        if (attributes.containsKey("employees") || attributes.containsKey("days")) {
            if (hours > 24) {
                throw new ValidationException("quantity", "a survey's quantity is the hours of one day, at most 24",
                        "error_hours_per_day");
            }
            hours *= (double) count(attributes, "employees", 100_000)
                    * count(attributes, "days", (int) Math.min(periodDays, Integer.MAX_VALUE));
        }
        double equipment = homeEquipmentKwhPerHour.orElseThrow(this::noHomeworkingFactors);
        double heat = homeHeatingKwhPerHour.orElseThrow(this::noHomeworkingFactors);
        return switch (heating) {
            case "natural_gas" -> new Measure(entered.quantity(), entered.unit(), hours * heat, KWH, Map.of(), "natural_gas",
                    null, 3, "employee_commuting");
            case "none" -> new Measure(entered.quantity(), entered.unit(), hours * equipment, KWH, Map.of(), "electricity",
                    null, 3, "employee_commuting");
            default -> new Measure(entered.quantity(), entered.unit(), hours * (equipment + heat), KWH, Map.of(),
                    "electricity", null, 3, "employee_commuting");
        };
    }

    private ValidationException noHomeworkingFactors() {
        return new ValidationException("type", "the factor library has no home-working energy", "error_no_factor_region", "GB");
    }

    private static Measure passengers(Map<String, Object> attributes, Measure entered, String key, List<String> kinds,
            String defaultKind) {
        requireDistance(entered);
        String kind = choice(attributes, key, kinds, defaultKind);
        int passengers = FlightActivity.passengers(attributes.get("passengers"));
        return new Measure(entered.quantity(), entered.unit(), entered.quantity() * passengers, entered.unit(),
                Map.of(key, kind));
    }

    private Measure commuting(Map<String, Object> attributes, Measure entered, long periodDays) {
        requireDistance(entered);
        String mode = choice(attributes, "mode", COMMUTING_MODES, null);
        int employees = count(attributes, "employees", 100_000);
        int days = count(attributes, "days", (int) Math.min(periodDays, Integer.MAX_VALUE));
        double trips = 2.0 * employees * days;
        Measure trip = switch (mode) {
            case "car" -> car(attributes, entered);
            case "bus" -> entered.withCriteria(Map.of("kind", "local"));
            case "train" -> entered.withCriteria(Map.of("kind", "intercity"));
            default -> entered.withCriteria(Map.of("kind", "urban"));
        };
        String factorType = trip.factorType() != null ? trip.factorType() : mode.equals("metro") ? "train" : mode;
        return new Measure(entered.quantity(), entered.unit(), trip.factorQuantity() * trips, trip.factorUnit(),
                trip.criteria(), factorType, null, 3, "employee_commuting");
    }

    private static int count(Map<String, Object> attributes, String key, int max) {
        Object value = attributes.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new ValidationException("attributes." + key, key + " is required", "error_required");
        }
        try {
            double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
            if (number < 1 || number > max || number != Math.rint(number)) {
                throw new NumberFormatException();
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw new ValidationException("attributes." + key, key + " must be a whole number from 1 to " + max,
                    "error_whole_number", max);
        }
    }

    private static Measure hotel(Map<String, Object> attributes, Measure entered) {
        Object value = attributes.get("country");
        String country = value == null ? "" : value.toString().strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            throw new ValidationException("attributes.country", "a hotel stay needs its country (ISO 3166-1, such as CA)",
                    "error_required");
        }
        if (!java.util.Set.of(Locale.getISOCountries()).contains(country)) {
            throw new ValidationException("attributes.country", "unknown country code '" + country + "'", "error_region");
        }
        return new Measure(entered.quantity(), entered.unit(), entered.quantity(), entered.unit(), Map.of(), null, country,
                null, null);
    }

    private static void requireDistance(Measure entered) {
        if (!entered.unit().isCommensurableWith(KM)) {
            throw new ValidationException("unit", "a trip is measured in km or mi", "error_unit", entered.unit().symbol(),
                    "km, mi");
        }
    }

    private static String choice(Map<String, Object> attributes, String key, List<String> allowed, String defaultValue) {
        Object value = attributes.get(key);
        String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            if (defaultValue == null) {
                throw new ValidationException("attributes." + key, key + " is required: one of " + allowed, "error_required");
            }
            return defaultValue;
        }
        if (!allowed.contains(text)) {
            throw new ValidationException("attributes." + key, key + " must be one of " + allowed, "error_choice",
                    String.join(", ", allowed));
        }
        return text;
    }
}
