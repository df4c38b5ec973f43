package org.empreinte.calculation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The region codes Empreinte accepts: every ISO 3166-1 country (from the JDK's list) and the
 * ISO 3166-2 subdivisions in {@code regions.csv}: Canada's provinces and territories, the
 * regions of France and the states of the United States.
 */
public final class Regions {

    public record Region(String code, String nameFr, String nameEn) {
        public String name(Locale locale) {
            String name = "en".equals(locale.getLanguage()) ? nameEn : nameFr;
            return name == null || name.isBlank() ? code : name;
        }
    }

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Map<String, Region> SUBDIVISIONS = load();

    private Regions() {
    }

    public static boolean isKnown(String code) {
        return code != null && (COUNTRIES.contains(code) || SUBDIVISIONS.containsKey(code));
    }

    /** The provinces and territories of Canada, for the pages' lists. */
    public static List<Region> canadian() {
        return SUBDIVISIONS.values().stream().filter(r -> r.code().startsWith("CA-")).toList();
    }

    public static String name(String code, Locale locale) {
        Region region = SUBDIVISIONS.get(code);
        if (region != null) {
            return region.name(locale);
        }
        if (COUNTRIES.contains(code)) {
            return new Locale("", code).getDisplayCountry(locale);
        }
        return code;
    }

    private static Map<String, Region> load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        try (InputStream in = Regions.class.getResourceAsStream("regions.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", -1);
                regions.put(cells[0], new Region(cells[0], cells[1], cells[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(regions);
    }

    public static List<String> subdivisionCodes() {
        return new ArrayList<>(SUBDIVISIONS.keySet());
    }
}
