package org.empreinte.organization;

import java.net.URI;

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
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.Allow;
import org.empreinte.web.ApiException;
import org.empreinte.web.ConflictException;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * An organization's settings from the pages: its name, SCIAN code, region, size and flight reporting, and its sites
 * renamed, moved or deleted, which the API alone could do before. Changing a region recomputes the activities it
 * touches, as the API's update does.
 */
@Path("/organizations/{orgId}/settings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class OrganizationSettingsPages {

    private final OrganizationService organizations;

    public OrganizationSettingsPages(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    public OrganizationSettingsPage settings(@PathParam("orgId") long orgId, @QueryParam("saved") String saved,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        PageContext context = PageContext.of(uri, headers);
        Organization organization = organizations.get(orgId);
        String notice = switch (saved == null ? "" : saved) {
            case "organization" -> context.messages().get("settings_saved");
            case "site" -> context.messages().get("settings_site_saved");
            case "deleted" -> context.messages().get("settings_site_deleted");
            default -> null;
        };
        return new OrganizationSettingsPage(context, organization, OrganizationSettingsPage.stored(organization, context), 0,
                Form.empty(), notice);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/settings");
        try {
            organizations.update(orgId, new OrganizationRequest(form.value("name"), form.value("sector"), form.value("region"),
                    form.number("employees", context.language()), form.number("annualRevenueCad", context.language()),
                    TextFields.blankToNull(form.value("legalForm")), "on".equals(form.value("includeRadiativeForcing"))));
            return saved(orgId, "organization");
        } catch (ValidationException | ConflictException e) {
            form.reject(e, context.messages());
            return Response.status(e.status()).entity(new OrganizationSettingsPage(context, organizations.get(orgId), form, 0,
                    Form.empty(), null)).build();
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("sites/{siteId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateSite(@PathParam("orgId") long orgId, @PathParam("siteId") long siteId,
            MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers) {
        Form form = Form.of(params);
        try {
            organizations.updateSite(orgId, siteId, new SiteRequest(form.value("name"), form.value("region")));
            return saved(orgId, "site");
        } catch (ValidationException | ConflictException e) {
            return refusedSite(orgId, siteId, form, e, uri, headers);
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("sites/{siteId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteSite(@PathParam("orgId") long orgId, @PathParam("siteId") long siteId, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        try {
            organizations.deleteSite(orgId, siteId);
            return saved(orgId, "deleted");
        } catch (ValidationException | ConflictException e) {
            Organization organization = organizations.get(orgId);
            Site site = organization.sites().stream().filter(s -> s.id() == siteId).findFirst().orElseThrow();
            return refusedSite(orgId, siteId, Form.of(java.util.Map.of("name", site.name(), "region", site.region())), e, uri,
                    headers);
        }
    }

    private Response refusedSite(long orgId, long siteId, Form form, ApiException e, UriInfo uri, HttpHeaders headers) {
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/settings");
        form.reject(e, context.messages());
        Organization organization = organizations.get(orgId);
        return Response.status(e.status()).entity(new OrganizationSettingsPage(context, organization,
                OrganizationSettingsPage.stored(organization, context), siteId, form, null)).build();
    }

    private static Response saved(long orgId, String what) {
        return Response.seeOther(URI.create("/organizations/" + orgId + "/settings?saved=" + what)).build();
    }
}
