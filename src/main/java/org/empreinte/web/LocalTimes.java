package org.empreinte.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Instants as a person reads them: in the organization's time zone (Québec's, America/Toronto, unless the system
 * property {@code empreinte.timeZone} names another) and the reader's language, to the minute: "29 nov. 2026,
 * 05 h 30" rather than "2026-11-29T10:30:12.061750970Z". The API keeps ISO-8601 in UTC.
 */
public final class LocalTimes {

    public static final ZoneId ZONE = ZoneId.of(System.getProperty("empreinte.timeZone", "America/Toronto"));

    private LocalTimes() {
    }

    /** {@code iso} as stored (ISO-8601 instant); null stays null, and text that is not an instant is shown as it is. */
    public static String format(String iso, Locale locale) {
        if (iso == null || iso.isBlank()) {
            return iso;
        }
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                    .withZone(ZONE).format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
