package org.empreinte.target;

import static org.empreinte.web.TextFields.blankToNull;

import org.empreinte.calculation.Period;
import org.empreinte.web.MalformedRequestException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/** The checks targets and actions share. */
final class TargetChecks {

    static final int MAX_TEXT = 200;

    private TargetChecks() {
    }

    static int year(String field, Integer value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required", "error_required");
        }
        if (value < Period.EARLIEST_YEAR || value > Period.LATEST_YEAR) {
            throw new ValidationException(field, field + " must be a year between "
                    + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR, "error_year");
        }
        return value;
    }

    static String text(String field, String value, boolean required) {
        String clean = blankToNull(value);
        if (clean == null && required) {
            throw new ValidationException(field, field + " is required", "error_required");
        }
        if (clean != null && clean.length() > MAX_TEXT) {
            throw new ValidationException(field, field + " must be at most " + MAX_TEXT + " characters", "error_too_long",
                    MAX_TEXT);
        }
        return TextFields.line(field, clean);
    }

    static void requireBody(Object body) {
        if (body == null) {
            throw new MalformedRequestException(null, "a JSON body is required");
        }
    }
}
