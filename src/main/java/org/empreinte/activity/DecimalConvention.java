package org.empreinte.activity;

import java.util.regex.Pattern;

import org.empreinte.activity.ImportRefusedException.RowError;
import org.empreinte.web.CsvCells;

/**
 * How one file writes its numbers: with a decimal point (1234.5, the layout Empreinte writes) or, as a French
 * spreadsheet saves them, with a decimal comma and spaces between thousands (12 000,5, the space often a
 * non-breaking or a narrow one). A file keeps to one: the first number that shows its decimal mark sets it,
 * and a later number written the other way is refused, naming that first row, since "1,500" or "1.500" could
 * then be read a thousand times off. A number with neither mark (1200) fits both.
 *
 * <p>Before any mark is seen, a comma-separated file is taken to write decimal points and no spaces, as its
 * layout always has: there a comma inside a number needs quotes, so a decimal comma is deliberate and is
 * what sets the comma. A semicolon-separated file or a workbook is taken to write decimal commas.
 */
final class DecimalConvention {

    private static final Pattern COMMA = Pattern.compile("[+-]?(\\d{1,3}( \\d{3})+|\\d+)(,\\d*)?|[+-]?,\\d+");
    /** One comma then three digits: English thousands, or a French decimal; only the file can say which. */
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3},\\d{3}");
    private static final Pattern SPACES = Pattern.compile("[ \u00A0\u202F\u2009]");

    private final boolean commaByDefault;
    private Boolean comma;
    private int setAtRow;
    private String setBy;

    DecimalConvention(boolean commaByDefault) {
        this.commaByDefault = commaByDefault;
    }

    /** The file's numbers are taken to be written as a spreadsheet saves them in French. */
    static DecimalConvention commaFirst() {
        return new DecimalConvention(true);
    }

    static DecimalConvention pointFirst() {
        return new DecimalConvention(false);
    }

    /** A number read from a cell, or an error naming the row and column and what this file's numbers look like. */
    record Reading(Double value, RowError error) {
    }

    Reading read(int row, String column, String text) {
        String spaced = SPACES.matcher(text.strip()).replaceAll(" ");
        boolean point = CsvCells.DECIMAL.matcher(spaced).matches();
        boolean commaForm = !point && COMMA.matcher(spaced).matches();
        boolean showsPoint = point && spaced.contains(".");
        boolean showsComma = commaForm && (spaced.contains(",") || spaced.contains(" "));
        boolean expectComma = comma != null ? comma : commaByDefault;
        if (comma == null && !commaByDefault && THOUSANDS.matcher(spaced).matches()) {
            // In a comma-separated file nothing yet says which mark this is: an English spreadsheet groups
            // thousands so. Guessing would be a thousand times off one way or the other.
            return new Reading(null, RowError.of(row, column, column + " '" + spaced + "' could be read as "
                    + spaced.replace(",", "") + " or as " + spaced.replace(',', '.') + ": write it without its comma, or with"
                    + " a decimal point", "error_csv_decimal_ambiguous", spaced, spaced.replace(",", ""),
                    spaced.replace(',', '.')));
        }
        if (showsPoint && comma == null || showsComma && comma == null && (commaByDefault || spaced.contains(","))) {
            comma = showsComma;
            setAtRow = row;
            setBy = text.strip();
            expectComma = comma;
        }
        if (point && !(showsPoint && expectComma)) {
            return new Reading(Double.valueOf(spaced), null);
        }
        if (commaForm && expectComma) {
            return new Reading(Double.valueOf(spaced.replace(" ", "").replace(',', '.')), null);
        }
        return new Reading(null, refusal(row, column, text.strip(), expectComma));
    }

    private RowError refusal(int row, String column, String value, boolean expectComma) {
        int at = comma == null ? 0 : setAtRow;
        String as = at == 0 ? "" : " (as row " + at + ": " + setBy + ")";
        if (expectComma) {
            return RowError.of(row, column, column + " '" + value + "' is not written as this file writes its numbers: with a"
                    + " decimal comma, such as 1234,5 or 12 000,5" + as, "error_csv_decimal_comma", value, at, setBy == null ? "" : setBy, String.valueOf(at));
        }
        return RowError.of(row, column, column + " '" + value + "' is not written as this file writes its numbers: with a"
                + " decimal point, such as 1234.5 (no spaces, no thousands separator)" + as, "error_csv_decimal", value, at,
                setBy == null ? "" : setBy, String.valueOf(at));
    }
}
