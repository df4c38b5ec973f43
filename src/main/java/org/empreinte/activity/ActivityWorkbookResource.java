package org.empreinte.activity;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.web.Allow;
import org.empreinte.web.ErrorBody;
import org.empreinte.web.Messages;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;

/**
 * {@code GET /api/organizations/{orgId}/activities/templates/{family}} ({@code energy}, {@code travel},
 * {@code purchases}, {@code waste}): an XLSX template to fill and import, in French or English ({@code ?lang=} or
 * Accept-Language); {@code GET .../activities/export.xlsx} (the CSV export's filters): the activities in the
 * import's layout with their kg CO2e.
 */
@Path("/api/organizations/{orgId}/activities")
public class ActivityWorkbookResource {

    private final ActivityWorkbooks workbooks;
    private final ActivityExport exports;

    public ActivityWorkbookResource(ActivityWorkbooks workbooks, ActivityExport exports) {
        this.workbooks = workbooks;
        this.exports = exports;
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("templates/{family}")
    @Produces({ActivityImportResource.XLSX, MediaType.APPLICATION_JSON})
    public Response template(@PathParam("orgId") long orgId, @PathParam("family") String name, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        exports.query(orgId, null, null, null, null); // 404 for an organization that does not exist
        ActivityWorkbooks.Family family = ActivityWorkbooks.Family.named(name);
        if (family == null) {
            String families = Arrays.stream(ActivityWorkbooks.Family.values()).map(ActivityWorkbooks.Family::slug)
                    .collect(Collectors.joining(", "));
            return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(404, "no template '" + name
                    + "'; the templates are " + families, null)).build();
        }
        Messages messages = messages(uri, headers);
        StreamingOutput body = out -> workbooks.template(family, messages, out);
        return Response.ok(body, ActivityImportResource.XLSX).header("Content-Disposition", "attachment; filename=\"empreinte-"
                + messages.get(family.messageKey).toLowerCase(messages.locale()).replaceAll("[^\\p{L}0-9]+", "-")
                        .replaceAll("[^a-z0-9-]", "") + ".xlsx\"").build();
    }

    @Allow(Permission.ORGANIZATION_READ)
    @GET
    @Path("export.xlsx")
    @Produces(ActivityImportResource.XLSX)
    public Response export(@PathParam("orgId") long orgId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("type") String type, @QueryParam("tag") String tag, @Context UriInfo uri, @Context HttpHeaders headers) {
        ActivityExport.Query query = exports.query(orgId, from, to, type, tag);
        Messages messages = messages(uri, headers);
        StreamingOutput body = out -> workbooks.export(exports, query, messages, out);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"empreinte-activities-" + orgId + ".xlsx\"")
                .build();
    }

    private static Messages messages(UriInfo uri, HttpHeaders headers) {
        return Messages.of(PageContext.asksFrench(uri, headers) ? Messages.FRENCH : Messages.ENGLISH);
    }
}
