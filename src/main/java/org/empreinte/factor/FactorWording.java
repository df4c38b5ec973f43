package org.empreinte.factor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.Regions;

/**
 * The words of a factor file for people, in French and English: each factor's {@code label} and
 * {@code note}, and the file's {@code labels} templates that write the label of the many factors
 * whose label follows from their fields (an electricity intensity from its region and data year, a
 * USEEIO industry from its NAICS code and published title, a flight from its haul and cabin).
 *
 * <p>In a factor: {@code label: {fr: "...", en: "..."}} and {@code note: {fr: "...", en: "..."}}. A plain
 * string is English (files written before labels keep loading). A factor without its own label takes
 * the first template of its type that names every condition of the factor and whose placeholders all
 * resolve. A factor left without a French or
 * English label still loads, so that a file being merged does not stop the application; the test of
 * the shipped files (FactorWordingTest) refuses it.
 *
 * <p>In the file's header: {@code labels: [{type, fr, en}]} and {@code words: {name: {value: {fr, en}}}}.
 * Placeholders: {@code {region}} (the region's name in the language), {@code {year}}, {@code {unit}},
 * a condition's name (its value's word from {@code words} when the file has words for that condition,
 * else the value as it is, as for a NAICS code), or any other text field of the factor (a
 * {@code title}). {@code words} may also name {@code unit} and {@code region} values.
 */
final class FactorWording {

    static final List<String> LANGUAGES = List.of("fr", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    /** A factor's own words: labels and notes by language, and the English note the API gives. */
    record Text(Map<String, String> labels, Map<String, String> notes, String englishNote) {
    }

    private record Template(String type, Map<String, String> byLanguage) {
    }

    private final List<Template> templates;
    private final Map<String, Map<String, Map<String, String>>> words;

    private FactorWording(List<Template> templates, Map<String, Map<String, Map<String, String>>> words) {
        this.templates = templates;
        this.words = words;
    }

    /** The templates and words of a file's header; none when it has neither. */
    static FactorWording of(Path file, int line, JsonNode header) {
        List<Template> templates = new ArrayList<>();
        JsonNode labels = header.get("labels");
        if (labels != null) {
            if (!labels.isArray()) {
                throw new FactorFileException(file, line, "labels", "expected a list of {type, fr, en} label templates");
            }
            for (JsonNode template : labels) {
                JsonNode type = template.get("type");
                if (type == null || !type.isTextual()) {
                    throw new FactorFileException(file, line, "labels.type", "each label template names the factor type it labels");
                }
                templates.add(new Template(type.asText(), languages(file, line, template, "labels", true)));
            }
        }
        Map<String, Map<String, Map<String, String>>> words = new LinkedHashMap<>();
        JsonNode wordsNode = header.get("words");
        if (wordsNode != null) {
            if (!wordsNode.isObject()) {
                throw new FactorFileException(file, line, "words", "expected a map of name to {value: {fr, en}}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = wordsNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> name = it.next();
                Map<String, Map<String, String>> values = new LinkedHashMap<>();
                name.getValue().fields().forEachRemaining(value -> values.put(value.getKey(),
                        languages(file, line, value.getValue(), "words." + name.getKey() + "." + value.getKey(), true)));
                words.put(name.getKey(), values);
            }
        }
        return new FactorWording(templates, words);
    }

    /** A factor's {@code label} and {@code note}: a map by language, or a plain string taken as English. */
    static Text read(Path file, int line, JsonNode factor) {
        Map<String, String> labels = text(file, line, factor.get("label"), "label");
        Map<String, String> notes = text(file, line, factor.get("note"), "note");
        return new Text(labels, notes, notes.get("en"));
    }

    /** The factor with its template label, where it has no label of its own; {@code node} may be null (a derived factor). */
    EmissionFactor fill(EmissionFactor factor, JsonNode node) {
        if (!factor.labels().isEmpty()) {
            return factor;
        }
        for (Template template : templates) {
            // A condition the template does not speak of (a new upstream or losses line of the same type) would be
            // mislabelled: such a factor gets no label from it, and the test of the shipped files names it.
            if (!template.type().equals(factor.type()) || !template.byLanguage().values().stream()
                    .allMatch(text -> placeholders(text).containsAll(factor.conditions().keySet()))) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : template.byLanguage().entrySet()) {
                String label = resolve(entry.getValue(), entry.getKey(), factor, node);
                if (label == null) {
                    labels = null;
                    break;
                }
                labels.put(entry.getKey(), label);
            }
            if (labels != null) {
                return factor.withLabels(labels);
            }
        }
        return factor;
    }

    private static java.util.Set<String> placeholders(String template) {
        java.util.Set<String> names = new java.util.HashSet<>();
        PLACEHOLDER.matcher(template).results().forEach(m -> names.add(m.group(1)));
        return names;
    }

    private String resolve(String template, String language, EmissionFactor factor, JsonNode node) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = value(matcher.group(1), language, factor, node);
            if (value == null) {
                return null;
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String value(String name, String language, EmissionFactor factor, JsonNode node) {
        return switch (name) {
            case "year" -> Integer.toString(factor.year());
            case "region" -> words.containsKey("region") ? word("region", factor.region(), language)
                    : "*".equals(factor.region()) ? null : Regions.name(factor.region(), locale(language));
            case "unit" -> words.containsKey("unit") ? word("unit", factor.unit().symbol(), language) : factor.unit().symbol();
            default -> {
                String condition = factor.conditions().get(name);
                if (condition != null) {
                    yield words.containsKey(name) ? word(name, condition, language) : condition;
                }
                JsonNode field = node == null ? null : node.get(name);
                yield field != null && field.isTextual() && !field.asText().isBlank() ? field.asText().strip() : null;
            }
        };
    }

    private String word(String name, String value, String language) {
        Map<String, String> word = words.get(name).get(value);
        if (word == null && "region".equals(name) && !"*".equals(value)) {
            return Regions.name(value, locale(language));
        }
        return word == null ? null : word.get(language);
    }

    private static Locale locale(String language) {
        return "en".equals(language) ? Locale.CANADA : Locale.CANADA_FRENCH;
    }

    private static Map<String, String> text(Path file, int line, JsonNode node, String key) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (node.isValueNode()) {
            return node.asText().isBlank() ? Map.of() : Map.of("en", node.asText().strip());
        }
        return languages(file, line, node, key, false);
    }

    /** A map of language to text; {@code both}: French and English are both required (a template, a word). */
    private static Map<String, String> languages(Path file, int line, JsonNode node, String key, boolean both) {
        if (node == null || !node.isObject()) {
            throw new FactorFileException(file, line, key, "expected {fr: \"...\", en: \"...\"}");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (LANGUAGES.contains(entry.getKey())) {
                if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                    throw new FactorFileException(file, line, key + "." + entry.getKey(), "expected a text");
                }
                result.put(entry.getKey(), entry.getValue().asText().strip());
            } else if (!"type".equals(entry.getKey())) {
                throw new FactorFileException(file, line, key + "." + entry.getKey(), "unknown language '" + entry.getKey()
                        + "'; expected " + LANGUAGES);
            }
        }
        if (result.isEmpty() || both && result.size() < LANGUAGES.size()) {
            throw new FactorFileException(file, line, key, "expected a text in " + (both ? "both " : "one of ") + LANGUAGES);
        }
        return result;
    }
}
