package org.empreinte.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** The form that logs one energy bill, with the units each type accepts. */
public class ActivityFormPage extends Page {

    /** The energy types of this form, in the order a bill pile is usually sorted. */
    static final List<String> ENERGY_TYPES = List.of("electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline");

    public record UnitOption(String value, String types, boolean selected) {
    }

    private final Organization organization;
    private final Form form;
    private final Map<String, List<String>> unitsByType;

    public ActivityFormPage(PageContext context, Organization organization, Form form, Map<String, List<String>> unitsByType) {
        super("activity-form.mustache", context);
        this.organization = organization;
        this.form = form;
        this.unitsByType = unitsByType;
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

    public List<Form.Option> getTypes() {
        if (form.value("type") == null) {
            form.withValue("type", ENERGY_TYPES.get(0));
        }
        return form.options("type", ENERGY_TYPES, t -> messages().labelOr("type_", t));
    }

    /** Every unit once, with the types it fits, so the page can show only those of the chosen type. */
    public List<UnitOption> getUnits() {
        List<String> order = new ArrayList<>();
        unitsByType.values().forEach(units -> units.stream().filter(u -> !order.contains(u)).forEach(order::add));
        String current = form.value("unit");
        List<String> typeUnits = unitsByType.getOrDefault(form.value("type"), List.of());
        String selected = current != null && !current.isEmpty() ? current : typeUnits.isEmpty() ? null : typeUnits.get(0);
        return order.stream().map(unit -> new UnitOption(unit,
                unitsByType.entrySet().stream().filter(e -> e.getValue().contains(unit)).map(Map.Entry::getKey)
                        .collect(Collectors.joining(" ")),
                unit.equals(selected))).toList();
    }

    public List<Form.Option> getSites() {
        List<String> names = new ArrayList<>();
        names.add("");
        organization.sites().forEach(s -> names.add(Long.toString(s.id())));
        return form.options("site", names, id -> id.isEmpty() ? messages().get("field_site_none")
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
}
