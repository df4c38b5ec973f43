package org.empreinte.organization;

import java.util.List;
import java.util.Map;

import org.empreinte.calculation.Regions;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** An organization's settings: what it is (name, sector, region, size) and its sites, each editable. */
public class OrganizationSettingsPage extends Page {

    /** A site and its own form: its values as typed when it was refused, else as stored. */
    public record SiteLine(long id, String name, String regionName, Form form, List<Form.Option> regions) {
    }

    private final Organization organization;
    private final Form form;
    private final List<SiteLine> sites;
    private final String notice;

    /**
     * @param form the organization's fields as typed (a refused form) or as stored
     * @param refusedSite the site whose form was refused, with its values and errors; null when none was
     */
    OrganizationSettingsPage(PageContext context, Organization organization, Form form, long refusedSite, Form siteForm,
            String notice) {
        super("organization-settings.mustache", context);
        this.organization = organization;
        this.form = form;
        this.notice = notice;
        this.sites = organization.sites().stream().map(site -> {
            Form shown = site.id() == refusedSite ? siteForm
                    : Form.of(Map.of("name", site.name(), "region", site.region()));
            return new SiteLine(site.id(), site.name(), Regions.name(site.region(), messages().locale()), shown,
                    RegionOptions.of(shown, "region", messages().locale()));
        }).toList();
    }

    /** The stored organization as the form shows it, numbers as a person types them in the reader's language. */
    static Form stored(Organization organization, PageContext context) {
        java.text.NumberFormat typed = java.text.NumberFormat.getNumberInstance(context.messages().locale());
        typed.setGroupingUsed(false);
        typed.setMaximumFractionDigits(2);
        Map<String, String> values = new java.util.HashMap<>();
        values.put("name", organization.name());
        values.put("sector", organization.sector());
        values.put("region", organization.region());
        values.put("employees", typed.format(organization.employees()));
        values.put("annualRevenueCad", organization.annualRevenueCad() == null ? "" : typed.format(organization.annualRevenueCad()));
        values.put("legalForm", organization.legalForm() == null ? "" : organization.legalForm());
        values.put("includeRadiativeForcing", organization.includeRadiativeForcing() ? "on" : "");
        return Form.of(values);
    }

    @Override
    public String getTitle() {
        return messages().format("settings_title", organization.name());
    }

    public Organization getOrganization() {
        return organization;
    }

    public Form getForm() {
        return form;
    }

    public boolean getRadiativeForcing() {
        return "on".equals(form.value("includeRadiativeForcing"));
    }

    public List<Form.Option> getRegions() {
        return RegionOptions.of(form, "region", messages().locale());
    }

    public List<Form.Option> getLegalForms() {
        return form.options("legalForm", List.of("", "cooperative", "nonprofit", "mutual", "other"),
                f -> messages().get("legal_form_" + f));
    }

    public List<SiteLine> getSites() {
        return sites;
    }

    public String getNotice() {
        return notice;
    }
}
