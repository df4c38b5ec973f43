package org.empreinte.activity;

import static org.empreinte.web.TextFields.blankToNull;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationService;
import org.empreinte.web.Allow;
import org.empreinte.web.ApiException;
import org.empreinte.web.Form;
import org.empreinte.web.Messages;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;
import org.empreinte.web.ValidationException;

/**
 * A year of one meter's bills on one page: the type, unit and site once, then a quantity per month. Each month
 * filled becomes an activity of that month, all stored together or, when one is refused, none.
 */
@Path("/organizations/{orgId}/activities/grid")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class MonthlyGridPages {

    /** The fields a refusal shares by all months: shown once, beside them; any other goes beside its month. */
    private static final Set<String> SHARED_FIELDS = Set.of("type", "unit", "site", "tags");

    private final ActivityService activities;
    private final ActivityForm fields;
    private final OrganizationService organizations;
    private final Clock clock;

    public MonthlyGridPages(ActivityService activities, ActivityForm fields, OrganizationService organizations, Clock clock) {
        this.activities = activities;
        this.fields = fields;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** Write access, as the single-bill form: a reader could fill the grid but never send it. */
    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    public MonthlyGridPage grid(@PathParam("orgId") long orgId, @QueryParam("year") String year, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        Form form = Form.empty().withValue("year", year == null || !year.strip().matches("\\d{4}")
                ? Integer.toString(LocalDate.now(clock).getYear()) : year.strip());
        return new MonthlyGridPage(PageContext.of(uri, headers), organization, form, fields);
    }

    /**
     * Stores the months filled, or, with {@code copy}, shows the grid filled with the previous year's quantities of
     * the same type, unit and site, storing nothing.
     */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Organization organization = organizations.get(orgId);
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId + "/activities/grid");
        MonthlyGridPage page = new MonthlyGridPage(context, organization, form, fields);
        Integer year = year(form, context.messages());
        if (year == null) {
            return Response.status(422).entity(page).build();
        }
        if (form.value("copy") != null) {
            return Response.ok(copyLastYear(orgId, year, form, page)).build();
        }
        List<ActivityRequest> requests = new ArrayList<>();
        List<Integer> months = new ArrayList<>();
        List<String> tags = ActivityPages.tags(form.value("tags"));
        for (int month = 1; month <= 12; month++) {
            Double quantity;
            try {
                quantity = form.number(MonthlyGridPage.field(month), context.language());
            } catch (ValidationException e) {
                rejectMonth(form, month, e, context.messages());
                continue;
            }
            if (quantity != null) {
                YearMonth period = YearMonth.of(year, month);
                requests.add(new ActivityRequest(form.value("type"), quantity, form.value("unit"), period.atDay(1).toString(),
                        period.atEndOfMonth().toString(), null, null, blankToNull(form.value("site")), tags, "measured", null));
                months.add(month);
            }
        }
        if (!form.getHasErrors() && requests.isEmpty()) {
            form.reject("general", context.messages().get("grid_empty"));
        }
        if (form.getHasErrors()) {
            return Response.status(422).entity(page).build();
        }
        try {
            int stored = activities.createAll(orgId, requests).size();
            return Response.seeOther(URI.create("/organizations/" + orgId + "?year=" + year + "&saved=" + stored)).build();
        } catch (EntriesRefusedException e) {
            e.byIndex().forEach((index, refusal) -> {
                if (SHARED_FIELDS.contains(refusal.field())) {
                    form.reject(refusal, context.messages());
                } else {
                    rejectMonth(form, months.get(index), refusal, context.messages());
                }
            });
            return Response.status(422).entity(page).build();
        }
    }

    private MonthlyGridPage copyLastYear(long orgId, int year, Form form, MonthlyGridPage page) {
        // The page settles the type and unit first (an unknown one becomes the first offered), then they are read.
        page.getTypes();
        page.getUnits();
        String site = blankToNull(form.value("site"));
        Long siteId = site != null && site.matches("\\d{1,18}") ? Long.valueOf(site) : null;
        Map<Integer, Double> quantities = activities.monthlyQuantities(orgId, year - 1, form.value("type"), form.value("unit"),
                siteId);
        for (int month = 1; month <= 12; month++) {
            Double quantity = quantities.get(month);
            form.withValue(MonthlyGridPage.field(month), quantity == null ? "" : ActivityForm.plain(quantity, page.getLang()));
        }
        return page.copied(year - 1, quantities.size());
    }

    /** The grid's year, or null with the refusal beside its field. */
    private static Integer year(Form form, Messages messages) {
        String text = form.value("year");
        if (text != null && text.matches("\\d{4}")) {
            int year = Integer.parseInt(text);
            if (year >= Period.EARLIEST_YEAR && year <= Period.LATEST_YEAR) {
                return year;
            }
        }
        form.reject("year", messages.get("error_year"));
        return null;
    }

    /** A refusal beside its month's input, naming the month, so that it reads alone in the list of errors too. */
    private static void rejectMonth(Form form, int month, ApiException refusal, Messages messages) {
        String reason = refusal.messageKey() != null && messages.has(refusal.messageKey())
                ? messages.format(refusal.messageKey(), refusal.messageArgs()) : refusal.getMessage();
        form.reject(MonthlyGridPage.field(month), messages.format("grid_month_refused", MonthlyGridPage.monthName(month,
                messages), reason));
    }
}
