package org.empreinte.activity;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * {@code GET /api/organizations/{orgId}/activities/export} ({@code ?from=&to=&type=&tag=} as the
 * list; {@code &co2e=true} adds a last column of kg CO2e, which the import ignores): the activities as a CSV file in
 * the import's layout, streamed from the database.
 */
@Path("/api/organizations/{orgId}/activities/export")
public class ActivityExportResource {

    private final ActivityExport exports;

    public ActivityExportResource(ActivityExport exports) {
        this.exports = exports;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Produces("text/csv;charset=UTF-8")
    public Response export(@PathParam("orgId") long orgId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("type") String type, @QueryParam("tag") String tag, @QueryParam("co2e") boolean co2e) {
        ActivityExport.Query query = exports.query(orgId, from, to, type, tag);
        StreamingOutput body = out -> exports.write(query, out, co2e);
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"empreinte-activities-" + orgId + ".csv\"")
                .build();
    }
}
