package org.empreinte.network;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;

import org.empreinte.footprint.FootprintService;

@Path("/api/networks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NetworkResource {

    private final NetworkService networks;
    private final Clock clock;
    private final NetworkAccess access;

    public NetworkResource(NetworkService networks, Clock clock) {
        this(networks, clock, NetworkAccess.EVERYONE);
    }

    public NetworkResource(NetworkService networks, Clock clock, NetworkAccess access) {
        this.networks = networks;
        this.clock = clock;
        this.access = access;
    }

    @POST
    public Response create(NetworkRequest request) {
        Network created = networks.create(request);
        return Response.created(URI.create("/api/networks/" + created.id())).entity(created).build();
    }

    @GET
    public List<Network> list(@Context SecurityContext security) {
        Set<Long> visible = access.networks(security.getUserPrincipal());
        return visible == null ? networks.list() : networks.list().stream().filter(n -> visible.contains(n.id())).toList();
    }

    @GET
    @Path("/{id}")
    public Network get(@PathParam("id") long id) {
        return networks.network(id);
    }

    @PUT
    @Path("/{id}/target")
    public Network setTarget(@PathParam("id") long id, NetworkRequest.TargetRequest request) {
        return networks.setTarget(id, request);
    }

    @DELETE
    @Path("/{id}/target")
    public Response deleteTarget(@PathParam("id") long id) {
        networks.deleteTarget(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/members")
    public Response addMember(@PathParam("id") long id, MemberRequest request, @Context SecurityContext security) {
        // A coordinator invites; only the member decides to share more than nothing.
        if (request != null && request.organizationId() != null && request.sharing() != null
                && !"none".equalsIgnoreCase(request.sharing().strip())
                && !access.mayConsentFor(security.getUserPrincipal(), request.organizationId())) {
            throw new ConsentException();
        }
        Member member = networks.addMember(id, request);
        return Response.created(URI.create("/api/networks/" + id + "/members/" + member.organizationId())).entity(member).build();
    }

    @PUT
    @Path("/{id}/members/{orgId}")
    public Member changeSharing(@PathParam("id") long id, @PathParam("orgId") long orgId, MemberRequest request) {
        return networks.changeSharing(id, orgId, request);
    }

    @DELETE
    @Path("/{id}/members/{orgId}")
    public Response removeMember(@PathParam("id") long id, @PathParam("orgId") long orgId) {
        networks.removeMember(id, orgId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/aggregate")
    public NetworkAggregate aggregate(@PathParam("id") long id, @QueryParam("year") String year) {
        return networks.aggregate(id, FootprintService.period(year, null, null, LocalDate.now(clock).getYear()));
    }
}
