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
import org.empreinte.web.Allow;
import org.empreinte.web.Paging;
import org.empreinte.web.Permission;

@Path("/api/networks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NetworkResource {

    private final NetworkService networks;
    private final CampaignService campaigns;
    private final Clock clock;
    private final NetworkAccess access;

    public NetworkResource(NetworkService networks, CampaignService campaigns, Clock clock, NetworkAccess access) {
        this.networks = networks;
        this.campaigns = campaigns;
        this.clock = clock;
        this.access = access;
    }

    @Allow(Permission.ADMINISTRATOR)
    @POST
    public Response create(NetworkRequest request) {
        Network created = networks.create(request);
        return Response.created(URI.create("/api/networks/" + created.id())).entity(created).build();
    }

    /** The networks the caller may see, by name: a page of {@code limit} (1 to 1,000, 100 by default), next in {@code Link}. */
    @Allow(Permission.SIGNED_IN)
    @GET
    public Response list(@Context SecurityContext security, @QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context jakarta.ws.rs.core.UriInfo uri) {
        Set<Long> visible = access.networks(security.getUserPrincipal());
        return networks.page(visible, Paging.of(limit, after, 2)).response(uri);
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    @Path("/{networkId}")
    public Network get(@PathParam("networkId") long id) {
        return networks.network(id);
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @PUT
    @Path("/{networkId}/target")
    public Network setTarget(@PathParam("networkId") long id, NetworkRequest.TargetRequest request) {
        return networks.setTarget(id, request);
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @DELETE
    @Path("/{networkId}/target")
    public Response deleteTarget(@PathParam("networkId") long id) {
        networks.deleteTarget(id);
        return Response.noContent().build();
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("/{networkId}/members")
    public Response addMember(@PathParam("networkId") long id, MemberRequest request, @Context SecurityContext security) {
        // Administrators, who see every organization, add at once; a coordinator invites, and the
        // member's editors accept and decide what it shares.
        if (access.networks(security.getUserPrincipal()) == null) {
            Member member = networks.addMember(id, request);
            return Response.created(URI.create("/api/networks/" + id + "/members/" + member.organizationId())).entity(member)
                    .build();
        }
        networks.invite(id, request);
        return Response.accepted(new NetworkInvitation.Invited("invited")).build();
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    @Path("/{networkId}/invitations")
    public List<NetworkInvitation.Sent> invitations(@PathParam("networkId") long id) {
        return networks.invitationsFrom(id);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @PUT
    @Path("/{networkId}/members/{orgId}")
    public Member changeSharing(@PathParam("networkId") long id, @PathParam("orgId") long orgId, MemberRequest request) {
        return networks.changeSharing(id, orgId, request);
    }

    @Allow({Permission.NETWORK_COORDINATE, Permission.ORGANIZATION_WRITE})
    @DELETE
    @Path("/{networkId}/members/{orgId}")
    public Response removeMember(@PathParam("networkId") long id, @PathParam("orgId") long orgId) {
        networks.removeMember(id, orgId);
        return Response.noContent().build();
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    @Path("/{networkId}/aggregate")
    public NetworkAggregate aggregate(@PathParam("networkId") long id, @QueryParam("year") String year) {
        // A year whose campaign is closed answers the figures frozen at closing.
        return campaigns.published(id, FootprintService.period(year, null, null, LocalDate.now(clock).getYear()));
    }

    /** Each sharing member's inventory state for the year: states only, never the figures of a member sharing its aggregate. */
    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    @Path("/{networkId}/inventories")
    public List<MemberInventory> inventories(@PathParam("networkId") long id, @QueryParam("year") String year) {
        return networks.inventories(id, FootprintService.period(year, null, null, LocalDate.now(clock).getYear()).start().getYear());
    }

    /** Body optional: {@code {"comment": "..."}}. The member must share at least its aggregate with the network. */
    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("/{networkId}/inventories/{memberId}/{year}/review")
    public MemberInventory review(@PathParam("networkId") long id, @PathParam("memberId") long memberId,
            @PathParam("year") int year, java.util.Map<String, String> body) {
        return networks.review(id, memberId, year, body == null ? null : body.get("comment"), true);
    }

    /** Body: {@code {"comment": "what to fix"}}, required. */
    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("/{networkId}/inventories/{memberId}/{year}/return")
    public MemberInventory sendBack(@PathParam("networkId") long id, @PathParam("memberId") long memberId,
            @PathParam("year") int year, java.util.Map<String, String> body) {
        return networks.review(id, memberId, year, body == null ? null : body.get("comment"), false);
    }
}
