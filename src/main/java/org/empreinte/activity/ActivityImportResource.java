package org.empreinte.activity;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
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

import org.empreinte.web.ErrorBody;
import org.empreinte.web.Allow;
import org.empreinte.web.Messages;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;

/**
 * {@code POST /api/organizations/{orgId}/activities/import} with {@code Content-Type: text/csv}, or an XLSX
 * workbook ({@code ?sheet=} names its sheet, else the first): 200 {@code {"imported": n}}; 422 with every row
 * error and nothing stored; 409 for a file already imported into the organization; 400 for a file that is not
 * readable. {@code ?dryRun=true} answers what the import would store (rows, kg CO2e by type and by year, the
 * activities it would replace, the sites the file names that do not exist) and stores nothing.
 * {@code ?utility=hydro-quebec&site=} reads a Hydro-Québec download for that site; {@code &replace=true} replaces
 * the periods already logged there that it overlaps, which are otherwise refused.
 */
@Path("/api/organizations/{orgId}/activities/import")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityImportResource {

    public static final String TEXT_CSV = "text/csv";
    /** {@code ?utility=} for a Hydro-Québec download (hourly, daily or billing periods), with {@code ?site=}. */
    public static final String HYDRO_QUEBEC = "hydro-quebec";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Larger files go through the {@code import} command, which never holds the file whole. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /** The 422 body: the API's error body with the list of row errors, and the sites rows name that do not exist. */
    public record ImportErrorBody(int code, String message, List<Line> errors, boolean truncated, List<String> unknownSites) {
        public record Line(int row, String column, String message) {
        }

        /** In English, or in French when the request asks for it (as every API refusal: see {@code ErrorResponses}). */
        static ImportErrorBody of(ImportRefusedException e, boolean french) {
            Messages messages = french ? Messages.of(Messages.FRENCH) : null;
            return new ImportErrorBody(422, text(messages, e.messageKey(), e.messageArgs(), e.getMessage()), e.errors().stream()
                    .map(error -> new Line(error.row(), error.column(), text(messages, error.messageKey(),
                            error.messageArgs().toArray(), error.message()))).toList(), e.truncated(), e.unknownSites());
        }

        private static String text(Messages messages, String key, Object[] args, String english) {
            return messages != null && key != null && messages.has(key) ? messages.format(key, args) : english;
        }
    }

    /** The 409 body: the API's error body, saying which import already brought this file and when. */
    public record DuplicateBody(int code, String message, long importId, String importedAt) {
    }

    private final ActivityImport imports;

    public ActivityImportResource(ActivityImport imports) {
        this.imports = imports;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(TEXT_CSV)
    public Response importCsv(@PathParam("orgId") long orgId, @QueryParam("dryRun") boolean dryRun,
            @QueryParam("utility") String utility, @QueryParam("site") String site, @QueryParam("replace") boolean replace,
            @Context HttpHeaders headers, @Context UriInfo uri, InputStream body) throws IOException {
        String charset = headers.getMediaType() == null ? null : headers.getMediaType().getParameters().get("charset");
        if (charset != null && !List.of("utf-8", "us-ascii", "windows-1252").contains(charset.toLowerCase(Locale.ROOT))) {
            return refusal(415, "a CSV file must be UTF-8 or Windows-1252, not " + charset);
        }
        ActivityImport.Format format = ActivityImport.Format.CSV;
        if (utility != null) {
            if (!HYDRO_QUEBEC.equals(utility)) {
                return refusal(400, "utility '" + utility + "' is not one whose downloads are read; accepted: " + HYDRO_QUEBEC);
            }
            if (site == null || site.isBlank()) {
                return refusal(400, "site is required with utility: the id or name of the site the readings are for");
            }
            format = ActivityImport.Format.hydroQuebec(site.strip(), replace);
        }
        return importFile(orgId, dryRun, body, format, PageContext.asksFrench(uri, headers));
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(XLSX)
    public Response importXlsx(@PathParam("orgId") long orgId, @QueryParam("dryRun") boolean dryRun,
            @QueryParam("sheet") String sheet, @Context HttpHeaders headers, @Context UriInfo uri, InputStream body)
            throws IOException {
        return importFile(orgId, dryRun, body, ActivityImport.Format.xlsx(sheet), PageContext.asksFrench(uri, headers));
    }

    private Response importFile(long orgId, boolean dryRun, InputStream body, ActivityImport.Format format, boolean french)
            throws IOException {
        byte[] content = body.readNBytes(MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
            return refusal(413, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB: use the import command");
        }
        try {
            if (dryRun) {
                ActivityImport.Summary summary = imports.dryRun(orgId, content, format);
                return Response.ok(Map.of("dryRun", true, "rows", summary.rows(), "co2eKg", summary.co2eKg(),
                        "co2eKgByType", summary.co2eKgByType(), "co2eKgByYear", summary.co2eKgByYear(),
                        "replaced", summary.replaced())).build();
            }
            ActivityImport.Result result = imports.importFile(orgId, null, content, format);
            return Response.ok(Map.of("imported", result.imported(), "importId", result.importId(), "sha256", result.sha256()))
                    .build();
        } catch (ImportRefusedException e) {
            return Response.status(422).type(MediaType.APPLICATION_JSON_TYPE).entity(ImportErrorBody.of(e, french)).build();
        } catch (DuplicateImportException e) {
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new DuplicateBody(409, e.getMessage(), e.previous().id(), e.previous().importedAt())).build();
        }
    }

    private static Response refusal(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(status, message, null)).build();
    }
}
