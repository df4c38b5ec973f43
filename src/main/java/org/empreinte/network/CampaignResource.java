package org.empreinte.network;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.Allow;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;
import org.empreinte.web.ValidationException;

/** A network's reporting campaigns, for its coordinators: open, follow, remind, export, close. */
@Path("/api/networks/{networkId}/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private static final String CSV = "text/csv;charset=UTF-8";

    private final CampaignService campaigns;

    public CampaignResource(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** Body: {@code {"year": 2025, "dueDate": "2026-03-31"}}; 409 when the network has one for the year already. */
    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    public Response open(@PathParam("networkId") long networkId, CampaignRequest request) {
        Campaign campaign = campaigns.open(networkId, request);
        return Response.created(URI.create("/api/networks/" + networkId + "/campaigns/" + campaign.year())).entity(campaign)
                .build();
    }

    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    public List<Campaign> list(@PathParam("networkId") long networkId) {
        return campaigns.list(networkId);
    }

    /** Each member sharing at least its aggregate with its state, and the counts; {@code format=csv} as status.csv. */
    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    @Path("/{year}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    public Response status(@PathParam("networkId") long networkId, @PathParam("year") int year,
            @QueryParam("format") String format, @Context UriInfo uri, @Context HttpHeaders headers) {
        if (format != null && !format.isBlank() && !format.equals("json") && !format.equals("csv")) {
            throw new ValidationException("format", "format must be json or csv", "error_choice", "json, csv");
        }
        if ("csv".equals(format)) {
            return csv(networkId, year, uri, headers);
        }
        return Response.ok(campaigns.status(networkId, year), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The status as CSV, its headers and states in the reader's language ({@code lang}, else Accept-Language). */
    @Allow(Permission.NETWORK_COORDINATE)
    @GET
    @Path("/{year}/status.csv")
    @Produces(CSV)
    public Response csv(@PathParam("networkId") long networkId, @PathParam("year") int year, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        CampaignStatus status = campaigns.status(networkId, year);
        return Response.ok(CampaignCsv.write(status, PageContext.of(uri, headers).messages()), CSV)
                .header("Content-Disposition", "attachment; filename=\"empreinte-campaign-" + networkId + "-" + year + ".csv\"")
                .build();
    }

    /** Writes to the editors of each member not started or late; without SMTP, sends nothing and answers what would be sent. */
    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("/{year}/reminders")
    public Reminders remind(@PathParam("networkId") long networkId, @PathParam("year") int year) {
        return campaigns.remind(networkId, year);
    }

    /** Freezes the network's aggregate for the year as published now; 409 when closed already. */
    @Allow(Permission.NETWORK_COORDINATE)
    @POST
    @Path("/{year}/close")
    public Campaign close(@PathParam("networkId") long networkId, @PathParam("year") int year) {
        return campaigns.close(networkId, year);
    }
}
