package org.empreinte.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** The form that logs one energy bill, with the units each type accepts. */
public class ActivityFormPage extends Page {

    /** The energy types of this form, in the order a bill pile is usually sorted. */
    static final List<String> ENERGY_TYPES = List.of("electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline");

    public record TypeOption(String value, String label, String units, boolean selected) {
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

    /** The types, each with its units in the order the form offers them (the page's script swaps the unit list). */
    public List<TypeOption> getTypes() {
        if (form.value("type") == null || !unitsByType.containsKey(form.value("type"))) {
            form.withValue("type", ENERGY_TYPES.get(0));
        }
        return ENERGY_TYPES.stream().map(type -> new TypeOption(type, messages().labelOr("type_", type),
                String.join("|", unitsByType.getOrDefault(type, List.of())), type.equals(form.value("type")))).toList();
    }

    /** The units of the chosen type, the one typed (or the type's first) selected. */
    public List<Form.Option> getUnits() {
        getTypes();
        List<String> units = unitsByType.getOrDefault(form.value("type"), List.of());
        if (form.value("unit") == null || !units.contains(form.value("unit"))) {
            form.withValue("unit", units.isEmpty() ? "" : units.get(0));
        }
        return form.options("unit", units, unit -> unit);
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
