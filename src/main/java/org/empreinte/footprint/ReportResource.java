package org.empreinte.footprint;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.calculation.Period;
import org.empreinte.web.PageContext;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * {@code GET /api/organizations/{orgId}/report} ({@code ?year=} or {@code ?from=&to=}, {@code tag=}):
 * the footprint of {@code API.md} with the report's sections; with {@code format=csv}, the same as a
 * CSV file in the language of {@code ?lang=}, the language cookie or Accept-Language, as pages are. The total's
 * interval is IPCC's Approach 1 unless {@code uncertainty=montecarlo} asks for Approach 2 (fixed seed).
 */
@Path("/api/organizations/{orgId}/report")
public class ReportResource {

    private final FootprintService footprints;
    private final Clock clock;

    public ReportResource(FootprintService footprints, Clock clock) {
        this.footprints = footprints;
        this.clock = clock;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv;charset=UTF-8"})
    public Response report(@PathParam("orgId") long orgId, @QueryParam("year") String year, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("tag") String tag, @QueryParam("format") String format,
            @QueryParam("uncertainty") String uncertainty, @Context UriInfo uri, @Context HttpHeaders headers) {
        Period period = FootprintService.period(year, from, to, LocalDate.now(clock).getYear());
        if (format != null && !format.isBlank() && !format.equals("json") && !format.equals("csv")) {
            throw new ValidationException("format", "format must be json or csv", "error_choice", "json, csv");
        }
        boolean monteCarlo = "montecarlo".equals(uncertainty);
        if (uncertainty != null && !uncertainty.isBlank() && !monteCarlo && !uncertainty.equals("approach1")) {
            throw new ValidationException("uncertainty", "uncertainty must be approach1 or montecarlo", "error_choice",
                    "approach1, montecarlo");
        }
        Report report = footprints.report(orgId, period, tag, monteCarlo);
        if (!"csv".equals(format)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(ReportCsv.write(report, PageContext.of(uri, headers).messages()), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"empreinte-report-" + orgId + "-" + period.start() + "-"
                        + period.end() + ".csv\"")
                .build();
    }
}
