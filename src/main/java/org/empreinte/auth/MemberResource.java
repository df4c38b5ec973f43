package org.empreinte.auth;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.empreinte.organization.OrganizationResource;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * {@code POST /api/organizations/{orgId}/members {"userId", "role"}}: who may read (viewer) or also
 * change (editor) the organization's data. The access filter lets its editors and administrators
 * write here, and its viewers read.
 */
@Path("/api/organizations/{orgId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final AccountService accounts;

    public MemberResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    public Response add(@PathParam("orgId") long orgId, AccountService.MemberRequest request) {
        AuthDao.Membership member = accounts.addMember(orgId, OrganizationResource.requireBody(request));
        return Response.created(URI.create("/api/organizations/" + orgId + "/members/" + member.userId())).entity(member).build();
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public List<AuthDao.Membership> list(@PathParam("orgId") long orgId) {
        return accounts.members(orgId);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/{userId}")
    public Response remove(@PathParam("orgId") long orgId, @PathParam("userId") long userId) {
        accounts.removeMember(orgId, userId);
        return Response.noContent().build();
    }
}
