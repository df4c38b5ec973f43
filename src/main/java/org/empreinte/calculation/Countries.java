package org.empreinte.calculation;

import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Countries as a person writes them: the ISO 3166-1 code (DE, or DEU), or the country's name in French or
 * English as the JDK's locale data gives it (Allemagne, Germany), accents, case and hyphens aside.
 */
public final class Countries {

    private static final List<Locale> LANGUAGES = List.of(Locale.CANADA_FRENCH, Locale.FRENCH, Locale.ENGLISH);
    private static final Map<String, String> BY_KEY;

    static {
        Map<String, String> byKey = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            byKey.put(key(code), code);
            byKey.putIfAbsent(key(country.getISO3Country()), code);
            for (Locale language : LANGUAGES) {
                byKey.putIfAbsent(key(country.getDisplayCountry(language)), code);
            }
        }
        BY_KEY = Collections.unmodifiableMap(byKey);
    }

    private Countries() {
    }

    /** The ISO 3166-1 alpha-2 code of the country so written; empty when it names none. */
    public static Optional<String> code(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(text)));
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }
}
