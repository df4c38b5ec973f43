package org.empreinte.organization;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The yearly figures (intensity denominators) and electricity contracts of an organization. */
@Path("/api/organizations/{orgId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportInputsResource {

    private final YearlyFigures figures;

    public ReportInputsResource(YearlyFigures figures) {
        this.figures = figures;
    }

    @GET
    @Path("/years")
    public List<YearFigures> years(@PathParam("orgId") long orgId) {
        return figures.years(orgId);
    }

    @PUT
    @Path("/years/{year}")
    public YearFigures putYear(@PathParam("orgId") long orgId, @PathParam("year") int year, YearFigures request) {
        return figures.putYear(orgId, year, OrganizationResource.requireBody(request));
    }

    @GET
    @Path("/electricity-contracts")
    public List<ElectricityContract> contracts(@PathParam("orgId") long orgId) {
        return figures.contracts(orgId);
    }

    @POST
    @Path("/electricity-contracts")
    public Response addContract(@PathParam("orgId") long orgId, ElectricityContract request) {
        ElectricityContract created = figures.addContract(orgId, OrganizationResource.requireBody(request));
        return Response.created(URI.create("/api/organizations/" + orgId + "/electricity-contracts/" + created.id()))
                .entity(created).build();
    }

    @DELETE
    @Path("/electricity-contracts/{contractId}")
    public Response deleteContract(@PathParam("orgId") long orgId, @PathParam("contractId") long contractId) {
        figures.deleteContract(orgId, contractId);
        return Response.noContent().build();
    }
}
