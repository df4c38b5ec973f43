package org.empreinte.overview;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;

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

import org.empreinte.activity.Activity;
import org.empreinte.activity.ActivityService;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.footprint.Footprint;
import org.empreinte.footprint.FootprintService;
import org.empreinte.inventory.InventoryService;
import org.empreinte.network.CampaignService;
import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.SiteRequest;
import org.empreinte.web.ApiException;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Paging;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * An organization's page, with its sites, its footprint and its activities: above the features it gathers, so
 * that organization need not know activity or footprint (both of which build on it). The home page's list of
 * organizations stays with them, in OrganizationListPages.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class OrganizationPages {

    static final int ACTIVITIES_SHOWN = 50;

    private final OrganizationService organizations;
    private final InventoryService inventories;
    private final CampaignService campaigns;
    private final ActivityService activities;
    private final FootprintService footprints;
    private final Clock clock;
    private final Explanation explanation;
    private final FactorLibrary library;
    public OrganizationPages(OrganizationService organizations, ActivityService activities, FootprintService footprints,
            InventoryService inventories, CampaignService campaigns, Explanation explanation, FactorLibrary library, Clock clock) {
        this.explanation = explanation;
        this.library = library;
        this.organizations = organizations;
        this.inventories = inventories;
        this.campaigns = campaigns;
        this.activities = activities;
        this.footprints = footprints;
        this.clock = clock;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("organizations/{orgId}")
    public OrganizationPage organization(@PathParam("orgId") long orgId, @QueryParam("year") String year,
            @QueryParam("tag") String tag, @QueryParam("imported") String imported, @QueryParam("saved") String saved,
            @QueryParam("after") String after, @Context UriInfo uri, @Context HttpHeaders headers) {
        OrganizationPage page = page(orgId, year, tag, after, Form.empty(), PageContext.of(uri, headers));
        if (saved != null && saved.matches("\\d{1,9}")) {
            page.withSaved(Integer.parseInt(saved));
        }
        return imported != null && imported.matches("\\d{1,9}") ? page.withImported(Integer.parseInt(imported)) : page;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("organizations/{orgId}/sites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addSite(@PathParam("orgId") long orgId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/organizations/" + orgId);
        try {
            organizations.createSite(orgId, new SiteRequest(form.value("name"), form.value("region")));
            return Response.seeOther(URI.create("/organizations/" + orgId + "#sites")).build();
        } catch (ValidationException e) {
            form.reject(e, context.messages());
            return Response.status(422).entity(page(orgId, null, null, null, form, context)).build();
        }
    }

    /**
     * The year's footprint and its most recent activities, {@link #ACTIVITIES_SHOWN} at a time: with 500,000
     * activities the page still reads one page of them. The footprint and the summary are computed while the page
     * waits: they read the running totals (a few hundred rows at any size), no longer every activity.
     */
    private OrganizationPage page(long orgId, String year, String tag, String after, Form siteForm, PageContext context) {
        Organization organization = organizations.get(orgId);
        int fallback = activities.latestYear(orgId).orElse(LocalDate.now(clock).getYear());
        int shown;
        try {
            shown = FootprintService.period(year, null, null, fallback).start().getYear();
        } catch (ApiException e) {
            shown = fallback;
        }
        Period period = Period.ofYear(shown);
        String cleanTag = org.empreinte.web.TextFields.blankToNull(tag);
        Paging paging;
        try {
            paging = Paging.of(null, after, 2).withLimit(ACTIVITIES_SHOWN);
        } catch (ValidationException e) {
            // A cursor mangled in the address bar: the most recent activities rather than an error page.
            paging = Paging.first(ACTIVITIES_SHOWN);
        }
        Paging.Slice<Activity> shownActivities = activities.page(orgId, period.start().toString(), period.end().toString(), null,
                cleanTag, paging, true);
        Footprint footprint = footprints.footprint(orgId, period, cleanTag);
        return new OrganizationPage(context, organization, shown, cleanTag, footprint, shownActivities, !paging.isFirst(),
                siteForm).withFactors(library).withInventory(inventories.state(orgId, shown).orElse(null))
                .withCampaigns(campaigns.openFor(orgId))
                .withSummary(summary(orgId, shown, period, cleanTag, footprint, context));
    }

    /** The plain summary, or null while there is nothing to say. */
    private SummaryView summary(long orgId, int year, Period period, String tag, Footprint footprint, PageContext context) {
        if (footprint.activityCount() == 0) {
            return null;
        }
        return new SummaryView(explanation.explain(orgId, year, footprint,
                footprints.footprint(orgId, Period.ofYear(year - 1), tag), footprints.report(orgId, period, tag), tag),
                context.messages());
    }
}
