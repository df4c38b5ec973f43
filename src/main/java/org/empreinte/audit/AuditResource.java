package org.empreinte.audit;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * {@code GET /api/organizations/{orgId}/audit?limit=}: the organization's trail, newest first, for its
 * editors and administrators (the access filter refuses its viewers).
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
    public List<AuditEvent> events(@PathParam("orgId") long orgId, @QueryParam("limit") String limit) {
        int count = 200;
        if (limit != null && !limit.isBlank()) {
            if (!limit.strip().matches("\\d{1,4}") || Integer.parseInt(limit.strip()) < 1) {
                throw new ValidationException("limit", "limit must be a whole number from 1 to 9999", "error_whole_number", 9999);
            }
            count = Integer.parseInt(limit.strip());
        }
        return trail.events(orgId, count);
    }
}
