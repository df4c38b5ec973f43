package org.empreinte.web;

import java.util.Collection;
import java.util.Map;

/**
 * The rule every free text of a request follows, whether it comes as JSON, a form or a CSV row: no control
 * characters and no bidirectional embeddings, overrides or isolates. A NUL or an escape sequence in a name
 * would reach logs, CSV files and terminals as it is; an override (U+202E) makes a name or tag read otherwise
 * than it is written, in a page as in a spreadsheet. Refused rather than removed, so that what is stored is
 * what the person sent.
 *
 * <p>Refused everywhere: the C0 and C1 controls (U+0000 to U+001F, U+007F to U+009F) and the explicit
 * directional formatting characters (U+202A to U+202E, U+2066 to U+2069). A multi-line text keeps tab, line
 * feed and carriage return; a single line (a name, tag, title or label) refuses them too, and the Unicode
 * line and paragraph separators (U+2028, U+2029). The directional marks (U+200E, U+200F, U+061C) are allowed:
 * they reorder nothing by themselves, and names mixing Arabic or Hebrew with Latin script need them.
 */
public final class TextFields {

    private TextFields() {
    }

    /** A name, tag, title or label: one line. Returns it as given; null passes. */
    public static String line(String field, String value) {
        check(field, value, false);
        return value;
    }

    /** A description: several lines, as a person types them. Returns it as given; null passes. */
    public static String text(String field, String value) {
        check(field, value, true);
        return value;
    }

    /**
     * An optional text as stored: null when absent or blank, else stripped of surrounding blanks, so that a
     * form's empty field and a JSON null mean the same and "  Bureau " is the same category as "Bureau".
     */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Every text inside an activity's attributes, keys and values, nested ones too, each as a single line: a
     * refusal names the attribute ({@code attributes.from}), which is also its CSV column.
     */
    public static void attributes(String field, Map<String, ?> attributes) {
        if (attributes == null) {
            return;
        }
        attributes.forEach((key, value) -> {
            line(field, key);
            values(key == null ? field : field + "." + key, value);
        });
    }

    private static void values(String field, Object value) {
        if (value instanceof String text) {
            line(field, text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                values(field, key);
                values(field, inner);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(inner -> values(field, inner));
        }
    }

    private static void check(String field, String value, boolean multiLine) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (refused(c, multiLine)) {
                String codePoint = String.format("U+%04X", (int) c);
                throw new ValidationException(field, field + ": control characters are not allowed (" + codePoint
                        + " at character " + (i + 1) + ")", "error_control_characters", codePoint, i + 1);
            }
        }
    }

    static boolean refused(char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return !multiLine;
        }
        return c <= 0x1F || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || (!multiLine && (c == 0x2028 || c == 0x2029));
    }
}
