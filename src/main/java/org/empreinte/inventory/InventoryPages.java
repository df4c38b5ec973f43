package org.empreinte.inventory;

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

import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Allow;
import org.empreinte.web.ApiException;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;

/** The year's page of an organization, and its two forms: submit, reopen. */
@Path("/organizations/{orgId}/inventories/{year}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class InventoryPages {

    private final InventoryService inventories;
    private final OrganizationService organizations;

    public InventoryPages(InventoryService inventories, OrganizationService organizations) {
        this.inventories = inventories;
        this.organizations = organizations;
    }

    /** {@code done}: submitted or reopened, the step just taken, said at the top. */
    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public InventoryPage page(@PathParam("orgId") long orgId, @PathParam("year") int year, @QueryParam("done") String done,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        PageContext context = PageContext.of(uri, headers);
        String notice = "submitted".equals(done) || "reopened".equals(done)
                ? context.messages().format("inventory_" + done + "_notice", Integer.toString(year)) : null;
        return page(orgId, year, context, notice, null);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("orgId") long orgId, @PathParam("year") int year, MultivaluedMap<String, String> params,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        try {
            inventories.submit(orgId, year);
            return done(orgId, year, "submitted");
        } catch (ApiException e) {
            return refused(orgId, year, e, uri, headers);
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("reopen")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reopen(@PathParam("orgId") long orgId, @PathParam("year") int year, MultivaluedMap<String, String> params,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        try {
            inventories.reopen(orgId, year, params.getFirst("comment"));
            return done(orgId, year, "reopened");
        } catch (ApiException e) {
            return refused(orgId, year, e, uri, headers);
        }
    }

    private static Response done(long orgId, int year, String step) {
        return Response.seeOther(URI.create("/organizations/" + orgId + "/inventories/" + year + "?done=" + step)).build();
    }

    /** A refusal said on the page, in its language; a missing organization stays the 404 it is everywhere. */
    private Response refused(long orgId, int year, ApiException e, UriInfo uri, HttpHeaders headers) {
        if (e.status() == 404) {
            throw e;
        }
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/inventories/" + year);
        String text = e.messageKey() != null && context.messages().has(e.messageKey())
                ? context.messages().format(e.messageKey(), e.messageArgs()) : e.getMessage();
        return Response.status(e.status()).entity(page(orgId, year, context, null, text)).build();
    }

    private InventoryPage page(long orgId, int year, PageContext context, String notice, String error) {
        return new InventoryPage(context, organizations.get(orgId), inventories.year(orgId, year), notice, error);
    }
}
