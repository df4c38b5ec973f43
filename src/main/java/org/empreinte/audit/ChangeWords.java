package org.empreinte.audit;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.empreinte.web.Messages;

/**
 * An audit entry's values in words, as a member reads them: for a change, each field that changed, "quantité :
 * 100 → 120"; for an addition or a deletion, what it was ("Gaz naturel, 100 m3 : 194 kg") or a few of its fields.
 * The raw JSON stays in the API (GET .../audit), never on the page.
 */
final class ChangeWords {

    /** Bookkeeping every entity carries: not what a person changed. */
    private static final Set<String> UNSEEN = Set.of("id", "organizationId", "createdAt", "updatedAt", "revision", "resultKey",
            "factor", "byGas", "scope", "ghgCategory", "distanceKm", "userId", "networkId");
    private static final int FIELDS_SHOWN = 5;
    private static final int LONGEST_TEXT = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages messages;

    ChangeWords(Messages messages) {
        this.messages = messages;
    }

    String describe(AuditEvent event) {
        JsonNode before = read(event.before());
        JsonNode after = read(event.after());
        if (before != null && after != null && before.isObject() && after.isObject()) {
            List<String> changes = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = after.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode old = before.path(field.getKey());
                if (!UNSEEN.contains(field.getKey()) && !old.equals(field.getValue())) {
                    changes.add(label(field.getKey()) + colon() + value(old) + " → " + value(field.getValue()));
                }
            }
            return changes.isEmpty() ? messages.get("audit_no_visible_change") : String.join(separator(), changes);
        }
        JsonNode node = after != null ? after : before;
        if (node == null) {
            return "";
        }
        if (!node.isObject()) {
            return shorten(node.asText());
        }
        String known = headline(node);
        if (known != null) {
            return known;
        }
        List<String> shown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext() && shown.size() < FIELDS_SHOWN;) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!UNSEEN.contains(field.getKey()) && !field.getValue().isNull() && !field.getValue().isContainerNode()) {
                shown.add(label(field.getKey()) + colon() + value(field.getValue()));
            }
        }
        return String.join(separator(), shown);
    }

    /** French writes a space before a colon and a semicolon; English does not. */
    private String colon() {
        return "fr".equals(messages.language()) ? " : " : ": ";
    }

    private String separator() {
        return "fr".equals(messages.language()) ? " ; " : "; ";
    }

    /** An activity's type, quantity and emissions; a sharing level, a role or a name: what names the thing. */
    private String headline(JsonNode node) {
        if (node.hasNonNull("type") && node.hasNonNull("quantity") && node.hasNonNull("co2eKg")) {
            return messages.labelOr("type_", node.get("type").asText()) + ", " + number(node.get("quantity").asDouble())
                    + " " + messages.labelOr("unit_", node.path("unit").asText()) + " : "
                    // Every line of it (its upstream, its losses) where recorded, as its footprint counts it.
                    + number((node.hasNonNull("allLinesCo2eKg") ? node.get("allLinesCo2eKg") : node.get("co2eKg")).asDouble())
                    + " kg";
        }
        if (node.hasNonNull("sharing")) {
            return messages.labelOr("sharing_", node.get("sharing").asText());
        }
        if (node.hasNonNull("role")) {
            return messages.labelOr("role_", node.get("role").asText());
        }
        if (node.hasNonNull("name")) {
            return node.get("name").asText();
        }
        if (node.hasNonNull("title")) {
            return node.get("title").asText();
        }
        return null;
    }

    /** The field's name in the reader's words where the messages have it, else its words split from camelCase. */
    private String label(String field) {
        String key = "audit_field_" + field;
        return messages.has(key) ? messages.get(key) : field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(messages.locale());
    }

    private String value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "—";
        }
        if (node.isNumber()) {
            return number(node.asDouble());
        }
        if (node.isBoolean()) {
            return messages.get(node.asBoolean() ? "audit_yes" : "audit_no");
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isContainerNode() ? "…" : value(item)));
            return items.isEmpty() ? "—" : shorten(String.join(", ", items));
        }
        if (node.isObject()) {
            List<String> items = new ArrayList<>();
            node.fields().forEachRemaining(e -> items.add(label(e.getKey()) + " " + (e.getValue().isContainerNode() ? "…"
                    : value(e.getValue()))));
            return shorten(String.join(", ", items));
        }
        return shorten(node.asText());
    }

    private String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setMaximumFractionDigits(Math.abs(value) < 100 ? 3 : 1);
        return format.format(value);
    }

    private static String shorten(String text) {
        return text.length() > LONGEST_TEXT ? text.substring(0, LONGEST_TEXT - 1) + "…" : text;
    }

    private static JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node.isObject() && node.has("activity") ? node.get("activity") : node;
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
