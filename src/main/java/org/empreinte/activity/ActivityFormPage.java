package org.empreinte.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.Flights;
import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Messages;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/**
 * The form that logs one activity of any type: a bill, a trip, hotel nights, a commuting survey,
 * waste. Attribute fields name the types they belong to; the page's script shows only those of
 * the chosen type, and the server reads only those.
 */
public class ActivityFormPage extends Page {

    /** The types the form offers, grouped as a person sorts their papers. */
    static final Map<String, List<String>> GROUPS = new java.util.LinkedHashMap<>();

    static {
        GROUPS.put("group_energy", List.of("electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline"));
        GROUPS.put("group_travel", List.of("flight", "car", "bus", "train", "taxi", "hotel", "commuting", "homeworking"));
        GROUPS.put("group_purchases", List.of("purchase"));
        GROUPS.put("group_waste", List.of("waste"));
    }

    static List<String> allTypes() {
        return GROUPS.values().stream().flatMap(List::stream).toList();
    }

    public record TypeOption(String value, String label, String units, boolean selected) {
    }

    public record TypeGroup(String label, List<TypeOption> types) {
    }

    /** One attribute field; exactly one of select, text, number, checkbox is true. */
    public record AttributeField(String name, String label, String types, boolean select, boolean text, boolean number,
            boolean checkbox, List<Form.Option> options, String value, boolean checked, String error, String list) {
    }

    private final Organization organization;
    private final Form form;
    private final Map<String, List<String>> unitsByType;

    public ActivityFormPage(PageContext context, Organization organization, Form form, Map<String, List<String>> unitsByType) {
        super("activity-form.mustache", context);
        this.organization = organization;
        this.form = form;
        this.unitsByType = unitsByType;
        if (form.value("type") == null || !unitsByType.containsKey(form.value("type"))) {
            form.withValue("type", "electricity");
        }
    }

    @Override
    public String getTitle() {
        return messages().get("form_title") + " — " + organization.name();
    }

    public Organization getOrganization() {
        return organization;
    }

    public Form getForm() {
        return form;
    }

    public List<TypeGroup> getTypeGroups() {
        return typeGroups(messages(), unitsByType, form.value("type"));
    }

    /** The units of the chosen type, the one typed (or the type's first) selected. */
    public List<Form.Option> getUnits() {
        return units(form, "", unitsByType);
    }

    public List<AttributeField> getAttributeFields() {
        return attributeFields(messages(), form, "");
    }

    /** The loggable types the form offers, with their units: what other forms of an activity offer too. */
    public static Map<String, List<String>> unitsByType(ActivityService activities) {
        Map<String, List<String>> units = new java.util.LinkedHashMap<>();
        for (String type : allTypes()) {
            if (activities.types().contains(type)) {
                units.put(type, activities.unitsFor(type));
            }
        }
        return units;
    }

    /** The types in their groups, {@code selected} chosen; each option carries its units for the page's script. */
    public static List<TypeGroup> typeGroups(Messages messages, Map<String, List<String>> unitsByType, String selected) {
        List<TypeGroup> groups = new ArrayList<>();
        GROUPS.forEach((label, types) -> groups.add(new TypeGroup(messages.get(label), types.stream()
                .filter(unitsByType::containsKey)
                .map(type -> new TypeOption(type, messages.labelOr("type_", type),
                        String.join("|", unitsByType.get(type)), type.equals(selected)))
                .toList())));
        return groups;
    }

    /** The units of the type in field {@code prefix + "type"}, the one in {@code prefix + "unit"} (or the first) selected. */
    public static List<Form.Option> units(Form form, String prefix, Map<String, List<String>> unitsByType) {
        List<String> units = unitsByType.getOrDefault(form.value(prefix + "type"), List.of());
        if (form.value(prefix + "unit") == null || !units.contains(form.value(prefix + "unit"))) {
            form.withValue(prefix + "unit", units.isEmpty() ? "" : units.get(0));
        }
        return form.options(prefix + "unit", units, unit -> unit);
    }

