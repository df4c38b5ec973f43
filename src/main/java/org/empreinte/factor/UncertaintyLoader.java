package org.empreinte.factor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.empreinte.calculation.Uncertainty.Shape;

/**
 * Reads {@code uncertainty.yml} (the defaults by factor kind and by data quality) and the optional
 * {@code uncertainty:} of each factor in the factor files (the source's own figure), apart from the factor library's
 * loader: factors are read as the library reads them, their uncertainties beside them.
 */
public final class UncertaintyLoader {

    public static final String FILE = "uncertainty.yml";

    /** A half-width above 1000 % is a typing error (a percentage written as a fraction's hundredfold). */
    private static final double LARGEST = 10;

    private UncertaintyLoader() {
    }

    /** The folder's table; {@link UncertaintyTable#none()} when it has no {@value #FILE}. */
    public static UncertaintyTable load(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return UncertaintyTable.none();
        }
        JsonNode root = YamlFile.read(file);
        if (root == null || !root.isObject()) {
            throw new FactorFileException(file, 1, null, "expected a map at the top of the file");
        }
        Set<String> sources = new HashSet<>();
        for (JsonNode source : root.path("sources")) {
            if (source.path("key").asText("").isBlank() || source.path("citation").asText("").isBlank()) {
                throw new FactorFileException(file, 0, "sources", "each source needs a key and a citation");
            }
            sources.add(source.path("key").asText());
        }
        List<UncertaintyTable.Entry> entries = new ArrayList<>();
        JsonNode factors = root.path("factors");
        if (!factors.isArray() || factors.isEmpty()) {
            throw new FactorFileException(file, 0, "factors", "expected a list of entries");
        }
        for (int i = 0; i < factors.size(); i++) {
            String key = "factors[" + i + "]";
            JsonNode entry = factors.get(i);
            JsonNode match = entry.path("match");
            if (!match.isObject() || match.isEmpty()) {
                throw new FactorFileException(file, 0, key + ".match", "needs a type, set, category or regions to match");
            }
            Set<String> regions = null;
            if (match.has("regions")) {
                regions = new LinkedHashSet<>();
                for (JsonNode region : match.get("regions")) {
                    regions.add(region.asText());
                }
            }
            entries.add(new UncertaintyTable.Entry(text(match, "type"), text(match, "set"), text(match, "category"), regions,
                    gases(file, sources, entry.path("gases"), key + ".gases")));
        }
        Map<String, UncertaintyTable.Value> fallback = gases(file, sources, root.path("fallback"), "fallback");
        if (!fallback.containsKey(UncertaintyTable.ALL_GASES)) {
            throw new FactorFileException(file, 0, "fallback.all", "the fallback must hold for every gas");
        }
        JsonNode qualityNode = root.path("quality");
        Map<String, UncertaintyTable.Value> quality = new LinkedHashMap<>();
        Map<String, Map<String, UncertaintyTable.Value>> byType = new LinkedHashMap<>();
        qualityNode.fields().forEachRemaining(q -> {
            if (q.getKey().equals("byType")) {
                q.getValue().fields().forEachRemaining(t -> byType.put(t.getKey(),
                        values(file, sources, t.getValue(), "quality.byType." + t.getKey())));
            } else {
                quality.put(q.getKey(), value(file, sources, q.getValue(), "quality." + q.getKey()));
            }
        });
        if (quality.isEmpty()) {
            throw new FactorFileException(file, 0, "quality", "expected the uncertainty of each data quality");
        }
        return new UncertaintyTable(entries, fallback, quality, byType, ownUncertainties(directory));
    }

    private static Map<String, UncertaintyTable.Value> gases(Path file, Set<String> sources, JsonNode node, String key) {
        if (!node.isObject() || node.isEmpty()) {
            throw new FactorFileException(file, 0, key, "expected a value for each gas (CO2, CH4, N2O or all)");
        }
        return values(file, sources, node, key);
    }

    private static Map<String, UncertaintyTable.Value> values(Path file, Set<String> sources, JsonNode node, String key) {
        Map<String, UncertaintyTable.Value> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), value(file, sources, e.getValue(), key + "." + e.getKey())));
        return values;
    }

    /** One value: {@code uncertainty}, optional {@code shape}, and {@code source} + {@code citation} or {@code assumption}. */
    private static UncertaintyTable.Value value(Path file, Set<String> sources, JsonNode node, String key) {
        double uncertainty = uncertainty(file, node.path("uncertainty"), key + ".uncertainty");
        Shape shape = shape(file, node, key);
        String citation = text(node, "citation");
        String assumption = text(node, "assumption");
        if (citation != null) {
            String source = text(node, "source");
            if (source == null || !sources.contains(source)) {
                throw new FactorFileException(file, 0, key + ".source", "must name one of the file's sources " + sources);
            }
            return new UncertaintyTable.Value(uncertainty, shape, source + ", " + citation);
        }
        if (assumption == null) {
            throw new FactorFileException(file, 0, key, "needs a source and citation, or the assumption it rests on");
        }
        return new UncertaintyTable.Value(uncertainty, shape, "Empreinte assumption: " + assumption);
    }

    private static double uncertainty(Path file, JsonNode node, String key) {
        if (!node.isNumber() || !(node.asDouble() >= 0) || node.asDouble() > LARGEST) {
            throw new FactorFileException(file, 0, key, "expects a relative half-width of the 95 % interval between 0 and "
                    + LARGEST + " (0.05 for 5 %)");
        }
        return node.asDouble();
    }

    private static Shape shape(Path file, JsonNode node, String key) {
        String shape = text(node, "shape");
        if (shape == null || shape.equals("normal")) {
            return Shape.NORMAL;
        }
        if (shape.equals("lognormal")) {
            return Shape.LOGNORMAL;
        }
        throw new FactorFileException(file, 0, key + ".shape", "expects normal or lognormal");
    }

    /**
     * The {@code uncertainty:} a factor file gives a factor, as a number or as {@code {uncertainty, shape, citation}}:
     * the figure its source publishes with it.
     */
    private static Map<String, UncertaintyTable.Value> ownUncertainties(Path directory) {
        Map<String, UncertaintyTable.Value> own = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new FactorFileException(directory, 0, null, "cannot list the folder: " + e.getMessage(), e);
        }
        for (Path file : files) {
            if (file.getFileName().toString().equals(FILE)) {
                continue;
            }
            JsonNode factors = YamlFile.read(file).path("factors");
            for (int i = 0; i < factors.size(); i++) {
                JsonNode factor = factors.get(i);
                JsonNode node = factor.path("uncertainty");
                if (node.isMissingNode()) {
                    continue;
                }
                String key = "factors[" + i + "].uncertainty";
                String basis = "published with the factor: " + factor.path("citation").asText("");
                UncertaintyTable.Value value = node.isObject()
                        ? new UncertaintyTable.Value(uncertainty(file, node.path("uncertainty"), key + ".uncertainty"),
                                shape(file, node, key), node.has("citation") ? node.get("citation").asText() : basis)
                        : new UncertaintyTable.Value(uncertainty(file, node, key), Shape.NORMAL, basis);
                own.put(factor.path("id").asText(), value);
            }
        }
        return own;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
