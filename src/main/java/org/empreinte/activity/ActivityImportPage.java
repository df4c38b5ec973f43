package org.empreinte.activity;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;

import org.empreinte.organization.Organization;
import org.empreinte.organization.RegionOptions;
import org.empreinte.organization.Site;
import org.empreinte.web.Form;
import org.empreinte.web.ApiException;
import org.empreinte.web.Messages;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** The page that uploads a CSV file of activities, and after a refused file, what is wrong with it, row by row. */
public class ActivityImportPage extends Page {

    /** One error of the file: its row (the header is row 1), its column, and the problem in the page's language. */
    public record ErrorLine(int row, String column, String message) {
    }

    /** Three bills, in the base columns; each row's attribute cells left empty. */
    private static final List<String> SAMPLE_ROWS = List.of(
            "electricity,7400,kWh,2024-01-19,2024-02-18,,,Installation Rosemont,hydro-quebec,measured",
            "natural_gas,1200.5,m3,2024-01-01,2024-01-31,,,,chauffage;energir,",
            "diesel,180,L,,,2024-06-15,,,génératrice,estimated");

    /** One line of a dry run's totals: a type's label or a year, and its kg CO2e as the page's language writes it. */
    public record TotalLine(String label, String co2eKg) {
    }

    private final Organization organization;
    private final String sample;
    private final String summary;
    private final List<ErrorLine> errors;
    private String preview;
    private String previewKept;
    private String replaced;
    private String notice;
    private Upload upload = Upload.NONE;
    private List<Site> sites = List.of();
    private List<String> unknownSites = List.of();
    private List<TotalLine> previewByType = List.of();
    private List<TotalLine> previewByYear = List.of();

    public ActivityImportPage(PageContext context, Organization organization, ActivityCsv csv, String summary,
            List<ErrorLine> errors) {
        super("activity-import.mustache", context);
        this.organization = organization;
        this.sample = sample(csv);
        this.summary = summary;
        this.errors = List.copyOf(errors);
    }

    /** The page as it opens, before any upload. */
    public static ActivityImportPage empty(PageContext context, Organization organization, ActivityCsv csv) {
        return new ActivityImportPage(context, organization, csv, null, List.of());
    }

    /** The page after a refused upload: the refusal, and for a file with bad rows, each of them. */
    public static ActivityImportPage refused(PageContext context, Organization organization, ActivityCsv csv,
            ApiException refusal) {
        Messages messages = context.messages();
        List<ErrorLine> lines = refusal instanceof ImportRefusedException rows
                ? rows.errors().stream().map(e -> new ErrorLine(e.row(), e.column() == null ? "—" : e.column(),
                        text(messages, e.messageKey(), e.messageArgs().toArray(), e.message()))).toList()
                : List.of();
        return new ActivityImportPage(context, organization, csv,
                text(messages, refusal.messageKey(), refusal.messageArgs(), refusal.getMessage()), lines);
    }

    /**
     * The page after a dry run: what the file would add, by type and by year, before anything is stored. The
     * browser cannot keep the file, so the person chooses it again to import it.
     */
    public static ActivityImportPage dryRun(PageContext context, Organization organization, ActivityCsv csv,
            ActivityImport.Summary summary) {
        Messages messages = context.messages();
        NumberFormat kg = NumberFormat.getNumberInstance(messages.locale());
        kg.setMaximumFractionDigits(1);
        ActivityImportPage page = new ActivityImportPage(context, organization, csv, null, List.of());
        page.preview = messages.format("import_preview", summary.rows(), kg.format(summary.co2eKg()));
        page.previewKept = messages.format("import_preview_kept", summary.rows(), kg.format(summary.co2eKg()));
        page.previewByType = summary.co2eKgByType().entrySet().stream()
                .map(e -> new TotalLine(messages.labelOr("type_", e.getKey()), kg.format(e.getValue()))).toList();
        page.previewByYear = summary.co2eKgByYear().entrySet().stream()
                .map(e -> new TotalLine(e.getKey().toString(), kg.format(e.getValue()))).toList();
        page.replaced = summary.replaced() > 0 ? messages.format("import_replaced", summary.replaced()) : null;
        return page;
    }

