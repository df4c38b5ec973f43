package org.empreinte.network;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.empreinte.footprint.FootprintService;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * What an organization shares with whom, and its benchmark. Two root resources rather than one at
 * {@code /api/organizations/{orgId}}, which would take that path from OrganizationResource.
 */
public final class OrganizationNetworksResource {

    private OrganizationNetworksResource() {
    }

    @Path("/api/organizations/{orgId}/networks")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Memberships {

        private final NetworkService networks;
        private final NetworkAccess access;

        public Memberships(NetworkService networks, NetworkAccess access) {
            this.networks = networks;
            this.access = access;
        }

        /** Its networks; a coordinator reading a member sees its own network only, not the member's others. */
        @Allow(Permission.ORGANIZATION_READ)
        @GET
        public List<Member> list(@PathParam("orgId") long orgId, @Context SecurityContext security) {
            return access.visibleMemberships(security.getUserPrincipal(), orgId, networks.memberships(orgId));
        }

        /** The networks that invited the organization, for its editors to accept or decline. */
        @Allow(Permission.ORGANIZATION_WRITE)
        @GET
        @Path("/invitations")
        public List<NetworkInvitation.Received> invitations(@PathParam("orgId") long orgId) {
            return networks.invitationsOf(orgId);
        }

        /** {@code {"sharing": none | aggregate | detailed}}: the editors' choice, and theirs alone. */
        @Allow(Permission.ORGANIZATION_WRITE)
        @POST
        @Path("/invitations/{networkId}/accept")
        @Consumes(MediaType.APPLICATION_JSON)
        public Response accept(@PathParam("orgId") long orgId, @PathParam("networkId") long networkId, MemberRequest request) {
            Member member = networks.accept(networkId, orgId, request);
            return Response.created(URI.create("/api/networks/" + networkId + "/members/" + orgId)).entity(member).build();
        }

        @Allow(Permission.ORGANIZATION_WRITE)
        @DELETE
        @Path("/invitations/{networkId}")
        public Response decline(@PathParam("orgId") long orgId, @PathParam("networkId") long networkId) {
            networks.decline(networkId, orgId);
            return Response.noContent().build();
        }
    }

    @Path("/api/organizations/{orgId}/benchmark")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Benchmarks {

        private final BenchmarkService benchmarks;
        private final Clock clock;

        public Benchmarks(BenchmarkService benchmarks, Clock clock) {
            this.benchmarks = benchmarks;
            this.clock = clock;
        }

        @Allow(Permission.ORGANIZATION_READ)
        @GET
        public Benchmark benchmark(@PathParam("orgId") long orgId, @QueryParam("year") String year) {
            return benchmarks.benchmark(orgId, FootprintService.period(year, null, null, LocalDate.now(clock).getYear()));
        }
    }
}
