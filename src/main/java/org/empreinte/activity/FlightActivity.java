package org.empreinte.activity;

import java.util.Locale;
import java.util.Map;

import org.empreinte.calculation.Flights;
import org.empreinte.calculation.Flights.Airport;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.factor.AirportDirectory;
import org.empreinte.web.ValidationException;

/**
 * A flight's attributes as {@code API.md} fixes them: {@code from} and {@code to} (IATA codes),
 * {@code cabin}, {@code roundTrip}, {@code passengers}. With the airports, the distance is the great
 * circle between them and quantity and unit may be left out; without them, quantity is the
 * distance of one leg. The factor applies to passenger-km: distance x passengers x legs.
 */
final class FlightActivity {

    static final String TYPE = "flight";
    private static final MeasurementUnit KM = MeasurementUnits.find("km").orElseThrow();

    private FlightActivity() {
    }

    static Measure measure(ActivityRequest request, AirportDirectory airports, boolean radiativeForcing,
            java.util.function.Supplier<Measure> enteredQuantity) {
        Map<String, Object> attributes = request.attributes() == null ? Map.of() : request.attributes();
        String fromCode = text(attributes.get("from"));
        String toCode = text(attributes.get("to"));
        String cabin = cabin(attributes.get("cabin"));
        int passengers = passengers(attributes.get("passengers"));
        int legs = roundTrip(attributes.get("roundTrip")) ? 2 : 1;

        double legKm;
        double quantity;
        MeasurementUnit unit;
        if (fromCode != null || toCode != null) {
            if (fromCode == null || toCode == null) {
                String missing = fromCode == null ? "attributes.from" : "attributes.to";
                throw new ValidationException(missing, "a flight needs both airports, from and to", "error_required");
            }
            if (request.quantity() != null) {
                throw new ValidationException("quantity", "give either the airports or a distance, not both",
                        "error_airports_or_distance");
            }
            Airport from = airport(airports, fromCode, "attributes.from");
            Airport to = airport(airports, toCode, "attributes.to");
            if (from.iata().equals(to.iata())) {
                throw new ValidationException("attributes.to", "a flight must land at another airport than it left",
                        "error_same_airport");
            }
            legKm = Flights.greatCircleKm(from, to);
            quantity = legKm;
            unit = KM;
        } else {
            Measure entered = enteredQuantity.get();
            quantity = entered.quantity();
            unit = entered.unit();
            if (!unit.isCommensurableWith(KM)) {
                throw new ValidationException("unit", "a flight without airports needs its distance in km or mi",
                        "error_unit", unit.symbol(), "km, mi");
            }
            legKm = MeasurementUnits.convert(quantity, unit, KM);
        }
        return new Measure(quantity, unit, legKm * passengers * legs, KM, Flights.criteria(legKm, cabin, radiativeForcing));
    }

    /** True when the flight was logged by its airports, its distance derived from them. */
    static boolean hasAirports(Map<String, Object> attributes) {
        return attributes != null && (text(attributes.get("from")) != null || text(attributes.get("to")) != null);
    }

    /**
     * True when an activity's stored quantity was derived rather than entered (a flight's distance
     * between its airports): what rebuilds the activity as logged (a recomputation, an export) leaves
     * it out, or the activity would be refused for giving both.
     */
    static boolean quantityIsDerived(String type, Map<String, Object> attributes) {
        return TYPE.equals(type) && hasAirports(attributes);
    }

    private static Airport airport(AirportDirectory airports, String code, String field) {
        return airports.find(code).orElseThrow(() -> new ValidationException(field,
                "unknown airport code '" + code + "'", "error_airport", code));
    }

    private static String cabin(Object value) {
        String cabin = text(value);
        if (cabin == null) {
            return null;
        }
        cabin = cabin.toLowerCase(Locale.ROOT);
        if (!Flights.CABINS.contains(cabin)) {
            throw new ValidationException("attributes.cabin", "cabin must be one of " + Flights.CABINS, "error_cabin");
        }
        return cabin;
    }

    static int passengers(Object value) {
        if (value == null || value.toString().isBlank()) {
            return 1;
        }
        try {
            double number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
            if (number < 1 || number != Math.rint(number) || number > 10_000) {
                throw new NumberFormatException();
            }
            return (int) number;
        } catch (NumberFormatException e) {
            throw new ValidationException("attributes.passengers", "passengers must be a whole number from 1",
                    "error_passengers");
        }
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

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
