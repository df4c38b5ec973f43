package org.empreinte.factor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.empreinte.calculation.SalesTaxes;

/** Reads {@code sales-taxes.yml}: each region's GST, HST and QST by effective date, each rate naming its source. */
final class SalesTaxLoader {

    static final String FILE = "sales-taxes.yml";

    private SalesTaxLoader() {
    }

    static SalesTaxes load(Path file) {
        if (!Files.exists(file)) {
            return SalesTaxes.none();
        }
        JsonNode root = YamlFile.read(file);
        Map<String, String> citations = new LinkedHashMap<>();
        for (JsonNode source : root.path("sources")) {
            String key = source.path("key").asText("");
            String citation = source.path("citation").asText("");
            if (key.isBlank() || citation.isBlank() || source.path("licence").asText("").isBlank()) {
                throw new FactorFileException(file, 0, "sources", "each source needs a key, a citation and a licence");
            }
            String url = source.path("url").asText("");
            citations.put(key, url.isBlank() ? citation : citation + " (" + url + ")");
        }
        JsonNode regions = root.path("regions");
        if (!regions.isObject() || regions.isEmpty()) {
            throw new FactorFileException(file, 0, "regions", "expects a map of region to its rates by date");
        }
        Map<String, NavigableMap<LocalDate, SalesTaxes.Rates>> byRegion = new TreeMap<>();
        regions.fields().forEachRemaining(region -> {
            String key = "regions." + region.getKey();
            if (!region.getKey().matches("CA-[A-Z]{2}") || !region.getValue().isArray() || region.getValue().isEmpty()) {
                throw new FactorFileException(file, 0, key, "expects a Canadian province code (CA-QC) and a list of rates");
            }
            NavigableMap<LocalDate, SalesTaxes.Rates> rates = new TreeMap<>();
            for (JsonNode entry : region.getValue()) {
                LocalDate from = date(file, key, entry.path("from").asText(""));
                Map<String, Double> taxes = new LinkedHashMap<>();
                entry.path("taxes").fields().forEachRemaining(tax -> {
                    double rate = tax.getValue().asDouble(-1);
                    if (!tax.getValue().isNumber() || rate <= 0 || rate >= 1) {
                        throw new FactorFileException(file, 0, key + ".taxes." + tax.getKey(),
                                "expects a rate between 0 and 1 (0.05 for 5 %)");
                    }
                    taxes.put(tax.getKey(), rate);
                });
                if (taxes.isEmpty()) {
                    throw new FactorFileException(file, 0, key + ".taxes", "expects the taxes in force from " + from);
                }
                if (rates.put(from, new SalesTaxes.Rates(from, taxes, source(file, key, entry.path("source"), citations))) != null) {
                    throw new FactorFileException(file, 0, key, "gives two rates from " + from);
                }
            }
            byRegion.put(region.getKey(), rates);
        });
        return new SalesTaxes(byRegion);
    }

    private static String source(Path file, String key, JsonNode node, Map<String, String> citations) {
        List<String> keys = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(k -> keys.add(k.asText()));
        } else {
            keys.add(node.asText(""));
        }
        List<String> cited = new ArrayList<>();
        for (String k : keys) {
            String citation = citations.get(k);
            if (citation == null) {
                throw new FactorFileException(file, 0, key + ".source", "'" + k + "' is not one of the file's sources "
                        + citations.keySet());
            }
            cited.add(citation);
        }
        return String.join("; ", cited);
    }

    private static LocalDate date(Path file, String key, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FactorFileException(file, 0, key + ".from", "'" + text + "' is not a date YYYY-MM-DD");
        }
    }
}
