package org.empreinte.organization;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.MalformedRequestException;
import org.empreinte.web.Allow;
import org.empreinte.web.Paging;
import org.empreinte.web.Permission;

@Path("/api/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final OrganizationService organizations;

    public OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Allow(Permission.SIGNED_IN)
    @POST
    public Response create(OrganizationRequest request, @Context SecurityContext security) {
        Organization created = organizations.create(requireBody(request), security.getUserPrincipal());
        return Response.created(URI.create("/api/organizations/" + created.id())).entity(created).build();
    }

    /**
     * The organizations the caller may see (all for an administrator, else those they are a member of), by name:
     * a page of {@code limit} (1 to 1,000, 100 by default), the next in the {@code Link: <...>; rel="next"} header.
     */
    @Allow(Permission.SIGNED_IN)
    @GET
    public Response list(@Context SecurityContext security, @QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context UriInfo uri) {
        return organizations.page(security.getUserPrincipal(), Paging.of(limit, after, 2)).response(uri);
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{orgId}")
    public Organization get(@PathParam("orgId") long orgId) {
        return organizations.get(orgId);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @PUT
    @Path("/{orgId}")
    public Organization update(@PathParam("orgId") long orgId, OrganizationRequest request) {
        return organizations.update(orgId, requireBody(request));
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{orgId}/sites")
    public List<Site> sites(@PathParam("orgId") long orgId) {
        return organizations.sites(orgId);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("/{orgId}/sites")
    public Response createSite(@PathParam("orgId") long orgId, SiteRequest request) {
        Site site = organizations.createSite(orgId, requireBody(request));
        return Response.created(URI.create("/api/organizations/" + orgId + "/sites/" + site.id())).entity(site).build();
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @PUT
    @Path("/{orgId}/sites/{siteId}")
    public Site updateSite(@PathParam("orgId") long orgId, @PathParam("siteId") long siteId, SiteRequest request) {
        return organizations.updateSite(orgId, siteId, requireBody(request));
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/{orgId}/sites/{siteId}")
    public Response deleteSite(@PathParam("orgId") long orgId, @PathParam("siteId") long siteId) {
        organizations.deleteSite(orgId, siteId);
        return Response.noContent().build();
    }

    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new MalformedRequestException(null, "a JSON body is required");
        }
        return body;
    }
}
