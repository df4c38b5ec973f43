package org.empreinte.organization;

import java.util.List;

import org.empreinte.calculation.Regions;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;
import org.empreinte.web.Paging;

/** The home page: every organization, and the form that creates one. */
public class OrganizationsPage extends Page {

    public record Row(long id, String name, String sector, String region, String employees) {
    }

    private final List<Row> organizations;
    private final String next;
    private final boolean laterPage;
    private final Form form;
    private final String serviceAddress;

    /**
     * @param organizations a page of them, by name
     * @param laterPage whether it is not the first page (the page then links back to the first)
     * @param serviceAddress the address the page was asked at, for the command that loads the example into this service
     */
    public OrganizationsPage(PageContext context, Paging.Slice<Organization> organizations, boolean laterPage, Form form,
            String serviceAddress) {
        super("organizations.mustache", context);
        this.serviceAddress = serviceAddress.replaceAll("/+$", "");
        this.organizations = organizations.items().stream()
                .map(o -> new Row(o.id(), o.name(), o.sector(), Regions.name(o.region(), messages().locale()),
                        number(o.employees(), 1)))
                .toList();
        this.next = organizations.next();
        this.laterPage = laterPage;
        this.form = form;
    }

    /** The next organizations by name, or null on the last page. */
    public String getNextLink() {
        return next == null ? null : "/?after=" + next;
    }

    /** No organization to show at all: the page says what to do first. */
    public boolean isFirstRun() {
        return organizations.isEmpty() && !laterPage;
    }

    /**
     * The command that loads the README's example into this very service: with its address, since the terminal it is
     * typed in may not have the PORT the service was started with.
     */
    public String getLoadExampleCommand() {
        return "java -jar target/empreinte.jar load --url " + serviceAddress + " examples/cpe-montreal-2024.json";
    }

    public String getFirstLink() {
        return laterPage ? "/" : null;
    }

    @Override
    public String getTitle() {
        return messages().get("home_title");
    }

    public List<Row> getOrganizations() {
        return organizations;
    }

    public Form getForm() {
        return form;
    }

    public List<Form.Option> getRegions() {
        return RegionOptions.of(form, "region", messages().locale());
    }

    public List<Form.Option> getLegalForms() {
        List<String> forms = List.of("", "cooperative", "nonprofit", "mutual", "other");
        return form.options("legalForm", forms, f -> messages().get("legal_form_" + f));
    }
}
