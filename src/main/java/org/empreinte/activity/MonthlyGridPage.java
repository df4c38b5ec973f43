package org.empreinte.activity;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;

import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Messages;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** The monthly grid: one meter's or one recurring expense's twelve months of a year, its type, unit and site once. */
public class MonthlyGridPage extends Page {

    /** One month's input: its field name, label, what was typed and why it was refused. */
    public record MonthField(String name, String label, String value, String error) {
    }

    private final Organization organization;
    private final Form form;
    private final ActivityForm fields;
    private String copiedNotice;

    public MonthlyGridPage(PageContext context, Organization organization, Form form, ActivityForm fields) {
        super("monthly-grid.mustache", context);
        this.organization = organization;
        this.form = form;
        this.fields = fields;
    }

    static String field(int month) {
        return "month" + month;
    }

    /** The month's name as a label starts, in the page's language ("Janvier", "January"). */
    static String monthName(int month, Messages messages) {
        String name = Month.of(month).getDisplayName(TextStyle.FULL_STANDALONE, messages.locale());
        return name.substring(0, 1).toUpperCase(messages.locale()) + name.substring(1);
    }

    /** Says that the grid holds {@code year}'s quantities, {@code found} months of them, to be checked before saving. */
    MonthlyGridPage copied(int year, int found) {
        copiedNotice = found == 0 ? messages().format("grid_copy_none", Integer.toString(year))
                : messages().format("grid_copy_done", Integer.toString(year), found);
        return this;
    }

    @Override
    public String getTitle() {
        return getHeading() + " — " + organization.name();
    }

    public String getHeading() {
        String year = form.value("year");
        boolean known = year != null && year.matches("\\d{4}") && !form.getErrors().containsKey("year");
        return known ? messages().format("grid_title_year", year) : messages().get("grid_title");
    }

    public Organization getOrganization() {
        return organization;
    }

    public Form getForm() {
        return form;
    }

    public String getCopiedNotice() {
        return copiedNotice;
    }

    /** The bill types, the one chosen (or the first) selected. */
    public List<ActivityForm.TypeOption> getTypes() {
        List<ActivityForm.TypeOption> types = fields.billTypes(messages(), form.value("type"));
        if (types.stream().noneMatch(ActivityForm.TypeOption::selected) && !types.isEmpty()) {
            form.withValue("type", types.get(0).value());
            types = fields.billTypes(messages(), form.value("type"));
        }
        return types;
    }

    /** The units of the chosen type, the one chosen (or the type's first) selected. */
    public List<Form.Option> getUnits() {
        getTypes();
        return fields.units(form, "", messages());
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

    public List<MonthField> getMonths() {
        List<MonthField> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            String name = field(month);
            months.add(new MonthField(name, monthName(month, messages()), form.value(name), form.getErrors().get(name)));
        }
        return months;
    }
}
