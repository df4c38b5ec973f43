package org.empreinte.factor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.PageContext;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

@Path("/emission-factors")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class FactorPages {

    private final FactorLibrary library;
    private final EmissionFactorResource api;

    public FactorPages(FactorLibrary library, EmissionFactorResource api) {
        this.library = library;
        this.api = api;
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    public FactorsPage list(@QueryParam("type") String type, @QueryParam("region") String region,
            @QueryParam("year") String year, @Context UriInfo uri, @Context HttpHeaders headers) {
        return new FactorsPage(PageContext.of(uri, headers), api.list(type, region, year), library);
    }
}
