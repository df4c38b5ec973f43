package org.empreinte.activity.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One attribute of an activity kind: its key in {@code attributes} (and the CSV column of that name), how a
 * person enters it, and the name of its form field. Kinds that share a key share one column and, when their
 * fields have the same name, one form field (a car's and a commuting survey's {@code fuel}).
 *
 * @param field the form field; differs from the key where two kinds give the same key different choices
 *        (a bus's and a train's {@code kind})
 * @param list the id of the suggestions list a text field offers (airports), or null
 * @param labels the field's label by language ("fr", "en"), for a kind whose texts are not in the messages;
 *        empty to use the message {@code field_<field>}
 * @param shownWith the choice of another attribute of the kind this one applies to, as {@code key=value} (a car's
 *        {@code chargedKwh} with {@code fuel=plugin_hybrid}): the form shows it only then; null for always
 */
public record Attribute(String key, Input input, List<String> choices, String choiceLabels, String field, String list,
        Map<String, String> labels, String shownWith) {

    /** How the attribute is entered, and read from a CSV cell. */
    public enum Input {
        /** One of {@code choices}: a list in the form, the text as written in a cell. */
        CHOICE,
        TEXT,
        /** A whole number the kind checks itself: a number field, the text as written in a cell. */
        NUMBER,
        /** A whole number of at least 1, checked as soon as a cell is read. */
        COUNT,
        /**
         * A number that may have decimals: read in the page's language in a form (12,5 in French) and as the file
         * writes its numbers in an import, so that the kind receives a number; the kind checks its range.
         */
        DECIMAL,
        /** A checkbox; a cell reads true or false (vrai, faux). */
        FLAG
    }

    public Attribute {
        choices = List.copyOf(choices);
        labels = Map.copyOf(labels);
    }

    public Attribute(String key, Input input, List<String> choices, String choiceLabels, String field, String list,
            Map<String, String> labels) {
        this(key, input, choices, choiceLabels, field, list, labels, null);
    }

    public static Attribute choice(String key, List<String> choices, String choiceLabels) {
        return new Attribute(key, Input.CHOICE, choices, choiceLabels, key, null, Map.of());
    }

    public static Attribute text(String key) {
        return new Attribute(key, Input.TEXT, List.of(), null, key, null, Map.of());
    }

    public static Attribute number(String key) {
        return new Attribute(key, Input.NUMBER, List.of(), null, key, null, Map.of());
    }

    public static Attribute decimal(String key) {
        return new Attribute(key, Input.DECIMAL, List.of(), null, key, null, Map.of());
    }

    public static Attribute count(String key) {
        return new Attribute(key, Input.COUNT, List.of(), null, key, null, Map.of());
    }

    public static Attribute flag(String key) {
        return new Attribute(key, Input.FLAG, List.of(), null, key, null, Map.of());
    }

    public Attribute field(String name) {
        return new Attribute(key, input, choices, choiceLabels, name, list, labels, shownWith);
    }

    /** Suggestions from the list of that id (filled by the page's script). */
    public Attribute list(String id) {
        return new Attribute(key, input, choices, choiceLabels, field, id, labels, shownWith);
    }

    /** A choice that may be left empty in the form: an empty first option. */
    public Attribute optional() {
        List<String> withBlank = new ArrayList<>();
        withBlank.add("");
        withBlank.addAll(choices);
        return new Attribute(key, input, withBlank, choiceLabels, field, list, labels, shownWith);
    }

    public Attribute labelled(String french, String english) {
        return new Attribute(key, input, choices, choiceLabels, field, list, Map.of("fr", french, "en", english), shownWith);
    }

    /** Shown in the form only when the attribute {@code otherKey} is {@code value}. */
    public Attribute onlyWith(String otherKey, String value) {
        return new Attribute(key, input, choices, choiceLabels, field, list, labels, otherKey + "=" + value);
    }
}
