package org.empreinte.factor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.empreinte.calculation.SpendConversion;

/** Reads {@code money.yml}: annual exchange rates and price indices, each table naming its source. */
final class SpendConversionLoader {

    static final String FILE = "money.yml";

    private SpendConversionLoader() {
    }

    static SpendConversion load(Path file) {
        if (!Files.exists(file)) {
            return SpendConversion.none();
        }
        JsonNode root = YamlFile.read(file);
        if (root == null || !root.path("baseYear").canConvertToInt()) {
            throw new FactorFileException(file, 0, "baseYear", "needs the year of the factors' dollars");
        }
        Map<String, NavigableMap<Integer, Double>> rates = new TreeMap<>();
        JsonNode cadPerUnit = root.path("cadPerUnit");
        requireSource(file, root, cadPerUnit, "cadPerUnit");
        cadPerUnit.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("source")) {
                rates.put(e.getKey(), years(file, "cadPerUnit." + e.getKey(), e.getValue()));
            }
        });
        Map<String, NavigableMap<Integer, Double>> indices = new TreeMap<>();
        root.path("priceIndex").fields().forEachRemaining(e -> {
            requireSource(file, root, e.getValue(), "priceIndex." + e.getKey());
            indices.put(e.getKey(), years(file, "priceIndex." + e.getKey() + ".values", e.getValue().path("values")));
        });
        int baseYear = root.get("baseYear").asInt();
        for (String currency : new String[] {"CAD", "USD"}) {
            if (!indices.containsKey(currency) || !indices.get(currency).containsKey(baseYear)) {
                throw new FactorFileException(file, 0, "priceIndex." + currency, "needs a value for the base year " + baseYear);
            }
        }
        if (!rates.containsKey("USD") || !rates.get("USD").containsKey(baseYear)) {
            throw new FactorFileException(file, 0, "cadPerUnit.USD", "needs a rate for the base year " + baseYear);
        }
        return new SpendConversion(baseYear, rates, indices);
    }

    private static void requireSource(Path file, JsonNode root, JsonNode table, String key) {
        String source = table.path("source").asText("");
        boolean listed = false;
        for (JsonNode s : root.path("sources")) {
            listed |= s.path("key").asText().equals(source);
        }
        if (!listed) {
            throw new FactorFileException(file, 0, key + ".source", "must name one of the file's sources");
        }
    }

    private static NavigableMap<Integer, Double> years(Path file, String key, JsonNode node) {
        NavigableMap<Integer, Double> values = new TreeMap<>();
        if (!node.isObject() || node.isEmpty()) {
            throw new FactorFileException(file, 0, key, "expects a map of year to value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            try {
                int year = Integer.parseInt(entry.getKey());
                if (!entry.getValue().isNumber() || entry.getValue().asDouble() <= 0) {
                    throw new NumberFormatException();
                }
                values.put(year, entry.getValue().asDouble());
            } catch (NumberFormatException e) {
                throw new FactorFileException(file, 0, key + "." + entry.getKey(), "expects a year and a positive number");
            }
        }
        return values;
    }
}