    /**
     * The attribute fields of every type, each naming the types it belongs to; their names (and ids) start with
     * {@code prefix}, so that a page can hold several activities ("change.from.fuel").
     */
    public static List<AttributeField> attributeFields(Messages messages, Form form, String prefix) {
        Fields f = new Fields(messages, form, prefix);
        List<AttributeField> fields = new ArrayList<>();
        fields.add(f.text("from", "flight", "airports-from"));
        fields.add(f.text("to", "flight", "airports-to"));
        fields.add(f.select("cabin", "flight", withBlank(Flights.CABINS), "cabin_"));
        fields.add(f.checkbox("roundTrip", "flight"));
        fields.add(f.number("passengers", "flight bus train"));
        fields.add(f.select("fuel", "car commuting", TravelAndWaste.CAR_FUELS, "fuel_"));
        fields.add(f.select("busKind", "bus", TravelAndWaste.BUS_KINDS, "kind_"));
        fields.add(f.select("trainKind", "train", TravelAndWaste.TRAIN_KINDS, "kind_"));
        fields.add(f.text("country", "hotel", null));
        fields.add(f.select("material", "waste", TravelAndWaste.WASTE_MATERIALS, "material_"));
        fields.add(f.select("disposal", "waste", TravelAndWaste.DISPOSALS, "disposal_"));
        fields.add(f.select("mode", "commuting", TravelAndWaste.COMMUTING_MODES, "mode_"));
        fields.add(f.select("heating", "homeworking", TravelAndWaste.HEATING, "heating_"));
        fields.add(f.number("employees", "commuting homeworking"));
        fields.add(f.number("days", "commuting homeworking"));
        fields.add(f.text("naics", "purchase", null));
        fields.add(f.select("purchaseMaterial", "purchase", withBlank(List.of("paper", "cardboard")), "material_"));
        return fields;
    }

    public List<Form.Option> getSites() {
        List<String> ids = new ArrayList<>();
        ids.add("");
        organization.sites().forEach(s -> ids.add(Long.toString(s.id())));
        return form.options("site", ids, id -> id.isEmpty() ? messages().get("field_site_none")
                : organization.sites().stream().filter(s -> Long.toString(s.id()).equals(id)).findFirst().orElseThrow().name());
    }

    public boolean getHasSites() {
        return !organization.sites().isEmpty();
    }

    public List<Form.Option> getQualities() {
        if (form.value("dataQuality") == null) {
            form.withValue("dataQuality", "measured");
        }
        return form.options("dataQuality", List.of("measured", "estimated"), q -> messages().get("quality_" + q));
    }

    /** Builds the attribute fields of a form, their names prefixed. */
    private record Fields(Messages messages, Form form, String prefix) {

        AttributeField text(String name, String types, String list) {
            return new AttributeField(prefix + name, messages.get("field_" + name), types, false, true, false, false,
                    List.of(), form.value(prefix + name), false, form.getErrors().get(prefix + name),
                    list == null ? null : prefix + list);
        }

        AttributeField number(String name, String types) {
            return new AttributeField(prefix + name, messages.get("field_" + name), types, false, false, true, false,
                    List.of(), form.value(prefix + name), false, form.getErrors().get(prefix + name), null);
        }

        AttributeField checkbox(String name, String types) {
            return new AttributeField(prefix + name, messages.get("field_" + name), types, false, false, false, true,
                    List.of(), null, "true".equals(form.value(prefix + name)), form.getErrors().get(prefix + name), null);
        }

        AttributeField select(String name, String types, List<String> choices, String labelPrefix) {
            return new AttributeField(prefix + name, messages.get("field_" + name), types, true, false, false, false,
                    form.options(prefix + name, choices, c -> c.isEmpty() ? "—" : messages.labelOr(labelPrefix, c)), null,
                    false, form.getErrors().get(prefix + name), null);
        }
    }

    private static List<String> withBlank(List<String> choices) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(choices);
        return all;
    }
}
