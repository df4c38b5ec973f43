package org.empreinte.activity;

import java.net.URI;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.organization.OrganizationResource;
import org.empreinte.web.Allow;
import org.empreinte.web.Paging;
import org.empreinte.web.Permission;

@Path("/api/organizations/{orgId}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityService activities;

    public ActivityResource(ActivityService activities) {
        this.activities = activities;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    public Response create(@PathParam("orgId") long orgId, ActivityRequest request) {
        Activity activity = activities.create(orgId, OrganizationResource.requireBody(request));
        return Response.created(URI.create("/api/organizations/" + orgId + "/activities/" + activity.id()))
                .entity(activity).build();
    }

    /**
     * A page of the activities, in the order the list always had (start of the period, then id): the body is
     * still the JSON list, and a {@code Link: <...>; rel="next"} header gives the next page while there is
     * one. {@code limit} 1 to 1,000 (100 by default); {@code after} is the cursor of that link. No total count:
     * counting an organization's 500,000 rows on every page would cost more than the page.
     */
    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public Response list(@PathParam("orgId") long orgId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("type") String type, @QueryParam("tag") String tag, @QueryParam("limit") String limit,
            @QueryParam("after") String after, @Context UriInfo uri) {
        return activities.page(orgId, from, to, type, tag, Paging.of(limit, after, 2), false).response(uri);
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{id}")
    public Activity get(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        return activities.get(orgId, id);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @PUT
    @Path("/{id}")
    public Activity update(@PathParam("orgId") long orgId, @PathParam("id") long id, ActivityRequest request) {
        return activities.update(orgId, id, OrganizationResource.requireBody(request));
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        activities.delete(orgId, id);
        return Response.noContent().build();
    }

    /** A deleted activity, logged again from the audit trail: 201 with the new activity and its new id. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("/{id}/restore")
    public Response restore(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        Activity restored = activities.restore(orgId, id);
        return Response.created(URI.create("/api/organizations/" + orgId + "/activities/" + restored.id())).entity(restored)
                .build();
    }
}
