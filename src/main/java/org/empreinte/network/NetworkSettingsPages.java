package org.empreinte.network;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.Allow;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;
import org.empreinte.web.ValidationException;

/**
 * The forms of the dashboard's section that runs a network: invite an organization (its editors accept and choose
 * what they share), name or remove coordinators (administrators), set, change or remove the network's target. A
 * root resource of its own, as CampaignPages is, under the dashboard's address.
 */
@Path("/networks/{networkId}/settings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class NetworkSettingsPages {

    static final Set<String> NOTICES = Set.of("invited", "coordinator", "coordinator_removed", "target", "target_removed");

    private final NetworkService networks;
    private final NetworkAccess access;
    private final NetworkPages.Coordinator dashboard;

    public NetworkSettingsPages(NetworkService networks, NetworkAccess access, NetworkPages.Coordinator dashboard) {
        this.networks = networks;
        this.access = access;
        this.dashboard = dashboard;
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@PathParam("networkId") long id, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        Form form = Form.of(params);
        try {
            String value = form.value("organizationId");
            long organizationId;
            try {
                organizationId = Long.parseLong(value == null ? "" : value.strip());
            } catch (NumberFormatException e) {
                throw new ValidationException("organizationId", "organizationId must be an organization's number",
                        "error_organization_number");
            }
            networks.invite(id, new MemberRequest(organizationId, null));
            return done(id, "invited");
        } catch (ValidationException e) {
            return refused(id, e, uri, headers, security, form, null, null);
        }
    }

    @Allow(Permission.ADMINISTRATOR)
    @POST
    @Path("coordinators")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response nameCoordinator(@PathParam("networkId") long id, MultivaluedMap<String, String> params,
            @Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext security) {
        Form form = Form.of(params);
        try {
            access.nameCoordinator(id, form.value("email"));
            return done(id, "coordinator");
        } catch (ValidationException e) {
            return refused(id, e, uri, headers, security, null, form, null);
        }
    }

    @Allow(Permission.ADMINISTRATOR)
    @POST
    @Path("coordinators/{userId}/remove")
    public Response removeCoordinator(@PathParam("networkId") long id, @PathParam("userId") long userId) {
        access.removeCoordinator(id, userId);
        return done(id, "coordinator_removed");
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("target")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setTarget(@PathParam("networkId") long id, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers);
        try {
            List<Object> scopes = new ArrayList<>();
            for (String scope : List.of("1", "2", "3")) {
                if ("on".equals(form.value("scope" + scope))) {
                    scopes.add(scope);
                }
            }
            networks.setTarget(id, new NetworkRequest.TargetRequest(year(form, "baseYear"), year(form, "targetYear"),
                    form.number("reductionPercent", context.language()), scopes));
            return done(id, "target");
        } catch (ValidationException e) {
            return refused(id, e, uri, headers, security, null, null, form);
        }
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("target/delete")
    public Response deleteTarget(@PathParam("networkId") long id) {
        networks.deleteTarget(id);
        return done(id, "target_removed");
    }

    private static Integer year(Form form, String field) {
        String value = form.value(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, field + " must be a year such as 2024", "error_year");
        }
    }

    private static Response done(long id, String what) {
        return Response.seeOther(URI.create("/networks/" + id + "?done=" + what + "#network-manage")).build();
    }

    private Response refused(long id, ValidationException e, UriInfo uri, HttpHeaders headers, SecurityContext security,
            Form invite, Form coordinator, Form target) {
        PageContext context = PageContext.of(uri, headers).at("/networks/" + id);
        NetworkManagement.Forms empty = NetworkManagement.Forms.empty(networks.network(id));
        NetworkManagement.Forms forms = new NetworkManagement.Forms(
                invite != null ? invite.reject(e, context.messages()) : empty.invite(),
                coordinator != null ? coordinator.reject(e, context.messages()) : empty.coordinator(),
                target != null ? target.reject(e, context.messages()) : empty.target());
        return Response.status(e.status()).entity(dashboard.managed(context, id, security.getUserPrincipal(), forms)).build();
    }
}
