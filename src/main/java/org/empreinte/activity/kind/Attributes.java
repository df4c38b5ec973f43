package org.empreinte.activity.kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.web.ValidationException;

/** The checks several kinds make on their attributes, with the refusals API.md names. */
final class Attributes {

    static final MeasurementUnit KM = MeasurementUnits.find("km").orElseThrow();
    static final MeasurementUnit KWH = MeasurementUnits.find("kWh").orElseThrow();

    private Attributes() {
    }

    /** One of {@code allowed}, in lower case; {@code defaultValue} when empty, or refused when that is null. */
    static String choice(Map<String, Object> attributes, String key, List<String> allowed, String defaultValue) {
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

    /** A required whole number from 1 to {@code max} (employees, days). */
    static int count(Map<String, Object> attributes, String key, int max) {
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

    /** Travellers on one ticket, 1 when left out. */
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

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static void requireDistance(Measure entered) {
        if (!entered.unit().isCommensurableWith(KM)) {
            throw new ValidationException("unit", "a trip is measured in km or mi", "error_unit", entered.unit().symbol(),
                    "km, mi");
        }
    }

    /** The days a survey's days cannot exceed: those of its period. */
    static int periodDays(Entry entry) {
        return (int) Math.min(entry.period().days(), Integer.MAX_VALUE);
    }
}
