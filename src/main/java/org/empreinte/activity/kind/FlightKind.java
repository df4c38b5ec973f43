package org.empreinte.activity.kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.empreinte.calculation.Flights;
import org.empreinte.calculation.Flights.Airport;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.factor.AirportDirectory;
import org.empreinte.web.ValidationException;

/**
 * A flight, as {@code API.md} fixes it: {@code from} and {@code to} (IATA codes, or a city with one main airport), {@code cabin},
 * {@code roundTrip}, {@code passengers}, {@code flightFactors} (distance_bands, the default, or non_uk). With the airports, the distance is the great circle between them
 * and quantity and unit may be left out; without them, quantity is the distance of one leg. The factor
 * applies to passenger-km: distance x passengers x legs.
 */
public final class FlightKind implements ActivityKind {

    public static final String TYPE = "flight";
    /**
     * Which DESNZ factors price a flight: its distance band of the to/from-UK factors (the default, see the
     * README), or the single "International, to/from non-UK" factor of its cabin whatever the distance.
     */
    public static final String FLIGHT_FACTORS = "flightFactors";
    public static final String DISTANCE_BANDS = "distance_bands";
    public static final String NON_UK = "non_uk";
    public static final List<String> BASES = List.of(DISTANCE_BANDS, NON_UK);

    private final AirportDirectory airports;

    public FlightKind(AirportDirectory airports) {
        this.airports = airports;
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
        return List.of(Attribute.text("from").list("airports-from"), Attribute.text("to").list("airports-to"),
                Attribute.choice("cabin", Flights.CABINS, "cabin_").optional(), Attribute.flag("roundTrip"),
                Attribute.count("passengers"), Attribute.choice(FLIGHT_FACTORS, BASES, "flight_factors_").optional());
    }

    @Override
    public boolean quantityRequired() {
        return false;
    }

    @Override
    public Measure measure(Entry entry) {
        Map<String, Object> attributes = entry.attributes();
        String fromCode = Attributes.text(attributes.get("from"));
        String toCode = Attributes.text(attributes.get("to"));
        String cabin = cabin(attributes.get("cabin"));
        int passengers = Attributes.passengers(attributes.get("passengers"));
        int legs = roundTrip(attributes.get("roundTrip")) ? 2 : 1;

        double legKm;
        double quantity;
        MeasurementUnit unit;
        if (fromCode != null || toCode != null) {
            if (fromCode == null || toCode == null) {
                String missing = fromCode == null ? "attributes.from" : "attributes.to";
                throw new ValidationException(missing, "a flight needs both airports, from and to", "error_required");
            }
            if (entry.quantityGiven()) {
                throw new ValidationException("quantity", "give either the airports or a distance, not both",
                        "error_airports_or_distance");
            }
            Airport from = airport(fromCode, "attributes.from");
            Airport to = airport(toCode, "attributes.to");
            if (from.iata().equals(to.iata())) {
                throw new ValidationException("attributes.to", "a flight must land at another airport than it left",
                        "error_same_airport");
            }
            legKm = Flights.greatCircleKm(from, to);
            quantity = legKm;
            unit = Attributes.KM;
        } else {
            Measure entered = entry.entered();
            quantity = entered.quantity();
            unit = entered.unit();
            if (!unit.isCommensurableWith(Attributes.KM)) {
                throw new ValidationException("unit", "a flight without airports needs its distance in km or mi",
                        "error_unit", unit.symbol(), "km, mi");
            }
            legKm = MeasurementUnits.convert(quantity, unit, Attributes.KM);
        }
        String basis = Attributes.choice(attributes, FLIGHT_FACTORS, BASES, DISTANCE_BANDS);
        Map<String, String> criteria = basis.equals(NON_UK)
                ? Map.of("haul", NON_UK, "cabin", cabin == null ? "average" : cabin,
                        "radiativeForcing", Boolean.toString(entry.radiativeForcing()))
                : Flights.criteria(legKm, cabin, entry.radiativeForcing());
        return new Measure(quantity, unit, legKm * passengers * legs, Attributes.KM, criteria);
    }

    /** A flight between two airports as a person reads it: its route, there and back when it is, and who flew. */
    public record Trip(List<String> airports, int passengers, int legs) {
    }

    /** The trip of a flight logged by its airports; empty for one logged by its distance. */
    public static Optional<Trip> trip(Map<String, Object> attributes) {
        String from = attributes == null ? null : Attributes.text(attributes.get("from"));
        String to = attributes == null ? null : Attributes.text(attributes.get("to"));
        if (from == null || to == null) {
            return Optional.empty();
        }
        from = from.toUpperCase(Locale.ROOT);
        to = to.toUpperCase(Locale.ROOT);
        boolean roundTrip = roundTrip(attributes.get("roundTrip"));
        return Optional.of(new Trip(roundTrip ? List.of(from, to, from) : List.of(from, to),
                Attributes.passengers(attributes.get("passengers")), roundTrip ? 2 : 1));
    }

    /** An airport written as its city (Montréal) is stored as its code (YUL), as the API documents it. */
    @Override
    public Map<String, Object> canonical(Map<String, Object> attributes) {
        for (String key : List.of("from", "to")) {
            String text = Attributes.text(attributes.get(key));
            if (text != null) {
                attributes.put(key, airports.resolve(text, "attributes." + key).iata());
            }
        }
        return attributes;
    }

    /** Logged by its airports: the distance is derived from them. */
    @Override
    public boolean quantityIsDerived(Map<String, Object> attributes) {
        return attributes != null
                && (Attributes.text(attributes.get("from")) != null || Attributes.text(attributes.get("to")) != null);
    }

    /** An unticked round-trip box sends nothing: between two airports, that is a one-way flight. */
    @Override
    public Map<String, Object> fromForm(Map<String, Object> attributes) {
        if (!attributes.containsKey("roundTrip") && attributes.containsKey("from")) {
            attributes.put("roundTrip", "false");
        }
        return attributes;
    }

    private Airport airport(String code, String field) {
        return airports.resolve(code, field);
    }

    private static String cabin(Object value) {
        String cabin = Attributes.text(value);
        if (cabin == null) {
            return null;
        }
        cabin = cabin.toLowerCase(Locale.ROOT);
        if (!Flights.CABINS.contains(cabin)) {
            throw new ValidationException("attributes.cabin", "cabin must be one of " + Flights.CABINS, "error_cabin");
        }
        return cabin;
    }

    private static boolean roundTrip(Object value) {
        if (value == null || value.toString().isBlank()) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1" -> true;
            case "false", "no", "non", "0" -> false;
            default -> throw new ValidationException("attributes.roundTrip", "roundTrip must be true or false",
                    "error_round_trip");
        };
    }
}
