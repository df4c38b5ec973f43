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

/** Reduction targets, their progress, and the action plan of an organization. */
@Path("/api/organizations/{orgId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final TargetService targets;

    public TargetResource(TargetService targets) {
        this.targets = targets;
    }

    @POST
    @Path("/targets")
    public Response create(@PathParam("orgId") long orgId, TargetRequest request) {
        Target created = targets.createTarget(orgId, request);
        return Response.created(URI.create("/api/organizations/" + orgId + "/targets/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/targets")
    public List<Target> list(@PathParam("orgId") long orgId) {
        return targets.targets(orgId);
    }

    @GET
    @Path("/targets/{id}")
    public Target get(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        return targets.target(orgId, id);
    }

    @DELETE
    @Path("/targets/{id}")
    public Response delete(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        targets.deleteTarget(orgId, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/targets/{id}/progress")
    public Progress progress(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        return targets.progress(orgId, id);
    }

    @POST
    @Path("/actions")
    public Response createAction(@PathParam("orgId") long orgId, ActionRequest request) {
        Action created = targets.createAction(orgId, request);
        return Response.created(URI.create("/api/organizations/" + orgId + "/actions/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/actions")
    public List<Action> actions(@PathParam("orgId") long orgId) {
        return targets.actions(orgId);
    }

    @GET
    @Path("/actions/{id}")
    public Action action(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        return targets.action(orgId, id);
    }

    @PUT
    @Path("/actions/{id}")
    public Action updateAction(@PathParam("orgId") long orgId, @PathParam("id") long id, ActionRequest request) {
        return targets.updateAction(orgId, id, request);
    }

    @DELETE
    @Path("/actions/{id}")
    public Response deleteAction(@PathParam("orgId") long orgId, @PathParam("id") long id) {
        targets.deleteAction(orgId, id);
        return Response.noContent().build();
    }
}
