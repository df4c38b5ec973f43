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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;


import org.empreinte.organization.OrganizationResource;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * Users and their tokens, as {@code API.md} fixes them. Administrators create users and see them
 * all; anyone manages their own tokens (an administrator, anyone's). A token's secret is in the
 * response that creates it and nowhere else.
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @Allow(Permission.ADMINISTRATOR)
    @POST
    public Response create(AccountService.UserRequest request) {
        User user = accounts.createUser(OrganizationResource.requireBody(request));
        return Response.created(URI.create("/api/users/" + user.id())).entity(user).build();
    }

    @Allow(Permission.ADMINISTRATOR)
    @GET
    public List<User> list() {
        return accounts.users();
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    @Path("/me")
    public User me(@Context SecurityContext security) {
        return (User) security.getUserPrincipal();
    }

    @Allow(Permission.SELF)
    @GET
    @Path("/{userId}")
    public User get(@PathParam("userId") long userId) {
        return accounts.user(userId);
    }

    public record TokenRequest(String label) {
    }

    @Allow(Permission.SELF)
    @POST
    @Path("/{userId}/tokens")
    public Response createToken(@PathParam("userId") long userId, TokenRequest request) {
        AccountService.CreatedToken token = accounts.createToken(userId, request == null ? null : request.label());
        return Response.created(URI.create("/api/users/" + userId + "/tokens/" + token.id())).entity(token).build();
    }

    @Allow(Permission.SELF)
    @GET
    @Path("/{userId}/tokens")
    public List<AuthDao.Token> tokens(@PathParam("userId") long userId) {
        return accounts.tokens(userId);
    }

    /** Revoked at once, on every instance: tokens are checked against the database on each request. */
    @Allow(Permission.SELF)
    @DELETE
    @Path("/{userId}/tokens/{tokenId}")
    public Response revoke(@PathParam("userId") long userId, @PathParam("tokenId") long tokenId) {
        accounts.revokeToken(userId, tokenId);
        return Response.noContent().build();
    }
}
