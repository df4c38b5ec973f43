package org.empreinte.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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

        public Memberships(NetworkService networks) {
            this.networks = networks;
        }

        @Allow(Permission.ORGANIZATION_READ)
        @GET
        public List<Member> list(@PathParam("orgId") long orgId) {
            return networks.memberships(orgId);
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
