package org.empreinte.web;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api}: what this service is, for a client checking it talks to Empreinte. It reads
 * nothing, which also makes it the benchmarks' ceiling for an HTTP round trip.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ApiRootResource {

    private static final Map<String, String> ABOUT = Map.of("name", "Empreinte", "version",
            ApiRootResource.class.getPackage().getImplementationVersion() == null ? "dev"
                    : ApiRootResource.class.getPackage().getImplementationVersion());

    @Allow(Permission.SIGNED_IN)
    @GET
    public Map<String, String> about() {
        return ABOUT;
    }
}
