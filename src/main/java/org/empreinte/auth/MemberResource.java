package org.empreinte.auth;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.organization.OrganizationResource;
import org.empreinte.web.Allow;
import org.empreinte.web.Paging;
import org.empreinte.web.Permission;

/**
 * {@code POST /api/organizations/{orgId}/members {"email" or "userId", "role"}}: who may read (viewer)
 * or also change (editor) the organization's data, and the invitations not yet accepted.
 */
@Path("/api/organizations/{orgId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final AccountService accounts;
    private final InvitationService invitations;
    private final TeamService team;

    public MemberResource(AccountService accounts, InvitationService invitations, TeamService team) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.team = team;
    }

    /**
     * What an editor is told after inviting: the same whoever was named, and the invitation's one-time link,
     * which this answer alone shows (only its hash is kept).
     */
    public record Invited(String status, String role, String link) {
    }

    /**
     * An administrator adds the person at once (201); an editor's request becomes an invitation the
     * person accepts (202), answered alike whether or not the address or id belongs to anyone.
     */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    public Response add(@PathParam("orgId") long orgId, AccountService.MemberRequest request,
            @Context SecurityContext security, @Context UriInfo uri) {
        AccountService.MemberRequest body = OrganizationResource.requireBody(request);
        if (security.getUserPrincipal() instanceof User user && user.admin()) {
            AuthDao.Membership member = accounts.addMember(orgId, body);
            return Response.created(URI.create("/api/organizations/" + orgId + "/members/" + member.userId())).entity(member)
                    .build();
        }
        InvitationService.Invitee invitee = InvitationService.invitee(body);
        String secret = invitations.invite(orgId, (User) security.getUserPrincipal(), invitee);
        invitations.mail(orgId, invitee, secret);
        String link = uri.getBaseUri().toString().replaceAll("/+$", "") + "/invitations/" + secret;
        return Response.accepted(new Invited("invited", invitee.role(), link)).build();
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public Response list(@PathParam("orgId") long orgId, @QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context SecurityContext security, @Context UriInfo uri) {
        return accounts.members(orgId, security.getUserPrincipal(), Paging.of(limit, after, 2)).response(uri);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    @Path("/invitations")
    public List<InvitationDao.Invitation> invitations(@PathParam("orgId") long orgId) {
        return invitations.pending(orgId);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/invitations/{invitationId}")
    public Response cancel(@PathParam("orgId") long orgId, @PathParam("invitationId") long invitationId) {
        invitations.cancel(orgId, invitationId);
        return Response.noContent().build();
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/{userId}")
    public Response remove(@PathParam("orgId") long orgId, @PathParam("userId") long userId,
            @Context SecurityContext security) {
        team.removeMember(orgId, userId, administrator(security));
        return Response.noContent().build();
    }

    /** {@code {"role": editor | viewer}}; 409 when it would leave the organization without an editor. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @PUT
    @Path("/{userId}")
    public AuthDao.Membership changeRole(@PathParam("orgId") long orgId, @PathParam("userId") long userId,
            TeamService.RoleRequest request, @Context SecurityContext security) {
        return team.changeRole(orgId, userId, OrganizationResource.requireBody(request).role(), administrator(security));
    }

    static boolean administrator(SecurityContext security) {
        return security.getUserPrincipal() instanceof User user && user.admin();
    }
}
