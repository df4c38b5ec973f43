package org.empreinte.factor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.GwpSet;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.calculation.Period;

/**
 * Reads {@code gwp.yml} and every other {@code *.yml} of the factor folder, checks each value
 * and refuses the whole library, naming file, line and key, at the first problem.
 */
public final class FactorLibraryLoader {

    static final String GWP_FILE = "gwp.yml";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern REGION = Pattern.compile("\\*|[A-Z]{2}(-[A-Z0-9]{1,3})?");
    /** Published totals are rounded; a total further than this from its gases is an error in the file. */
    private static final double TOTAL_TOLERANCE = 0.005;

    private final YAMLFactory yaml = new YAMLFactory();
    private final ObjectMapper mapper = new ObjectMapper(yaml);

    public FactorLibrary load(Path directory, List<String> selectionOrder) {
        if (!Files.isDirectory(directory)) {
            throw new FactorFileException(directory, 0, null, "the emission-factor folder does not exist");
        }
        Map<String, GwpSet> gwpSets = loadGwp(directory.resolve(GWP_FILE));
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals(GWP_FILE))
                    .filter(p -> !p.getFileName().toString().equals(SpendConversionLoader.FILE))
                    .filter(p -> !p.getFileName().toString().equals(SalesTaxLoader.FILE))
                    .filter(p -> !p.getFileName().toString().equals(UncertaintyLoader.FILE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new FactorFileException(directory, 0, null, "cannot list the folder: " + e.getMessage(), e);
        }
        Map<String, FactorSet> byId = new LinkedHashMap<>();
        Map<String, Path> factorIds = new HashMap<>();
        for (Path file : files) {
            FactorSet set = loadSet(file, gwpSets, factorIds);
            if (byId.putIfAbsent(set.id(), set) != null) {
                throw new FactorFileException(file, 1, "id", "factor set '" + set.id() + "' is defined twice");
            }
        }
        List<FactorSet> ordered = new ArrayList<>();
        for (String id : selectionOrder) {
            FactorSet set = byId.get(id);
            if (set == null) {
                throw new FactorFileException(directory, 0, "selectionOrder",
                        "the configuration names factor set '" + id + "' but the folder has " + byId.keySet());
            }
            ordered.add(set);
        }
        if (ordered.isEmpty()) {
            throw new FactorFileException(directory, 0, "selectionOrder", "no factor set is selected");
        }
        List<FactorSet> all = new ArrayList<>(ordered);
        byId.values().stream().filter(s -> !ordered.contains(s)).forEach(all::add);
        return new FactorLibrary(gwpSets, all, new FactorSelector(ordered),
                AirportDirectory.load(directory.resolve(AirportDirectory.FILE)),
                SpendConversionLoader.load(directory.resolve(SpendConversionLoader.FILE)),
                SalesTaxLoader.load(directory.resolve(SalesTaxLoader.FILE)),
                NaicsDirectory.load(directory));
    }

    private Map<String, GwpSet> loadGwp(Path file) {
        Located root = readWhole(file);
        JsonNode sets = root.node.get("gwpSets");
        if (sets == null || !sets.isObject() || sets.isEmpty()) {
            throw new FactorFileException(file, root.line, "gwpSets", "expected a map of GWP sets");
        }
        Map<String, GwpSet> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = sets.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = "gwpSets." + entry.getKey();
            JsonNode node = entry.getValue();
            String name = requiredText(file, root.line, node, "name", key);
            JsonNode potentials = node.get("potentials");
            if (potentials == null || !potentials.isObject()) {
                throw new FactorFileException(file, root.line, key + ".potentials", "expected a map of gas to potential");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            potentials.fields().forEachRemaining(p -> values.put(p.getKey(),
                    positiveNumber(file, root.line, p.getValue(), key + ".potentials." + p.getKey())));
            if (!Double.valueOf(1.0).equals(values.get("CO2"))) {
                throw new FactorFileException(file, root.line, key + ".potentials.CO2", "the potential of CO2 must be 1");
            }
            result.put(entry.getKey(), new GwpSet(entry.getKey(), name, values));
        }
        return result;
    }

