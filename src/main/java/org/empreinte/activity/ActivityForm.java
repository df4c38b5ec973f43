package org.empreinte.activity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.activity.kind.ActivityKinds;
import org.empreinte.activity.kind.Attribute;
import org.empreinte.activity.kind.Group;
import org.empreinte.web.Form;
import org.empreinte.web.Messages;

/**
 * The fields of an activity in a page, from the kinds: the types in their groups with their units, one field
 * per attribute (shared by the kinds that name it alike), and the attributes read back from a submitted form.
 * Field names may start with a prefix ("change.from."), so that a page can hold several activities.
 */
public final class ActivityForm {

    /** A type with its units' symbols ({@code units}) and how the page writes them ({@code unitLabels}: m³, nuitée(s)). */
    public record TypeOption(String value, String label, String units, boolean selected, String unitLabels) {
    }

    public record TypeGroup(String label, List<TypeOption> types) {
    }

    /** One attribute field; exactly one of select, text, number, checkbox is true. */
    /**
     * @param help a line under the field saying where its value comes from, or null
     * @param whenField the form field of another attribute this one applies with, or null for always; {@code whenValue}
     *        its value
     */
    public record AttributeField(String name, String label, String types, boolean select, boolean text, boolean number,
            boolean checkbox, List<Form.Option> options, String value, boolean checked, String error, String list,
            String help, String whenField, String whenValue, String inputMode) {
    }

    private final ActivityKinds kinds;
    /** The kinds the form offers (those with a group), with their units. */
    private final Map<String, List<String>> unitsByType = new LinkedHashMap<>();

    public ActivityForm(ActivityKinds kinds) {
        this.kinds = kinds;
        for (Group group : Group.values()) {
            for (ActivityKind kind : kinds.kinds()) {
                if (group != Group.NONE && kind.group() == group) {
                    unitsByType.put(kind.type(), kinds.unitsFor(kind.type()));
                }
            }
        }
    }

    /**
     * The types entered as bills, one quantity per period (a meter's, a fuel tank's): the energy kinds without
     * attributes, with their units. The monthly grid offers these.
     */
    public List<TypeOption> billTypes(Messages messages, String selected) {
        return kinds.kinds().stream()
                .filter(kind -> kind.group() == Group.ENERGY && kind.attributes().isEmpty())
                .map(kind -> new TypeOption(kind.type(), kind.label(messages), String.join("|", unitsByType.get(kind.type())),
                        kind.type().equals(selected), unitLabels(messages, kind.type())))
                .toList();
    }

    /** The types the form offers, in their groups' order, with their units. */
    public Map<String, List<String>> unitsByType() {
        return unitsByType;
    }

    /** The types in their groups, {@code selected} chosen; each option carries its units for the page's script. */
    public List<TypeGroup> typeGroups(Messages messages, String selected) {
        List<TypeGroup> groups = new ArrayList<>();
        for (Group group : Group.values()) {
            List<TypeOption> options = kinds.kinds().stream()
                    .filter(kind -> group != Group.NONE && kind.group() == group)
                    .map(kind -> new TypeOption(kind.type(), kind.label(messages),
                            String.join("|", unitsByType.get(kind.type())), kind.type().equals(selected),
                            unitLabels(messages, kind.type())))
                    .toList();
            if (group != Group.NONE) {
                groups.add(new TypeGroup(messages.get(group.messageKey()), options));
            }
        }
        return groups;
    }

    /**
     * The units of the type in field {@code prefix + "type"}, the one in {@code prefix + "unit"} (or the first) selected,
     * each written as people write it in the page's language (m³, nuitée(s)).
     */
    public List<Form.Option> units(Form form, String prefix, Messages messages) {
        List<String> units = unitsByType.getOrDefault(form.value(prefix + "type"), List.of());
        if (form.value(prefix + "unit") == null || !units.contains(form.value(prefix + "unit"))) {
            form.withValue(prefix + "unit", units.isEmpty() ? "" : units.get(0));
        }
        return form.options(prefix + "unit", units, unit -> messages.labelOr("unit_", unit));
    }

    private String unitLabels(Messages messages, String type) {
        return String.join("|", unitsByType.get(type).stream().map(unit -> messages.labelOr("unit_", unit)).toList());
    }

