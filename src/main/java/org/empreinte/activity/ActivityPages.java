package org.empreinte.activity;

import static org.empreinte.web.TextFields.blankToNull;

import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** The pages that log, change and remove activities; the organization's page shows them. */
@Path("/organizations/{orgId}/activities")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ActivityPages {

    private final ActivityService activities;
    private final ActivityForm fields;
    private final OrganizationService organizations;

    public ActivityPages(ActivityService activities, ActivityForm fields, OrganizationService organizations) {
        this.activities = activities;
        this.fields = fields;
        this.organizations = organizations;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    @Path("new")
    public ActivityFormPage form(@PathParam("orgId") long orgId, @QueryParam("type") String type,
            @QueryParam("unit") String unit, @QueryParam("site") String site, @QueryParam("saved") String saved,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        // "Save and add another" comes back here with what the next bill shares with the one just saved.
        Form form = Form.empty();
        for (String[] field : new String[][] {{"type", type}, {"unit", unit}, {"site", site}}) {
            if (blankToNull(field[1]) != null) {
                form.withValue(field[0], field[1].strip());
            }
        }
        ActivityFormPage page = new ActivityFormPage(PageContext.of(uri, headers), organizations.get(orgId), form, fields, null);
        return saved == null ? page : page.withSavedNotice();
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/activities/new");
        Form form = Form.of(params);
        try {
            Activity created = activities.create(orgId, request(form, context));
            return form.value("another") == null ? toYear(orgId, created) : anotherLike(orgId, created);
        } catch (ValidationException e) {
            return refused(e, context, organization, form, null);
        }
    }

    /** The form it was logged with, filled as it was logged. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    @Path("{id}/edit")
    public ActivityFormPage edit(@PathParam("orgId") long orgId, @PathParam("id") long id, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        PageContext context = PageContext.of(uri, headers);
        ActivityRequest logged = activities.logged(orgId, id);
        if (!fields.unitsByType().containsKey(logged.type())) {
            // The form would show its first type instead, and saving would silently turn the activity into that.
            throw new ValidationException(null, "an activity of type '" + logged.type() + "' is changed through the API",
                    "error_edit_type", logged.type());
        }
        return new ActivityFormPage(context, organization, fields.filled(logged, context.language()), fields, id);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("orgId") long orgId, @PathParam("id") long id, MultivaluedMap<String, String> params,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/activities/" + id + "/edit");
        Form form = Form.of(params);
        try {
            return toYear(orgId, activities.update(orgId, id, request(form, context)));
        } catch (ValidationException e) {
            return refused(e, context, organization, form, id);
        }
    }

    private ActivityRequest request(Form form, PageContext context) {
        List<String> tags = tags(form.value("tags"));
        String type = form.value("type");
        // A trip or a delivery is one day: an empty end is the start.
        String end = blankToNull(form.value("periodEnd")) == null ? form.value("periodStart") : form.value("periodEnd");
        // The region is a hidden field, there only when the activity was logged with one (through the API or a file).
        return new ActivityRequest(type, form.number("quantity", context.language()), form.value("unit"),
                form.value("periodStart"), end, null, blankToNull(form.value("region")), blankToNull(form.value("site")), tags,
                form.value("dataQuality"), fields.attributes(type, form, "", context.language()));
    }

    /** Tags as a form takes them, separated by commas; null when none. */
    static List<String> tags(String text) {
        return text == null || text.isBlank() ? null
                : Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** An empty form for the next bill of the same type, unit and site. */
    private static Response anotherLike(long orgId, Activity saved) {
        UriBuilder next = UriBuilder.fromPath("/organizations/{orgId}/activities/new").queryParam("type", saved.type())
                .queryParam("unit", saved.unit());
        if (saved.site() != null) {
            next.queryParam("site", saved.site().id());
        }
        return Response.seeOther(next.queryParam("saved", 1).build(orgId)).build();
    }

    private static Response toYear(long orgId, Activity activity) {
        int year = LocalDate.parse(activity.periodStart()).getYear();
        return Response.seeOther(URI.create("/organizations/" + orgId + "?year=" + year)).build();
    }

    private Response refused(ValidationException e, PageContext context, Organization organization, Form form, Long id) {
        form.reject(e, context.messages());
        fields.placeErrors(form, "");
        return Response.status(422).entity(new ActivityFormPage(context, organization, form, fields, id)).build();
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        Activity activity = activities.get(orgId, id);
        activities.delete(orgId, id);
        return toYear(orgId, activity);
    }

}
