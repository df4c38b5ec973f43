package org.empreinte.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.Paging;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * {@code GET /api/organizations/{orgId}/audit?limit=&after=}: the organization's trail, newest first, for its
 * editors and administrators (the access filter refuses its viewers). A page of {@code limit} events (1 to
 * 1,000, 100 by default); the next, older page in the {@code Link: <...>; rel="next"} header.
 */
@Path("/api/organizations/{orgId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @Allow(Permission.ORGANIZATION_HISTORY)
    @GET
    public Response events(@PathParam("orgId") long orgId, @QueryParam("limit") String limit, @QueryParam("after") String after,
            @Context UriInfo uri) {
        return trail.page(orgId, Paging.of(limit, after, 1)).response(uri);
    }
}
