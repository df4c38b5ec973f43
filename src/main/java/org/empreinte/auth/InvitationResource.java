package org.empreinte.auth;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** {@code /api/users/me/invitations}: the organizations that invited the signed-in person, to accept or decline. */
@Path("/api/users/me/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;

    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @GET
    @Allow(Permission.SIGNED_IN)
    public List<InvitationDao.Received> received(@Context SecurityContext security) {
        return invitations.received((User) security.getUserPrincipal());
    }

    @POST
    @Path("/{invitationId}/accept")
    @Allow(Permission.SIGNED_IN)
    public Response accept(@PathParam("invitationId") long invitationId, @Context SecurityContext security) {
        AuthDao.Membership member = invitations.accept((User) security.getUserPrincipal(), invitationId);
        return Response.status(201).entity(member).build();
    }

    @DELETE
    @Path("/{invitationId}")
    @Allow(Permission.SIGNED_IN)
    public Response decline(@PathParam("invitationId") long invitationId, @Context SecurityContext security) {
        invitations.decline((User) security.getUserPrincipal(), invitationId);
        return Response.noContent().build();
    }
}
