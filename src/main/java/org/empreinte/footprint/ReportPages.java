package org.empreinte.footprint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.calculation.Period;
import org.empreinte.organization.ElectricityContract;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.YearFigures;
import org.empreinte.organization.YearlyFigures;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** {@code /organizations/{orgId}/report?year=} (or {@code from=&to=}, {@code tag=}): the printable report. */
@Path("/organizations/{orgId}/report")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ReportPages {

    private final OrganizationService organizations;
    private final FootprintService footprints;
    private final YearlyFigures figures;
    private final Clock clock;

    public ReportPages(OrganizationService organizations, FootprintService footprints, YearlyFigures figures, Clock clock) {
        this.organizations = organizations;
        this.footprints = footprints;
        this.figures = figures;
        this.clock = clock;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public ReportPage report(@PathParam("orgId") long orgId, @QueryParam("year") String year, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("tag") String tag, @Context UriInfo uri, @Context HttpHeaders headers) {
        return page(orgId, year, from, to, tag, PageContext.of(uri, headers), null, null);
    }

    private ReportPage page(long orgId, String year, String from, String to, String tag, PageContext context,
            Form figuresForm, Form contractForm) {
        boolean range = from != null && !from.isBlank() || to != null && !to.isBlank();
        Period period = FootprintService.period(year, from, to, LocalDate.now(clock).getYear());
        String label = period.equals(Period.ofYear(period.start().getYear())) ? Integer.toString(period.start().getYear())
                : context.messages().format("report_span", period.start().toString(), period.end().toString());
        String query = (range ? "from=" + period.start() + "&to=" + period.end() : "year=" + period.start().getYear())
                + (tag == null || tag.isBlank() ? "" : "&tag=" + URLEncoder.encode(tag.strip(), StandardCharsets.UTF_8));
        Integer calendarYear = period.equals(Period.ofYear(period.start().getYear())) ? period.start().getYear() : null;
        Form figuresValues = figuresForm;
        if (figuresValues == null) {
            figuresValues = Form.empty();
            if (calendarYear != null) {
                Form prefilled = figuresValues;
                figures.recorded(orgId, calendarYear).ifPresent(f -> {
                    String language = context.language();
                    prefilled.withValue("employees", f.employees() == null ? null : plain(f.employees(), language));
                    prefilled.withValue("revenueCad", f.revenueCad() == null ? null : plain(f.revenueCad(), language));
                    prefilled.withValue("customLabel", f.customLabel());
                    prefilled.withValue("customValue", f.customValue() == null ? null : plain(f.customValue(), language));
                });
            }
        }
        Period previous = new Period(period.start().minusYears(1), period.end().minusYears(1));
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(period.start()),
                java.time.YearMonth.from(period.end())) + 1;
        return new ReportPage(context, organizations.get(orgId), footprints.report(orgId, period, tag), label, query)
                .withPrevious(footprints.footprint(orgId, previous, tag), months)
                .withInputs(calendarYear, figuresValues, contractForm == null ? Form.empty() : contractForm,
                        figures.contracts(orgId));
    }

    /** The year's figures from the report page's form. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("years")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response putYear(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers);
        String year = form.value("year");
        try {
            int value = year == null || !year.matches("\\d{4}") ? 0 : Integer.parseInt(year);
            figures.putYear(orgId, value, new YearFigures(null, form.number("employees", context.language()),
                    form.number("revenueCad", context.language()), form.value("customLabel"),
                    form.number("customValue", context.language())));
            return Response.seeOther(URI.create("/organizations/" + orgId + "/report?year=" + value + "#report-inputs")).build();
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(422).entity(page(orgId, year, null, null, null, context.at("/organizations/" + orgId + "/report"), form, null)).build();
        }
    }

    /** An electricity contract from the report page's form. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("contracts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addContract(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers);
        String year = form.value("year");
        try {
            String site = form.value("siteId");
            Double rate = form.number("co2eKgPerKwh", context.language());
            figures.addContract(orgId, new ElectricityContract(null, site == null || site.isBlank() ? null : Long.valueOf(site),
                    form.value("kind"), rate, wholeYear(form, "fromYear"), wholeYear(form, "toYear"), form.value("description")));
            return Response.seeOther(URI.create("/organizations/" + orgId + "/report?year=" + year + "#report-inputs")).build();
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(422).entity(page(orgId, year, null, null, null, context.at("/organizations/" + orgId + "/report"), null, form)).build();
        }
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("contracts/{contractId}/delete")
    public Response deleteContract(@PathParam("orgId") long orgId, @PathParam("contractId") long contractId,
            @QueryParam("year") String year) {
        figures.deleteContract(orgId, contractId);
        String back = year != null && year.matches("\\d{4}") ? "?year=" + year : "";
        return Response.seeOther(URI.create("/organizations/" + orgId + "/report" + back + "#report-inputs")).build();
    }

    private static Integer wholeYear(Form form, String field) {
        String text = form.value(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("\\d{4}")) {
            throw new ValidationException(field, field + " must be a year", "error_year");
        }
        return Integer.valueOf(text.strip());
    }

    /** A number written back into a field as its reader types it: no grouping, the language's decimal mark. */
    private static String plain(double value, String language) {
        String text = new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return "fr".equals(language) ? text.replace('.', ',') : text;
    }
}
