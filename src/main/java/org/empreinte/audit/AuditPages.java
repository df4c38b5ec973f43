package org.empreinte.audit;

import java.net.URI;

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

import org.empreinte.web.PageContext;
import org.empreinte.web.Paging;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;
import org.empreinte.web.ValidationException;

/**
 * {@code /organizations/{orgId}/audit}: the trail for the organization's editors (the access filter
 * refuses its viewers), with a button to log a deleted activity again.
 */
@Path("/organizations/{orgId}/audit")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AuditPages {

    // Interfaces, not imports: organization and activity write to the audit trail, so audit must not depend on them.

    /** An organization's name, for the page's title. */
    public interface OrganizationNames {
        String name(long organizationId);
    }

    /** Logs a deleted activity again; returns the new activity's id. */
    public interface Restorer {
        long restore(long organizationId, long activityId);
    }

    private final AuditTrail trail;
    private final OrganizationNames organizationNames;
    private final Restorer restorer;

    public AuditPages(AuditTrail trail, OrganizationNames organizationNames, Restorer restorer) {
        this.trail = trail;
        this.organizationNames = organizationNames;
        this.restorer = restorer;
    }

    @Allow(Permission.ORGANIZATION_HISTORY)
    @GET
    public AuditPage page(@PathParam("orgId") long orgId, @QueryParam("restored") Long restored,
            @QueryParam("after") String after, @Context UriInfo uri, @Context HttpHeaders headers) {
        Paging paging;
        try {
            paging = Paging.of(null, after, 1);
        } catch (ValidationException e) {
            // A cursor mangled in the address bar: the newest events rather than an error page.
            paging = Paging.first();
        }
        Paging.Slice<AuditEvent> events = trail.page(orgId, paging);
        // A deletion can be undone while it is the trail's last word on its activity, which a later event may be
        // on a newer page than this one: asked of the trail, not of this page.
        java.util.Set<Long> restorable = new java.util.HashSet<>();
        for (AuditEvent event : events.items()) {
            if ("activity".equals(event.entity()) && AuditTrail.DELETE.equals(event.action()) && event.entityId() != null
                    && trail.last(orgId, "activity", event.entityId()).map(AuditEvent::id).orElse(-1L) == event.id()) {
                restorable.add(event.id());
            }
        }
        return new AuditPage(PageContext.of(uri, headers), orgId, organizationNames.name(orgId), events.items(), restorable,
                events.next() == null ? null : "/organizations/" + orgId + "/audit?after=" + events.next(), paging.isFirst() ? null
                        : "/organizations/" + orgId + "/audit", restored);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("activities/{activityId}/restore")
    public Response restore(@PathParam("orgId") long orgId, @PathParam("activityId") long activityId) {
        long id = restorer.restore(orgId, activityId);
        return Response.seeOther(URI.create("/organizations/" + orgId + "/audit?restored=" + id)).build();
    }
}
