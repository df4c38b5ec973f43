package org.empreinte.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/** What a person typed in a form and what is wrong with it, so a refused form comes back as it was typed. */
public final class Form {

    /** One choice of a select, with whether it is the one chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    private final Map<String, String> values;
    private final Map<String, String> errors = new HashMap<>();

    private Form(Map<String, String> values) {
        this.values = values;
    }

    public static Form empty() {
        return new Form(new HashMap<>());
    }

    public static Form of(Map<String, String> values) {
        return new Form(new HashMap<>(values));
    }

    public static Form of(MultivaluedMap<String, String> params) {
        Map<String, String> values = new HashMap<>();
        params.forEach((key, list) -> values.put(key, list.isEmpty() ? "" : list.get(0)));
        return new Form(values);
    }

    /** Attaches the refusal to its field, in the page's language. */
    public Form reject(ApiException e, Messages messages) {
        String text = e.messageKey() != null && messages.has(e.messageKey())
                ? messages.format(e.messageKey(), e.messageArgs())
                : e.getMessage();
        // A form names an activity's attributes by themselves ("from"), the API as "attributes.from".
        String field = e.field() == null ? "general" : e.field().replaceFirst("^attributes\\.", "");
        errors.put(field, text);
        return this;
    }

    public Form reject(String field, String text) {
        errors.put(field, text);
        return this;
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? null : value.strip();
    }

    public Form withValue(String field, String value) {
        values.put(field, value);
        return this;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public boolean getHasErrors() {
        return !errors.isEmpty();
    }

    public List<Option> options(String field, List<String> choices, java.util.function.Function<String, String> label) {
        String current = values.get(field);
        return choices.stream().map(c -> new Option(c, label.apply(c), c.equals(current))).toList();
    }

    /**
     * A number as people type it in the page's language. In French the comma is the decimal mark and
     * spaces group digits ("1 234,5"); a point is read as a decimal mark too. In English commas group
     * digits ("1,234.5"); a lone comma followed by other than three digits is a decimal mark.
     *
     * @return null when the field is empty
     * @throws ValidationException naming the field when it is not a number
     */
    public Double number(String field, String language) {
        String text = value(field);
        if (text == null || text.isEmpty()) {
            return null;
        }
        String compact = text.replaceAll("[\\s\\u00a0\\u202f]", "");
        if ("fr".equals(language)) {
            compact = compact.replace(',', '.');
        } else if (compact.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            compact = compact.replace(",", "");
        } else {
            compact = compact.replace(',', '.');
        }
        try {
            return Double.parseDouble(compact);
        } catch (NumberFormatException e) {
            throw new ValidationException(field, field + " must be a number", "error_number");
        }
    }
}
