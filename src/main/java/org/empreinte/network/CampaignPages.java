package org.empreinte.network;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.calculation.Period;
import org.empreinte.web.ApiException;
import org.empreinte.web.Allow;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;

/**
 * The campaign forms of a network's dashboard. Each posts, then sends the coordinator back to the dashboard with a
 * notice; a refused form is shown again there with the message beside its field.
 */
@Path("/networks/{networkId}/campaigns")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CampaignPages {

    /** The notices the dashboard shows after a form, by the name its address carries. */
    static final List<String> NOTICES = List.of("opened", "reviewed", "returned", "reminded", "previewed", "closed");

    private final NetworkService networks;
    private final CampaignService campaigns;
    private final java.time.Clock clock;

    public CampaignPages(NetworkService networks, CampaignService campaigns, java.time.Clock clock) {
        this.networks = networks;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("networkId") long networkId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        try {
            Campaign campaign = campaigns.open(networkId, new CampaignRequest(form.value("year"), form.value("dueDate")));
            return back(networkId, campaign.year(), "opened");
        } catch (ApiException e) {
            if (e.field() == null) {
                throw e;
            }
            PageContext context = PageContext.of(uri, headers).at("/networks/" + networkId);
            form.reject(e, context.messages());
            int shown = shownYear(form.value("year"));
            return Response.status(e.status() == 409 ? 409 : 422).entity(NetworkPages.Coordinator.page(networks, campaigns, context, networkId,
                    Period.ofYear(shown), null, form, null, null)).build();
        }
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("{year}/members/{memberId}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("networkId") long networkId, @PathParam("year") int year,
            @PathParam("memberId") long memberId, MultivaluedMap<String, String> params) {
        networks.review(networkId, memberId, year, Form.of(params).value("comment"), true);
        return back(networkId, year, "reviewed");
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("{year}/members/{memberId}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendBack(@PathParam("networkId") long networkId, @PathParam("year") int year,
            @PathParam("memberId") long memberId, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Form form = Form.of(params);
        try {
            networks.review(networkId, memberId, year, form.value("comment"), false);
            return back(networkId, year, "returned");
        } catch (ApiException e) {
            if (!"comment".equals(e.field())) {
                throw e;
            }
            PageContext context = PageContext.of(uri, headers).at("/networks/" + networkId);
            form.reject(e, context.messages());
            return Response.status(422).entity(NetworkPages.Coordinator.page(networks, campaigns, context, networkId, Period.ofYear(year),
                    null, null, memberId, form)).build();
        }
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("{year}/reminders")
    public Response remind(@PathParam("networkId") long networkId, @PathParam("year") int year) {
        Reminders reminders = campaigns.remind(networkId, year);
        if (!reminders.mailEnabled()) {
            return back(networkId, year, "previewed");
        }
        return Response.seeOther(URI.create("/networks/" + networkId + "?year=" + year + "&campaign=reminded&sent="
                + reminders.sent() + "&failed=" + reminders.failed() + "#campaign")).build();
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("{year}/close")
    public Response close(@PathParam("networkId") long networkId, @PathParam("year") int year) {
        campaigns.close(networkId, year);
        return back(networkId, year, "closed");
    }

    private static Response back(long networkId, int year, String notice) {
        return Response.seeOther(URI.create("/networks/" + networkId + "?year=" + year + "&campaign=" + notice + "#campaign"))
                .build();
    }

    /** The year a refused form was about, when it names one; else this year's page. */
    private int shownYear(String typed) {
        try {
            int year = Integer.parseInt(typed == null ? "" : typed.strip());
            if (year >= Period.EARLIEST_YEAR && year <= Period.LATEST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // the message beside the field says what is wrong; the page shows the current year
        }
        return java.time.Year.now(clock).getValue();
    }
}