    /**
     * What the person chose with the file, kept for the next form of the page: the kind of file, the site of a
     * Hydro-Québec download, whether it replaces periods, and the file itself (Base64) when it is small enough to
     * travel in the page, so that creating a site checks it again without choosing it again.
     */
    public record Upload(String kind, String site, boolean replace, String keptFile, String keptName) {
        static final Upload NONE = new Upload(null, null, false, null, null);
    }

    /** A template to download: its link and its label, in the page's language. */
    public record TemplateLink(String href, String label) {
    }

    /** What the person chose, the organization's sites, and the sites a refused file names that do not exist. */
    ActivityImportPage with(Upload chosen, List<Site> organizationSites, ApiException refusal) {
        this.upload = chosen;
        if (preview != null && chosen.keptFile() != null) {
            preview = previewKept; // the page imports the file it kept: no need to choose it again
        }
        this.sites = organizationSites;
        this.unknownSites = refusal instanceof ImportRefusedException rows ? rows.unknownSites() : List.of();
        return this;
    }

    ActivityImportPage notice(String text) {
        this.notice = text;
        return this;
    }

    public String getNotice() {
        return notice;
    }

    public String getReplaced() {
        return replaced;
    }

    public Upload getUpload() {
        return upload;
    }

    public boolean getHydro() {
        return ActivityImportResource.HYDRO_QUEBEC.equals(upload.kind());
    }

    public List<Form.Option> getSites() {
        return sites.stream().map(site -> new Form.Option(String.valueOf(site.id()), site.name(),
                String.valueOf(site.id()).equals(upload.site()))).toList();
    }

    public List<String> getUnknownSites() {
        return unknownSites;
    }

    public boolean getHasUnknownSites() {
        return !unknownSites.isEmpty();
    }

    public String getUnknownSitesLine() {
        return messages().format("import_unknown_sites", String.join(", ", unknownSites));
    }

    /** The region a new site takes by default: the organization's. */
    public List<Form.Option> getRegions() {
        return RegionOptions.of(Form.of(java.util.Map.of("region", organization.region() == null ? "" : organization.region())),
                "region", messages().locale());
    }

    /** The file could not be kept in the page: it must be chosen again after a site is created. */
    public boolean getFileNotKept() {
        return upload.keptFile() == null;
    }

    public List<TemplateLink> getTemplates() {
        return Arrays.stream(ActivityWorkbooks.Family.values()).map(family -> new TemplateLink("/api/organizations/"
                + organization.id() + "/activities/templates/" + family.slug() + "?lang=" + getLang(),
                messages().get(family.messageKey))).toList();
    }

    public String getPreview() {
        return preview;
    }

    public List<TotalLine> getPreviewByType() {
        return previewByType;
    }

    public List<TotalLine> getPreviewByYear() {
        return previewByYear;
    }

    private static String text(Messages messages, String key, Object[] args, String english) {
        return key != null && messages.has(key) ? messages.format(key, args) : english;
    }

    @Override
    public String getTitle() {
        return messages().get("import_title") + " — " + organization.name();
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getSummary() {
        return summary;
    }

    public List<ErrorLine> getErrors() {
        return errors;
    }

    public boolean getHasErrors() {
        return !errors.isEmpty();
    }

    public String getSample() {
        return sample;
    }

    /** A file to start from: the header with every column, and three bills with their attribute cells empty. */
    static String sample(ActivityCsv csv) {
        String empty = ",".repeat(csv.attributeColumns().size());
        StringBuilder text = new StringBuilder(String.join(",", csv.columns()));
        SAMPLE_ROWS.forEach(row -> text.append('\n').append(row).append(empty));
        return text.toString();
    }

    public String getMaxSize() {
        return messages().format("import_max_size", ActivityImportResource.MAX_BYTES / (1024 * 1024));
    }
}
