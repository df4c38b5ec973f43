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

/** {@code POST /api/networks/{id}/coordinators {"userId"}}: administrators name a network's coordinators. */
@Path("/api/networks/{networkId}/coordinators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoordinatorResource {

    private final AccountService accounts;

    public CoordinatorResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @Allow(Permission.ADMINISTRATOR)
    @POST
    public Response add(@PathParam("networkId") long networkId, AccountService.CoordinatorRequest request) {
        User user = accounts.addCoordinator(networkId, OrganizationResource.requireBody(request));
        return Response.created(URI.create("/api/networks/" + networkId + "/coordinators/" + user.id())).entity(user).build();
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    public List<User> list(@PathParam("networkId") long networkId) {
        return accounts.coordinators(networkId);
    }

    @Allow(Permission.ADMINISTRATOR)
    @DELETE
    @Path("/{userId}")
    public Response remove(@PathParam("networkId") long networkId, @PathParam("userId") long userId) {
        accounts.removeCoordinator(networkId, userId);
        return Response.noContent().build();
    }
}
