package org.empreinte.web;

import java.math.BigDecimal;

/**
 * The bounds a figure a person enters is held to, the same whether it comes as JSON, a form or a CSV row.
 * JSON and CSV can carry what no person means: -0, 1e-320 (a subnormal, below any measurement and
 * enough to turn a division into infinity), 1e308 (whose products overflow), and forms and CSV cells can
 * carry NaN and Infinity. A range with a smallest value above zero refuses all of them at once: NaN fails
 * every comparison, and -0 and subnormals lie below the smallest value.
 */
public final class NumberFields {

    private NumberFields() {
    }

    /** A figure from {@code min} (above zero) to {@code max}: an activity's quantity, a year's revenue. */
    public static double between(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ValidationException(field, field + " must be a number from " + plain(min) + " to " + plain(max),
                    "error_number_range", min, max);
        }
        return value;
    }

    /**
     * Zero, or a figure from {@code min} to {@code max}: the employees of an organization run by volunteers.
     * Zero is +0 only: -0 would be shown as "-0".
     */
    public static double zeroOrBetween(String field, double value, double min, double max) {
        if (Double.doubleToRawLongBits(value) == 0L) {
            return value;
        }
        if (!(value >= min && value <= max)) {
            throw new ValidationException(field, field + " must be 0, or a number from " + plain(min) + " to " + plain(max),
                    "error_number_zero_or_range", min, max);
        }
        return value;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
