package org.empreinte.organization;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** The electricity contracts of an organization, for market-based scope 2. */
@Path("/api/organizations/{orgId}/electricity-contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ElectricityContractResource {

    private final YearlyFigures figures;

    public ElectricityContractResource(YearlyFigures figures) {
        this.figures = figures;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public List<ElectricityContract> contracts(@PathParam("orgId") long orgId) {
        return figures.contracts(orgId);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    public Response addContract(@PathParam("orgId") long orgId, ElectricityContract request) {
        ElectricityContract created = figures.addContract(orgId, OrganizationResource.requireBody(request));
        return Response.created(URI.create("/api/organizations/" + orgId + "/electricity-contracts/" + created.id()))
                .entity(created).build();
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @DELETE
    @Path("/{contractId}")
    public Response deleteContract(@PathParam("orgId") long orgId, @PathParam("contractId") long contractId) {
        figures.deleteContract(orgId, contractId);
        return Response.noContent().build();
    }
}