    private FactorSet loadSet(Path file, Map<String, GwpSet> gwpSets, Map<String, Path> factorIds) {
        Map<String, JsonNode> header = new LinkedHashMap<>();
        List<Located> factorNodes = new ArrayList<>();
        Map<String, Integer> headerLines = new HashMap<>();
        try (JsonParser parser = yaml.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FactorFileException(file, line(parser.currentTokenLocation()), null, "expected a map at the top of the file");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                headerLines.put(name, line(parser.currentTokenLocation()));
                JsonToken value = parser.nextToken();
                if ("factors".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new FactorFileException(file, line(parser.currentTokenLocation()), "factors", "expected a list of factors");
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        int line = line(parser.currentTokenLocation());
                        factorNodes.add(new Located(mapper.readTree(parser), line));
                    }
                } else {
                    header.put(name, mapper.readTree(parser));
                }
            }
        } catch (JsonProcessingException e) {
            throw new FactorFileException(file, line(e.getLocation()), null, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FactorFileException(file, 0, null, "cannot read: " + e.getMessage(), e);
        }
        JsonNode headerNode = mapper.valueToTree(header);
        String id = requiredText(file, lineOf(headerLines, "id"), headerNode, "id", null);
        if (!ID.matcher(id).matches()) {
            throw new FactorFileException(file, lineOf(headerLines, "id"), "id", "'" + id + "' is not a valid id (lower case letters, digits, - _ .)");
        }
        String name = requiredText(file, lineOf(headerLines, "name"), headerNode, "name", null);
        String edition = requiredText(file, lineOf(headerLines, "edition"), headerNode, "edition", null);
        String version = requiredText(file, lineOf(headerLines, "version"), headerNode, "version", null);
        LocalDate published = date(file, lineOf(headerLines, "published"), headerNode, "published");
        String gwpId = requiredText(file, lineOf(headerLines, "gwp"), headerNode, "gwp", null);
        GwpSet gwp = gwpSets.get(gwpId);
        if (gwp == null) {
            throw new FactorFileException(file, lineOf(headerLines, "gwp"), "gwp", "unknown GWP set '" + gwpId + "'; known: " + gwpSets.keySet());
        }
        List<FactorSet.Source> sources = sources(file, lineOf(headerLines, "sources"), headerNode);
        Set<String> sourceKeys = new HashSet<>();
        sources.forEach(s -> sourceKeys.add(s.key()));
        if (factorNodes.isEmpty()) {
            throw new FactorFileException(file, lineOf(headerLines, "factors"), "factors", "the set has no factors");
        }
        FactorWording wording = FactorWording.of(file, lineOf(headerLines, "labels"), headerNode);
        List<EmissionFactor> factors = new ArrayList<>();
        // Two factors selection could not tell apart share this key; indexed, so a set of thousands loads at once.
        Map<List<Object>, Located> seen = new HashMap<>();
        Map<List<Object>, EmissionFactor> seenFactor = new HashMap<>();
        for (Located located : factorNodes) {
            EmissionFactor factor = wording.fill(factor(file, located, id, version, gwp, sources, sourceKeys), located.node);
            Path earlier = factorIds.putIfAbsent(factor.id(), file);
            if (earlier != null) {
                throw new FactorFileException(file, located.line, "id", "factor id '" + factor.id() + "' is already used in " + earlier);
            }
            List<Object> key = List.of(factor.type(), factor.region(), factor.year(), factor.unit().dimension(), factor.conditions());
            Located other = seen.putIfAbsent(key, located);
            if (other != null) {
                throw new FactorFileException(file, located.line, "id", "factor '" + factor.id()
                        + "' has the same type, region, year, unit dimension and conditions as '" + seenFactor.get(key).id()
                        + "' (line " + other.line + "): selection would be ambiguous");
            }
            seenFactor.put(key, factor);
            factors.add(factor);
        }
        if (headerNode.path("naicsAverages").asBoolean(false)) {
            NaicsMeans.of(factors, id, version).forEach(mean -> factors.add(wording.fill(mean, null)));
        }
        return new FactorSet(id, name, edition, version, published, gwp, sources, factors);
    }

    private EmissionFactor factor(Path file, Located located, String setId, String setVersion, GwpSet gwp,
            List<FactorSet.Source> sources, Set<String> sourceKeys) {
        JsonNode node = located.node;
        int line = located.line;
        if (!node.isObject()) {
            throw new FactorFileException(file, line, null, "a factor must be a map");
        }
        String id = requiredText(file, line, node, "id", null);
        if (!ID.matcher(id).matches()) {
            throw new FactorFileException(file, line, "id", "'" + id + "' is not a valid id");
        }
        String prefix = "factor '" + id + "' ";
        String type = requiredText(file, line, node, "type", id);
        if (!TYPE.matcher(type).matches()) {
            throw new FactorFileException(file, line, "type", prefix + "has an invalid type '" + type + "'");
        }
        String region = requiredText(file, line, node, "region", id);
        if (!REGION.matcher(region).matches()) {
            throw new FactorFileException(file, line, "region", prefix + "has region '" + region
                    + "'; expected an ISO 3166 code such as CA-QC or CA, or * for anywhere");
        }
        JsonNode yearNode = node.get("year");
        if (yearNode == null || !yearNode.canConvertToInt() || !yearNode.isIntegralNumber()
                || yearNode.asInt() < Period.EARLIEST_YEAR || yearNode.asInt() > Period.LATEST_YEAR) {
            throw new FactorFileException(file, line, "year", prefix + "needs a year between "
                    + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR);
        }
        String unitText = requiredText(file, line, node, "unit", id);
        MeasurementUnit unit = MeasurementUnits.find(unitText).orElseThrow(() -> new FactorFileException(file, line, "unit",
                prefix + "has unknown unit '" + unitText + "'; known: "
                        + MeasurementUnits.all().stream().map(MeasurementUnit::symbol).toList()));
        JsonNode scopeNode = node.get("scope");
        if (scopeNode == null || !scopeNode.isIntegralNumber() || scopeNode.asInt() < 1 || scopeNode.asInt() > 3) {
            throw new FactorFileException(file, line, "scope", prefix + "needs a scope of 1, 2 or 3");
        }
        String category = requiredText(file, line, node, "category", id);
        if (!TYPE.matcher(category).matches()) {
            throw new FactorFileException(file, line, "category", prefix + "has an invalid category '" + category + "'");
        }
        String sourceKey = requiredText(file, line, node, "source", id);
        if (!sourceKeys.contains(sourceKey)) {
            throw new FactorFileException(file, line, "source", prefix + "cites source '" + sourceKey
                    + "' which the file's sources do not list " + sourceKeys);
        }
        String citation = requiredText(file, line, node, "citation", id);
        String sourceCitation = sources.stream().filter(s -> s.key().equals(sourceKey)).findFirst().orElseThrow().citation();
        FactorWording.Text text = FactorWording.read(file, line, node);

        Map<String, Double> masses = new LinkedHashMap<>();
        Map<String, Double> co2eByGas = new LinkedHashMap<>();
        JsonNode gases = node.get("gases");
        JsonNode published = node.get("co2eByGas");
        JsonNode total = node.get("co2e");
        int forms = (gases != null ? 1 : 0) + (published != null ? 1 : 0);
        if (forms > 1) {
            throw new FactorFileException(file, line, "gases", prefix + "gives both gases and co2eByGas; give one");
        }
        if (gases != null) {
            readGasMap(file, line, gases, "gases", prefix, gwp).forEach((gas, mass) -> {
                masses.put(gas, mass);
                co2eByGas.put(gas, gwp.co2e(gas, mass));
            });
        } else if (published != null) {
            co2eByGas.putAll(readGasMap(file, line, published, "co2eByGas", prefix, gwp));
        } else if (total != null) {
            co2eByGas.put(Gas.UNSPECIFIED, nonNegativeNumber(file, line, total, "co2e"));
        } else {
            throw new FactorFileException(file, line, "gases", prefix + "needs gases, co2eByGas or co2e");
        }
        if (forms == 1 && total != null) {
            double declared = nonNegativeNumber(file, line, total, "co2e");
            double sum = co2eByGas.values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - declared) > TOTAL_TOLERANCE * Math.max(declared, 1e-12)) {
                throw new FactorFileException(file, line, "co2e", prefix + "declares co2e " + declared
                        + " but its gases add up to " + sum);
            }
        }
        Map<String, String> conditions = new LinkedHashMap<>();
        JsonNode conditionsNode = node.get("conditions");
        if (conditionsNode != null) {
            if (!conditionsNode.isObject() || conditionsNode.isEmpty()) {
                throw new FactorFileException(file, line, "conditions", prefix + "expects conditions as a map of name to value");
            }
            conditionsNode.fields().forEachRemaining(c -> {
                if (!c.getValue().isValueNode() || c.getValue().asText().isBlank()) {
                    throw new FactorFileException(file, line, "conditions." + c.getKey(), prefix + "has an empty condition");
                }
                conditions.put(c.getKey(), c.getValue().asText());
            });
        }
        return new EmissionFactor(id, setId, setVersion, type, region, yearNode.asInt(), unit, scopeNode.asInt(),
                category, co2eByGas, masses, sourceCitation + " — " + citation, text.englishNote(), conditions, text.labels(),
                text.notes());
    }

    private Map<String, Double> readGasMap(Path file, int line, JsonNode map, String key, String prefix, GwpSet gwp) {
        if (!map.isObject() || map.isEmpty()) {
            throw new FactorFileException(file, line, key, prefix + "expects a map of gas to value");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (gwp.potential(entry.getKey()).isEmpty()) {
                throw new FactorFileException(file, line, key + "." + entry.getKey(), prefix + "names gas '" + entry.getKey()
                        + "' which GWP set " + gwp.id() + " does not define");
            }
            values.put(entry.getKey(), nonNegativeNumber(file, line, entry.getValue(), key + "." + entry.getKey()));
        }
        return values;
    }

    private List<FactorSet.Source> sources(Path file, int line, JsonNode header) {
        JsonNode sources = header.get("sources");
        if (sources == null || !sources.isArray() || sources.isEmpty()) {
            throw new FactorFileException(file, line, "sources", "a factor set must list its sources");
        }
        List<FactorSet.Source> result = new ArrayList<>();
        for (JsonNode source : sources) {
            String key = requiredText(file, line, source, "key", "sources");
            String citation = requiredText(file, line, source, "citation", "sources." + key);
            String licence = requiredText(file, line, source, "licence", "sources." + key);
            String url = source.hasNonNull("url") ? source.get("url").asText() : null;
            result.add(new FactorSet.Source(key, citation, licence, url));
        }
        return result;
    }

    private static String requiredText(Path file, int line, JsonNode node, String field, String within) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            String where = within == null ? "" : " (in " + within + ")";
            throw new FactorFileException(file, line, field, "is missing or empty" + where);
        }
        return value.asText().strip();
    }

    private static LocalDate date(Path file, int line, JsonNode node, String field) {
        String text = requiredText(file, line, node, field, null);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new FactorFileException(file, line, field, "'" + text + "' is not a date YYYY-MM-DD");
        }
    }

    private static double nonNegativeNumber(Path file, int line, JsonNode node, String key) {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < 0) {
            throw new FactorFileException(file, line, key, "expected a number >= 0, found '" + (node == null ? "nothing" : node.asText()) + "'");
        }
        return node.asDouble();
    }

    private static double positiveNumber(Path file, int line, JsonNode node, String key) {
        double value = nonNegativeNumber(file, line, node, key);
        if (value <= 0) {
            throw new FactorFileException(file, line, key, "expected a number > 0");
        }
        return value;
    }

    private Located readWhole(Path file) {
        try (JsonParser parser = yaml.createParser(file.toFile())) {
            parser.nextToken();
            return new Located(mapper.readTree(parser), 1);
        } catch (JsonProcessingException e) {
            throw new FactorFileException(file, line(e.getLocation()), null, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FactorFileException(file, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The line of a header key, or 1 when the key is absent. */
    private static int lineOf(Map<String, Integer> headerLines, String key) {
        return headerLines.getOrDefault(key, 1);
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private record Located(JsonNode node, int line) {
    }
}
