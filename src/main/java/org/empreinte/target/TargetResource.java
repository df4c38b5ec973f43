package org.empreinte.target;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * Reduction targets and their progress. Rooted at {@code .../targets}, not at the organization: a root
 * resource at {@code /api/organizations/{orgId}} would take that path from OrganizationResource.
 */
@Path("/api/organizations/{orgId}/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final TargetService targets;

    public TargetResource(TargetService targets) {
        this.targets = targets;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    public Response create(@PathParam("orgId") long orgId, TargetRequest request) {
        Target created = targets.createTarget(orgId, request);
        return Response.created(URI.create("/api/organizations/" + orgId + "/targets/" + created.id())).entity(created).build();
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public List<Target> list(@PathParam("orgId") long orgId) {
        return targets.targets(orgId);
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{id}")
    public Target get(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        return targets.target(orgId, id);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        targets.deleteTarget(orgId, id);
        return Response.noContent().build();
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{id}/progress")
    public Progress progress(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        return targets.progress(orgId, id);
    }
}
