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

/** The action plan of an organization. */
@Path("/api/organizations/{orgId}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionResource {

    private final ActionPlan targets;

    public ActionResource(ActionPlan targets) {
        this.targets = targets;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    public Response createAction(@PathParam("orgId") long orgId, ActionRequest request) {
        Action created = targets.createAction(orgId, request);
        return Response.created(URI.create("/api/organizations/" + orgId + "/actions/" + created.id())).entity(created).build();
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public List<Action> actions(@PathParam("orgId") long orgId) {
        return targets.actions(orgId);
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("/{id}")
    public Action action(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        return targets.action(orgId, id);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @PUT
    @Path("/{id}")
    public Action updateAction(@PathParam("orgId") long orgId, @PathParam("id") long id, ActionRequest request) {
        return targets.updateAction(orgId, id, request);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/{id}")
    public Response deleteAction(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        targets.deleteAction(orgId, id);
        return Response.noContent().build();
    }
}
