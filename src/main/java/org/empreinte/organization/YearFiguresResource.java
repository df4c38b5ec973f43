package org.empreinte.organization;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** The yearly figures of an organization: the denominators of its intensities. */
@Path("/api/organizations/{orgId}/years")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class YearFiguresResource {

    private final YearlyFigures figures;

    public YearFiguresResource(YearlyFigures figures) {
        this.figures = figures;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    public List<YearFigures> years(@PathParam("orgId") long orgId) {
        return figures.years(orgId);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @PUT
    @Path("/{year}")
    public YearFigures putYear(@PathParam("orgId") long orgId, @PathParam("year") int year, YearFigures request) {
        return figures.putYear(orgId, year, OrganizationResource.requireBody(request));
    }
}
