package org.empreinte.footprint;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

@Path("/api/organizations/{orgId}/footprint")
@Produces(MediaType.APPLICATION_JSON)
public class FootprintResource {

    private final FootprintService footprints;
    private final Clock clock;

    public FootprintResource(FootprintService footprints, Clock clock) {
        this.footprints = footprints;
        this.clock = clock;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public Footprint footprint(@PathParam("orgId") long orgId, @QueryParam("year") String year,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tag") String tag) {
        return footprints.footprint(orgId, FootprintService.period(year, from, to, LocalDate.now(clock).getYear()), tag);
    }
}