    /** One field per field name of the offered kinds' attributes, each naming the types it belongs to. */
    public List<AttributeField> attributeFields(Messages messages, Form form, String prefix) {
        Map<String, Attribute> byField = new LinkedHashMap<>();
        Map<String, List<String>> typesByField = new LinkedHashMap<>();
        for (ActivityKind kind : offered()) {
            for (Attribute attribute : kind.attributes()) {
                byField.putIfAbsent(attribute.field(), attribute);
                typesByField.computeIfAbsent(attribute.field(), f -> new ArrayList<>()).add(kind.type());
            }
        }
        List<AttributeField> fields = new ArrayList<>();
        byField.forEach((field, attribute) -> {
            String name = prefix + field;
            String label = attribute.labels().getOrDefault(messages.language(), messages.get("field_" + field));
            String types = String.join(" ", typesByField.get(field));
            String error = form.getErrors().get(name);
            String help = messages.has("help_field_" + field) ? messages.get("help_field_" + field) : null;
            String[] when = attribute.shownWith() == null ? null : attribute.shownWith().split("=", 2);
            String whenField = when == null ? null : prefix + byField.values().stream()
                    .filter(a -> a.key().equals(when[0])).map(Attribute::field).findFirst().orElse(when[0]);
            String whenValue = when == null ? null : when[1];
            fields.add(switch (attribute.input()) {
                case CHOICE -> new AttributeField(name, label, types, true, false, false, false,
                        form.options(name, attribute.choices(),
                                c -> c.isEmpty() ? "—" : messages.labelOr(attribute.choiceLabels(), c)),
                        null, false, error, null, help, whenField, whenValue, null);
                case TEXT -> new AttributeField(name, label, types, false, true, false, false, List.of(), form.value(name),
                        false, error, attribute.list() == null ? null : prefix + attribute.list(), help, whenField, whenValue, null);
                // A decimal keyboard where the number may have decimals (kWh), a numeric one for whole numbers.
                case NUMBER, COUNT, DECIMAL -> new AttributeField(name, label, types, false, false, true, false, List.of(),
                        form.value(name), false, error, null, help, whenField, whenValue,
                        attribute.input() == Attribute.Input.DECIMAL ? "decimal" : "numeric");
                case FLAG -> new AttributeField(name, label, types, false, false, false, true, List.of(), null,
                        "true".equals(form.value(name)), error, null, help, whenField, whenValue, null);
            });
        });
        return fields;
    }

    /**
     * The attributes of the chosen type from its fields, left out when empty; null for a type without attributes. A
     * decimal one is read in the page's {@code language} (12,5 in French); a field shown only with another attribute's
     * choice is left out without it, as the page's script disables it.
     */
    public Map<String, Object> attributes(String type, Form form, String prefix, String language) {
        ActivityKind kind = kinds.find(type).orElse(null);
        if (kind == null || kind.attributes().isEmpty()) {
            return null;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Attribute attribute : kind.attributes()) {
            String value = form.value(prefix + attribute.field());
            if (value != null && !value.isBlank()) {
                attributes.put(attribute.key(), attribute.input() == Attribute.Input.DECIMAL
                        ? form.number(prefix + attribute.field(), language) : value);
            }
        }
        for (Attribute attribute : kind.attributes()) {
            String[] when = attribute.shownWith() == null ? null : attribute.shownWith().split("=", 2);
            if (when != null && !when[1].equals(String.valueOf(attributes.get(when[0])))) {
                attributes.remove(attribute.key());
            }
        }
        return kind.fromForm(attributes);
    }

    /**
     * The form of an activity as it was logged: each attribute in its field, the quantity written the way the page's
     * language reads it back exactly, and no quantity where the kind derived it (a flight between airports).
     */
    public Form filled(ActivityRequest logged, String language) {
        Form form = Form.empty().withValue("type", logged.type()).withValue("periodStart", logged.periodStart())
                .withValue("periodEnd", logged.periodEnd());
        if (logged.quantity() != null) {
            form.withValue("quantity", plain(logged.quantity(), language)).withValue("unit", logged.unit());
        }
        if (logged.site() != null) {
            form.withValue("site", logged.site().toString());
        }
        if (logged.region() != null) {
            form.withValue("region", logged.region());
        }
        if (logged.tags() != null) {
            form.withValue("tags", String.join(", ", logged.tags()));
        }
        form.withValue("dataQuality", logged.dataQuality());
        ActivityKind kind = kinds.find(logged.type()).orElse(null);
        Map<String, Object> attributes = logged.attributes() == null ? Map.of() : logged.attributes();
        for (Attribute attribute : kind == null ? List.<Attribute>of() : kind.attributes()) {
            Object value = attributes.get(attribute.key());
            if (value == null) {
                continue;
            }
            if (attribute.input() == Attribute.Input.FLAG) {
                if (List.of("true", "yes", "oui", "1").contains(value.toString().strip().toLowerCase(Locale.ROOT))) {
                    form.withValue(attribute.field(), "true");
                }
            } else {
                form.withValue(attribute.field(), value instanceof Number n ? plain(n.doubleValue(), language) : value.toString());
            }
        }
        return form;
    }

    /** Without grouping, so that no language reads a separator as a decimal mark; the shortest exact digits. */
    static String plain(double value, String language) {
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return "fr".equals(language) ? text.replace('.', ',') : text;
    }

    /**
     * Moves the refusals of attributes whose field is named apart (a bus's {@code kind} is {@code busKind}) from the
     * attribute's name to the field's, so that each shows beside its input.
     */
    public void placeErrors(Form form, String prefix) {
        ActivityKind kind = kinds.find(form.value(prefix + "type")).orElse(null);
        if (kind == null) {
            return;
        }
        for (Attribute attribute : kind.attributes()) {
            for (String name : List.of(prefix + attribute.key(), prefix + "attributes." + attribute.key())) {
                String error = name.equals(prefix + attribute.field()) ? null : form.getErrors().remove(name);
                if (error != null) {
                    form.reject(prefix + attribute.field(), error);
                }
            }
        }
    }

    private List<ActivityKind> offered() {
        return unitsByType.keySet().stream().map(type -> kinds.find(type).orElseThrow()).toList();
    }
}
