package org.empreinte.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The cells of every CSV file Empreinte writes and reads back: numbers as written, text that never runs. In
 * web because the activities' CSV and the report's both write them, and neither feature is the other's to own.
 */
public final class CsvCells {

    /** A number as a CSV file may hold it: {@link #decimal}'s form, and the exponents of files written elsewhere. */
    public static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    /** What a spreadsheet may run as a formula (OWASP, CSV injection), behind any apostrophes already there. */
    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);

    private CsvCells() {
    }

    /**
     * A cell that a spreadsheet shows and never runs (OWASP's rule against CSV injection): text starting with
     * =, +, - or @, a tab or a carriage return gets a leading apostrophe, which spreadsheets read as "text
     * follows" and do not show. A number (-5, -0.3) is left as it is: it runs nothing, and a column of numbers
     * stays numbers. Text that already starts with apostrophes before such a character gets one more, so that
     * {@link #fromCell} removes exactly what was added and an export imports back as it was. Every CSV file
     * Empreinte writes goes through here.
     */
    public static String toCell(String text) {
        return text != null && runnable(text) ? "'" + text : text;
    }

    /** A cell as {@link #toCell} wrote it, back to its text: one apostrophe fewer before what could run. */
    public static String fromCell(String cell) {
        return cell.startsWith("'") && runnable(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** A number in full with a point, never an exponent, so that every spreadsheet reads the same value. */
    public static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean runnable(String text) {
        return FORMULA.matcher(text).matches() && !DECIMAL.matcher(text).matches();
    }
}
