package org.empreinte.activity;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
import org.empreinte.web.ApiException;
import org.empreinte.web.PageContext;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** {@code /organizations/{orgId}/activities/import}: upload a CSV or XLSX file (multipart), see its errors or the organization. */
@Path("/organizations/{orgId}/activities/import")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ActivityImportPages {

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
        return ActivityImportPage.empty(PageContext.of(uri, headers), organizations.get(orgId), csv);
    }

    @Allow(Permission.ORGANIZATION_WRITE)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("orgId") long orgId, @FormDataParam("file") InputStream file,
            @FormDataParam("file") FormDataContentDisposition disposition, @FormDataParam("dryRun") String dryRun,
            @Context UriInfo uri, @Context HttpHeaders headers)
            throws IOException {
        Organization organization = organizations.get(orgId);
        PageContext context = PageContext.of(uri, headers);
        String fileName = disposition == null ? null : disposition.getFileName();
        byte[] content = file == null ? new byte[0] : file.readNBytes(ActivityImportResource.MAX_BYTES + 1);
        try {
            if (content.length == 0 && (fileName == null || fileName.isBlank())) {
                throw new ImportRefusedException("choose a CSV file", "error_csv_no_file", List.of(), false);
            }
            if (content.length > ActivityImportResource.MAX_BYTES) {
                throw new MalformedCsvException("the file is larger than " + ActivityImportResource.MAX_BYTES / (1024 * 1024)
                        + " MiB: use the import command", "error_csv_too_large", ActivityImportResource.MAX_BYTES / (1024 * 1024));
            }
            // A browser's type for a workbook varies with the system; its name does not.
            boolean workbook = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
            ActivityImport.Format format = workbook ? ActivityImport.Format.xlsx(null) : ActivityImport.Format.CSV;
            if ("true".equals(dryRun)) {
                return Response.ok(ActivityImportPage.dryRun(context, organization, csv, imports.dryRun(orgId, content, format)))
                        .build();
            }
            ActivityImport.Result result = imports.importFile(orgId, fileName, content, format);
            return Response.seeOther(URI.create("/organizations/" + orgId + "?imported=" + result.imported())).build();
        } catch (ImportRefusedException | DuplicateImportException | MalformedCsvException e) {
            return Response.status(e.status()).entity(ActivityImportPage.refused(context, organization, csv, (ApiException) e)).build();
        }
    }
}
