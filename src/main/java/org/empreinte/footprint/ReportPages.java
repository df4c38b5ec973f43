package org.empreinte.footprint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.calculation.Period;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.PageContext;

/** {@code /organizations/{orgId}/report?year=} (or {@code from=&to=}, {@code tag=}): the printable report. */
@Path("/organizations/{orgId}/report")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ReportPages {

    private final OrganizationService organizations;
    private final FootprintService footprints;
    private final Clock clock;

    public ReportPages(OrganizationService organizations, FootprintService footprints, Clock clock) {
        this.organizations = organizations;
        this.footprints = footprints;
        this.clock = clock;
    }

    @GET
    public ReportPage report(@PathParam("orgId") long orgId, @QueryParam("year") String year, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("tag") String tag, @Context UriInfo uri, @Context HttpHeaders headers) {
        PageContext context = PageContext.of(uri, headers);
        boolean range = from != null && !from.isBlank() || to != null && !to.isBlank();
        Period period = FootprintService.period(year, from, to, LocalDate.now(clock).getYear());
        String label = period.equals(Period.ofYear(period.start().getYear())) ? Integer.toString(period.start().getYear())
                : context.messages().format("report_span", period.start().toString(), period.end().toString());
        String query = (range ? "from=" + period.start() + "&to=" + period.end() : "year=" + period.start().getYear())
                + (tag == null || tag.isBlank() ? "" : "&tag=" + URLEncoder.encode(tag.strip(), StandardCharsets.UTF_8));
        return new ReportPage(context, organizations.get(orgId), footprints.report(orgId, period, tag), label, query);
    }
}
