package org.empreinte.factor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.empreinte.calculation.Flights.Airport;
import org.empreinte.web.ValidationException;

/**
 * The airports of {@code airports.csv} (OurAirports, public domain: medium and large airports
 * with an IATA code), by IATA code.
 */
public final class AirportDirectory {

    public static final String FILE = "airports.csv";

    private final Map<String, Airport> byCode;
    /** 0 a large airport with scheduled service, 1 a large one, 2 another with scheduled service, 3 the rest. */
    private final Map<String, Integer> importance;

    private AirportDirectory(Map<String, Airport> byCode, Map<String, Integer> importance) {
        this.byCode = Collections.unmodifiableMap(byCode);
        this.importance = Collections.unmodifiableMap(importance);
    }

    public static AirportDirectory empty() {
        return new AirportDirectory(Map.of(), Map.of());
    }

    /** Reads the file; a row that cannot be used stops start-up with its line. A missing file gives no airports. */
    public static AirportDirectory load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        Map<String, Airport> airports = new LinkedHashMap<>();
        Map<String, Integer> importance = new LinkedHashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(schema).readValues(file.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                int line = rows.getCurrentLocation().getLineNr();
                String code = row.getOrDefault("iata", "").strip().toUpperCase(Locale.ROOT);
                if (!code.matches("[A-Z0-9]{3}")) {
                    throw new FactorFileException(file, line, "iata", "'" + code + "' is not a 3-letter IATA code");
                }
                try {
                    double latitude = Double.parseDouble(row.get("latitude"));
                    double longitude = Double.parseDouble(row.get("longitude"));
                    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                        throw new NumberFormatException("out of range");
                    }
                    airports.put(code, new Airport(code, row.get("name"), row.get("municipality"), row.get("country"),
                            row.get("region"), latitude, longitude));
                    boolean large = "large_airport".equals(row.get("type"));
                    boolean scheduled = "yes".equals(row.get("scheduled_service"));
                    importance.put(code, large ? (scheduled ? 0 : 1) : (scheduled ? 2 : 3));
                } catch (NumberFormatException | NullPointerException e) {
                    throw new FactorFileException(file, line, "latitude", "airport " + code + " has no valid coordinates");
                }
            }
        } catch (IOException e) {
            throw new FactorFileException(file, 0, null, "cannot read the airports: " + e.getMessage(), e);
        }
        return new AirportDirectory(airports, importance);
    }

    public Optional<Airport> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The airport a person means: its IATA code (as always), or the name of its city, accents and case aside, when
     * the city has one airport or one main airport: a large airport before the others, then one with scheduled
     * service. Montréal is YUL (not Saint-Hubert or Mirabel); Paris, with two large airports, is refused with both.
     * Refused (422 naming the field) when the text is neither, with the airports the person may have meant.
     */
    public Airport resolve(String text, String field) {
        Optional<Airport> byItsCode = find(text);
        if (byItsCode.isPresent()) {
            return byItsCode.get();
        }
        String typed = text == null ? "" : text.strip();
        String city = fold(typed);
        List<Airport> inCity = byCode.values().stream().filter(a -> a.city() != null && fold(a.city()).equals(city)).toList();
        if (inCity.isEmpty()) {
            if (typed.matches("[A-Za-z0-9]{3}")) {
                throw new ValidationException(field, "unknown airport code '" + typed + "'", "error_airport", typed);
            }
            List<Airport> near = search(typed, 5);
            String suggestions = near.isEmpty() ? "" : "; did you mean " + describe(near) + "?";
            throw new ValidationException(field, "unknown airport '" + typed + "': give its IATA code (YUL) or its city"
                    + " (Montréal)" + suggestions, near.isEmpty() ? "error_airport_unknown" : "error_airport_suggest", typed,
                    describe(near));
        }
        int best = inCity.stream().mapToInt(a -> importance.getOrDefault(a.iata(), 3)).min().orElse(3);
        List<Airport> main = inCity.stream().filter(a -> importance.getOrDefault(a.iata(), 3) == best).toList();
        if (main.size() == 1) {
            return main.get(0);
        }
        throw new ValidationException(field, "'" + typed + "' has several airports: " + describe(main)
                + "; give the IATA code of one", "error_airport_ambiguous", typed, describe(main));
    }

    private static String describe(List<Airport> airports) {
        return airports.stream().map(a -> a.iata() + " (" + a.name() + ", " + a.city() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public int size() {
        return byCode.size();
    }

    /** Airports whose code, city or name starts with (or, for names, contains) the text, for suggestions. */
    public List<Airport> search(String text, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return List.of();
        }
        return byCode.values().stream()
                .filter(a -> rank(a, needle) < 4)
                .sorted(java.util.Comparator.comparingInt((Airport a) -> rank(a, needle)).thenComparing(Airport::iata))
                .limit(limit)
                .toList();
    }

    /** 0 the code itself, 1 a code that starts so, 2 a city that does, 3 a name that contains it, 4 no match. */
    private static int rank(Airport airport, String needle) {
        String code = airport.iata().toLowerCase(Locale.ROOT);
        if (code.equals(needle)) {
            return 0;
        }
        if (code.startsWith(needle)) {
            return 1;
        }
        if (airport.city() != null && fold(airport.city()).startsWith(fold(needle))) {
            return 2;
        }
        return airport.name() != null && fold(airport.name()).contains(fold(needle)) ? 3 : 4;
    }

    /** Lower case without accents, so "montreal" finds Montréal. */
    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
