package org.empreinte.activity;

import java.util.ArrayList;
import java.util.List;

import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/**
 * The form that logs one activity of any type, or changes one: a bill, a trip, hotel nights, a commuting
 * survey, waste. Attribute fields name the types they belong to; the page's script shows only those of
 * the chosen type, and the server reads only those.
 */
public class ActivityFormPage extends Page {

    private final Organization organization;
    private final Form form;
    private final ActivityForm fields;
    /** The activity changed, or null for a new one. */
    private final Long activityId;
    private boolean savedNotice;

    public ActivityFormPage(PageContext context, Organization organization, Form form, ActivityForm fields, Long activityId) {
        super("activity-form.mustache", context);
        this.organization = organization;
        this.form = form;
        this.fields = fields;
        this.activityId = activityId;
        if (form.value("type") == null || !fields.unitsByType().containsKey(form.value("type"))) {
            form.withValue("type", "electricity");
        }
    }

    /** Says that the previous bill was saved and this form is for the next one. */
    ActivityFormPage withSavedNotice() {
        savedNotice = true;
        return this;
    }

    public String getSavedNotice() {
        return savedNotice ? messages().get("grid_saved_another") : null;
    }

    @Override
    public String getTitle() {
        return getHeading() + " — " + organization.name();
    }

    public String getHeading() {
        return messages().get(activityId == null ? "form_title" : "form_edit_title");
    }

    public boolean getEditing() {
        return activityId != null;
    }

    /** Where the form posts: the activities to log one, the activity itself to change it. */
    public String getAction() {
        return "/organizations/" + organization.id() + "/activities" + (activityId == null ? "" : "/" + activityId);
    }

    public Organization getOrganization() {
        return organization;
    }

    public Form getForm() {
        return form;
    }

    public List<ActivityForm.TypeGroup> getTypeGroups() {
        return fields.typeGroups(messages(), form.value("type"));
    }

    /** The units of the chosen type, the one typed (or the type's first) selected. */
    public List<Form.Option> getUnits() {
        return fields.units(form, "", messages());
    }

    public List<ActivityForm.AttributeField> getAttributeFields() {
        return fields.attributeFields(messages(), form, "");
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
        return form.options("dataQuality", ActivityPreparation.DATA_QUALITIES, q -> messages().get("quality_" + q));
    }
}
