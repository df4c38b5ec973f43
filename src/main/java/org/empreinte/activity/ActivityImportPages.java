package org.empreinte.activity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;

import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.SiteRequest;
import org.empreinte.web.ApiException;
import org.empreinte.web.PageContext;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/**
 * {@code /organizations/{orgId}/activities/import}: upload a CSV or XLSX file or a Hydro-Québec download (multipart),
 * check it first, see its errors, create from there a site it names that does not exist ({@code .../import/site}).
 */
@Path("/organizations/{orgId}/activities/import")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ActivityImportPages {

    /** A file up to this size travels back in the page (Base64), so that a site created at the check re-checks it. */
    static final int KEEP_BYTES = 2 * 1024 * 1024;

    private final ActivityImport imports;
    private final ActivityCsv csv;
    private final OrganizationService organizations;

    public ActivityImportPages(ActivityImport imports, ActivityCsv csv, OrganizationService organizations) {
        this.imports = imports;
        this.csv = csv;
        this.organizations = organizations;
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @GET
    public ActivityImportPage form(@PathParam("orgId") long orgId, @Context UriInfo uri, @Context HttpHeaders headers) {
        return ActivityImportPage.empty(PageContext.of(uri, headers), organizations.get(orgId), csv)
                .with(ActivityImportPage.Upload.NONE, organizations.sites(orgId), null);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("orgId") long orgId, @FormDataParam("file") InputStream file,
            @FormDataParam("file") FormDataContentDisposition disposition, @FormDataParam("dryRun") String dryRun,
            @FormDataParam("kind") String kind, @FormDataParam("site") String site, @FormDataParam("replace") String replace,
            @FormDataParam("keptFile") String keptFile, @FormDataParam("keptName") String keptName,
            @Context UriInfo uri, @Context HttpHeaders headers)
            throws IOException {
        String fileName = disposition == null ? null : disposition.getFileName();
        byte[] content = file == null ? new byte[0] : file.readNBytes(ActivityImportResource.MAX_BYTES + 1);
        if (content.length == 0 && (fileName == null || fileName.isBlank()) && keptFile != null && !keptFile.isBlank()) {
            content = Base64.getDecoder().decode(keptFile.strip());
            fileName = keptName;
        }
        return check(orgId, content, fileName, new ActivityImportPage.Upload(blank(kind), blank(site), "true".equals(replace),
                null, null), "true".equals(dryRun), null, PageContext.of(uri, headers));
    }

    /**
     * Creates a site a checked file names (the check screen's offer), then checks the file again, kept in the page,
     * or asks for it again when it was too large to keep.
     */
    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Path("site")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response createSite(@PathParam("orgId") long orgId, @FormDataParam("name") String name,
            @FormDataParam("region") String region, @FormDataParam("kind") String kind, @FormDataParam("site") String site,
            @FormDataParam("replace") String replace, @FormDataParam("keptFile") String keptFile,
            @FormDataParam("keptName") String keptName, @Context UriInfo uri, @Context HttpHeaders headers) {
        PageContext context = PageContext.of(uri, headers);
        Organization organization = organizations.get(orgId);
        ActivityImportPage.Upload chosen = new ActivityImportPage.Upload(blank(kind), blank(site), "true".equals(replace),
                null, null);
        try {
            organizations.createSite(orgId, new SiteRequest(name, region));
        } catch (ApiException e) {
            return Response.status(e.status()).entity(ActivityImportPage.refused(context, organization, csv, e)
                    .with(chosen, organizations.sites(orgId), null)).build();
        }
        String created = context.messages().format("import_site_created", name == null ? "" : name.strip());
        if (keptFile == null || keptFile.isBlank()) {
            return Response.ok(ActivityImportPage.empty(context, organization, csv).with(chosen, organizations.sites(orgId), null)
                    .notice(created)).build();
        }
        return check(orgId, Base64.getDecoder().decode(keptFile.strip()), keptName, chosen, true, created, context);
    }

    private Response check(long orgId, byte[] content, String fileName, ActivityImportPage.Upload chosen, boolean dryRun,
            String notice, PageContext context) {
        Organization organization = organizations.get(orgId);
        ActivityImportPage.Upload kept = content.length > 0 && content.length <= KEEP_BYTES
                ? new ActivityImportPage.Upload(chosen.kind(), chosen.site(), chosen.replace(),
                        Base64.getEncoder().encodeToString(content), fileName)
                : chosen;
        try {
            if (content.length == 0 && (fileName == null || fileName.isBlank())) {
                throw new ImportRefusedException("choose a CSV file", "error_csv_no_file", List.of(), false);
            }
            if (content.length > ActivityImportResource.MAX_BYTES) {
                throw new MalformedCsvException("the file is larger than " + ActivityImportResource.MAX_BYTES / (1024 * 1024)
                        + " MiB: use the import command", "error_csv_too_large", ActivityImportResource.MAX_BYTES / (1024 * 1024));
            }
            ActivityImport.Format format = format(chosen, fileName);
            if (dryRun) {
                return Response.ok(ActivityImportPage.dryRun(context, organization, csv, imports.dryRun(orgId, content, format))
                        .with(kept, organizations.sites(orgId), null).notice(notice)).build();
            }
            ActivityImport.Result result = imports.importFile(orgId, fileName, content, format);
            return Response.seeOther(URI.create("/organizations/" + orgId + "?imported=" + result.imported())).build();
        } catch (ImportRefusedException | DuplicateImportException | MalformedCsvException e) {
            return Response.status(e.status()).entity(ActivityImportPage.refused(context, organization, csv, (ApiException) e)
                    .with(kept, organizations.sites(orgId), (ApiException) e).notice(notice)).build();
        }
    }

    /** A workbook by its name (a browser's type for it varies with the system); a Hydro-Québec download for its site. */
    private static ActivityImport.Format format(ActivityImportPage.Upload chosen, String fileName) {
        if (ActivityImportResource.HYDRO_QUEBEC.equals(chosen.kind())) {
            if (chosen.site() == null || !chosen.site().matches("\\d{1,18}")) {
                throw new ImportRefusedException("choose the site of the meter", "error_import_site_required", List.of(), false);
            }
            return ActivityImport.Format.hydroQuebec(Long.parseLong(chosen.site()), chosen.replace());
        }
        boolean workbook = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
        return workbook ? ActivityImport.Format.xlsx(null) : ActivityImport.Format.CSV;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
