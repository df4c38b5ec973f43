package org.empreinte.activity;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.activity.kind.Attribute;
import org.empreinte.web.Messages;

/**
 * The words a file may use for the layout's columns and values, in English or in French, as people type them
 * in a spreadsheet: "Type d'activité" for {@code type}, "gaz naturel" for {@code natural_gas}, "estimée" for
 * {@code estimated}. Matching ignores case, accents and repeated spaces, since a spreadsheet's autocorrect
 * adds or drops them. The words come from the messages the pages show, so that a file can use what the form
 * says; a word that would mean two different things is left out rather than guessed.
 */
final class ImportVocabulary {

    /** The base columns' French names as people write them, beside the form's labels. */
    private static final Map<String, List<String>> FRENCH_COLUMNS = Map.of(
            "type", List.of("type", "type d'activité", "type d'activite"),
            "periodStart", List.of("début", "début de période"),
            "periodEnd", List.of("fin", "fin de période"),
            "tags", List.of("étiquettes", "étiquette"),
            "dataQuality", List.of("qualité des données", "qualité", "qualité de la donnée"));

    private final Map<String, String> columns;
    private final Map<String, String> types;
    private final Map<String, String> qualities;
    /** By attribute key: the words for its choices. */
    private final Map<String, Map<String, String>> choices = new HashMap<>();
    /** The loggable types' labels by language, as a refusal lists them. */
    private final Map<String, String> acceptedTypes = new HashMap<>();

    ImportVocabulary(List<String> columnNames, List<Attribute> attributes, List<ActivityKind> kinds) {
        Words columnWords = new Words();
        columnNames.forEach(column -> columnWords.exact(column, column));
        for (Messages messages : List.of(Messages.of(Messages.FRENCH), Messages.of(Messages.ENGLISH))) {
            for (String column : ActivityCsv.BASE_COLUMNS) {
                label(messages, "field_" + column).forEach(word -> columnWords.add(word, column));
            }
            // Every kind's own field, not only the first kind's of a key: a waste's "Matière" and a purchase's
            // "Matière achetée" both name the material column.
            List<Attribute> all = new java.util.ArrayList<>(attributes);
            kinds.forEach(kind -> all.addAll(kind.attributes()));
            for (Attribute attribute : all) {
                label(messages, "field_" + attribute.field()).forEach(word -> columnWords.add(word, attribute.key()));
                String own = attribute.labels().get(messages.language());
                if (own != null) {
                    columnWords.add(own, attribute.key());
                }
            }
        }
        FRENCH_COLUMNS.forEach((column, words) -> words.forEach(word -> columnWords.add(word, column)));
        this.columns = columnWords.unambiguous();

        Words typeWords = new Words();
        Words qualityWords = new Words();
        Map<String, Words> choiceWords = new HashMap<>();
        for (Messages messages : List.of(Messages.of(Messages.FRENCH), Messages.of(Messages.ENGLISH))) {
            for (ActivityKind kind : kinds) {
                typeWords.exact(kind.type(), kind.type());
                words(kind.label(messages)).forEach(word -> typeWords.add(word, kind.type()));
                for (Attribute attribute : kind.attributes()) {
                    if (attribute.input() != Attribute.Input.CHOICE || attribute.choiceLabels() == null) {
                        continue;
                    }
                    Words words = choiceWords.computeIfAbsent(attribute.key(), k -> new Words());
                    for (String choice : attribute.choices()) {
                        if (!choice.isEmpty()) {
                            words.exact(choice, choice);
                            label(messages, attribute.choiceLabels() + choice).forEach(word -> words.add(word, choice));
                        }
                    }
                }
            }
            for (String quality : ActivityPreparation.DATA_QUALITIES) {
                qualityWords.exact(quality, quality);
                label(messages, "quality_" + quality).forEach(word -> qualityWords.add(word, quality));
            }
            acceptedTypes.put(messages.language(), kinds.stream().map(kind -> kind.label(messages).toLowerCase(messages.locale()))
                    .collect(Collectors.joining(", ")));
        }
        this.types = typeWords.unambiguous();
        this.qualities = qualityWords.unambiguous();
        choiceWords.forEach((key, words) -> choices.put(key, words.unambiguous()));
    }

    /** The layout's column a header cell names, or null. */
    String column(String name) {
        return columns.get(normal(name));
    }

    /** The type a cell names ("Gaz naturel", "natural_gas"), or the cell as written, for the rules to refuse. */
    String type(String value) {
        return lookUp(types, value);
    }

    String dataQuality(String value) {
        return lookUp(qualities, value);
    }

    /** The choice a cell of an attribute names, or the cell as written. */
    String choice(String attributeKey, String value) {
        Map<String, String> words = choices.get(attributeKey);
        return words == null ? value : lookUp(words, value);
    }

    /** The layout's own words (every row of an exported file) are found before any normalizing, once per cell. */
    private static String lookUp(Map<String, String> words, String value) {
        String meaning = words.get(value);
        return meaning != null ? meaning : words.getOrDefault(normal(value), value);
    }

    /** The types a file may use, as the labels of that language ("fr" or "en"), for a refusal. */
    String acceptedTypes(String language) {
        return acceptedTypes.getOrDefault(language, "");
    }

    /** A word as compared: no accents, lower case, typographic apostrophes as ', single spaces. */
    static String normal(String text) {
        String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.replace('\u2019', '\'').replace('\u02BC', '\'').replaceAll("[\\s\u00A0\u202F]+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** A label and, for "Étiquettes (projet, événement), séparées par des virgules", its first words "Étiquettes". */
    private static List<String> label(Messages messages, String key) {
        return messages.has(key) ? words(messages.get(key)) : List.of();
    }

    private static List<String> words(String label) {
        int cut = label.length();
        for (char stop : new char[] {'(', ',', '—'}) {
            int at = label.indexOf(stop);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        String head = label.substring(0, cut).strip();
        return head.isEmpty() || head.equals(label.strip()) ? List.of(label) : List.of(label, head);
    }

    /** Words to meanings; a word given two meanings means neither, but the layout's own names always mean themselves. */
    private static final class Words {
        private final Map<String, String> meanings = new LinkedHashMap<>();
        private final Set<String> ambiguous = new HashSet<>();
        private final Map<String, String> exact = new HashMap<>();

        void exact(String word, String meaning) {
            exact.put(normal(word), meaning);
        }

        void add(String word, String meaning) {
            String key = normal(word);
            String before = meanings.putIfAbsent(key, meaning);
            if (before != null && !before.equals(meaning)) {
                ambiguous.add(key);
            }
        }

        Map<String, String> unambiguous() {
            Map<String, String> result = new HashMap<>(meanings);
            ambiguous.forEach(result::remove);
            result.putAll(exact);
            return Map.copyOf(result);
        }
    }
}
