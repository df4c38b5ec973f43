package org.empreinte.overview;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.empreinte.activity.Activity;
import org.empreinte.activity.kind.FlightKind;
import org.empreinte.calculation.Regions;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.FactorReference;
import org.empreinte.footprint.Footprint;
import org.empreinte.footprint.FootprintCharts;
import org.empreinte.footprint.ReportCoverage;
import org.empreinte.footprint.UncertaintyText;
import org.empreinte.inventory.YearState;
import org.empreinte.network.MemberCampaign;
import org.empreinte.organization.Organization;
import org.empreinte.organization.RegionOptions;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;
import org.empreinte.web.Paging;

/** An organization: its sites, the footprint of one year with its charts, and that year's activities. */
public class OrganizationPage extends Page {

    public record Line(String label, String value, String cssClass) {
    }

    public record ActivityLine(long id, String period, String type, String quantity, String site, String co2e,
            String factorId, String factorSource, boolean estimated, List<String> tags, FactorReference factor) {
    }

    /** An open campaign of one of its networks: what to submit, by when, and a link to the year's page. */
    public record CampaignLine(String text, String link, String cssClass) {
    }

    public record SiteLine(long id, String name, String region) {
    }

    private final Organization organization;
    private final int year;
    private final String tag;
    private final Footprint footprint;
    private final List<Activity> activities;
    private final String nextActivities;
    private final boolean laterPage;
    private final Form siteForm;
    private Integer imported;
    private Integer saved;
    private YearState inventory;
    private List<CampaignLine> campaigns = List.of();
    private SummaryView summary;
    private FactorLibrary library;

    /**
     * @param activities a page of the year's activities, most recent first
     * @param laterPage whether it is not the first page (the page then links back to the most recent)
     */
    public OrganizationPage(PageContext context, Organization organization, int year, String tag, Footprint footprint,
            Paging.Slice<Activity> activities, boolean laterPage, Form siteForm) {
        super("organization.mustache", context);
        this.organization = organization;
        this.year = year;
        this.tag = tag;
        this.footprint = footprint;
        this.activities = activities.items();
        this.nextActivities = activities.next();
        this.laterPage = laterPage;
        this.siteForm = siteForm;
    }

    @Override
    public String getTitle() {
        return organization.name();
    }

    public Organization getOrganization() {
        return organization;
    }

    /** Shows that a CSV import just stored {@code count} activities (the import page redirects here). */
    public OrganizationPage withImported(int count) {
        this.imported = count;
        return this;
    }

    /** Shows that the monthly grid just stored {@code count} bills (it redirects here). */
    public OrganizationPage withSaved(int count) {
        this.saved = count;
        return this;
    }

    /** The shown year's inventory, null while never submitted. */
    public OrganizationPage withInventory(YearState state) {
        this.inventory = state;
        return this;
    }

    /** The open campaigns of its networks, the year to submit and by when (the home page says what is left to do). */
    public OrganizationPage withCampaigns(List<MemberCampaign> open) {
        this.campaigns = open.stream().map(c -> new CampaignLine(messages().format(c.done() ? "org_campaign_done"
                : c.late() ? "org_campaign_late" : "org_campaign_todo", c.networkName(), Integer.toString(c.year()), c.dueDate()),
                "/organizations/" + organization.id() + "/inventories/" + c.year(), c.late() ? "notice late" : "notice"))
                .toList();
        return this;
    }

    /** The library, which names each activity's factor in the reader's language. */
    public OrganizationPage withFactors(FactorLibrary factors) {
        this.library = factors;
        return this;
    }

    /** The year's plain summary; null while there is none to show (no data). */
    public OrganizationPage withSummary(SummaryView summary) {
        this.summary = summary;
        return this;
    }

    public SummaryView getSummary() {
        return summary;
    }

    public List<CampaignLine> getCampaigns() {
        return campaigns;
    }

    /** Where the shown year's inventory stands, in a sentence, beside the link to submit or view it. */
    public String getInventoryState() {
        String year = Integer.toString(this.year);
        if (inventory == null) {
            return messages().format("org_inventory_open", year);
        }
        String date = inventory.submittedAt().substring(0, Math.min(10, inventory.submittedAt().length()));
        return messages().format("org_inventory_" + inventory.state(), year, date, inventory.version());
    }

    public String getImportedNotice() {
        return imported == null ? null : messages().format("import_done", imported);
    }

    public String getSavedNotice() {
        return saved == null ? null : messages().format("grid_saved", saved);
    }

    public String getRegionName() {
        return Regions.name(organization.region(), messages().locale());
    }

    public String getLegalFormLabel() {
        return organization.legalForm() == null ? null : messages().get("legal_form_" + organization.legalForm());
    }

    public String getEmployees() {
        return number(organization.employees(), 1);
    }

    public List<SiteLine> getSites() {
        return organization.sites().stream()
                .map(s -> new SiteLine(s.id(), s.name(), Regions.name(s.region(), messages().locale())))
                .toList();
    }

    public Form getSiteForm() {
        return siteForm;
    }

    public List<Form.Option> getSiteRegions() {
        if (siteForm.value("region") == null) {
            siteForm.withValue("region", organization.region());
        }
        return RegionOptions.of(siteForm, "region", messages().locale());
    }

    public int getYear() {
        return year;
    }

    public String getPreviousYear() {
        return messages().format("footprint_previous", Integer.toString(year - 1));
    }

    public String getNextYear() {
        return messages().format("footprint_next", Integer.toString(year + 1));
    }

    public int getPreviousYearValue() {
        return year - 1;
    }

    public int getNextYearValue() {
        return year + 1;
    }

    /** The year's 95 % interval and what to improve first; null without a footprint. */
    public UncertaintyText getUncertainty() {
        return UncertaintyText.of(footprint, messages(), kg -> SummaryView.amount(kg, messages()));
    }

    public String getFootprintTitle() {
        return messages().format("footprint_title", Integer.toString(year));
    }

    public boolean getHasFootprint() {
        return footprint.activityCount() > 0;
    }

    public String getActivitiesOrder() {
        return messages().format("activities_order", OrganizationPages.ACTIVITIES_SHOWN);
    }

    /** The query of this year and tag, for the links that page through the activities. */
    private String yearQuery() {
        return "?year=" + year + (tag == null ? "" : "&tag=" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The next (older) activities, or null on the last page. */
    public String getNextActivitiesLink() {
        return nextActivities == null ? null : yearQuery() + "&after=" + nextActivities + "#activities";
    }

    /** Back to the most recent activities, from a later page. */
    public String getFirstActivitiesLink() {
        return laterPage ? yearQuery() + "#activities" : null;
    }

    public String getEmptyMessage() {
        return messages().format("footprint_empty", Integer.toString(year));
    }

    /** In t from one tonne, in kg below: the first bill of a year does not read "0 t". */
    public String getTotalTonnes() {
        return SummaryView.amount(footprint.totalCo2eKg(), messages());
    }

    public String getTotalKg() {
        return messages().format("footprint_kg", kg(footprint.totalCo2eKg()));
    }

    public String getActivityCount() {
        return messages().format("footprint_activities", footprint.activityCount());
    }

    public List<Line> getScopes() {
        return footprint.byScope().entrySet().stream()
                .map(e -> new Line(messages().get("scope_" + e.getKey()), kg(e.getValue()), "scope-" + e.getKey()))
                .toList();
    }

    public List<Line> getCategories() {
        return sortedLines(footprint.byCategory(), "category_");
    }

    /** Each scope 3 category, and under category 3 its lines (fuels' upstream, the grid's losses). */
    public List<Line> getScope3Categories() {
        List<Line> lines = new ArrayList<>();
        List<ReportCoverage.LineShare> others = ReportCoverage.otherLines(footprint, messages());
        footprint.byScope3Category().forEach((number, value) -> {
            lines.add(new Line(messages().get("ghg_category_" + number), kg(value), null));
            others.stream().filter(o -> Integer.toString(o.ghgCategory()).equals(number))
                    .forEach(o -> lines.add(new Line("— " + o.label(), kg(o.co2eKg()), null)));
        });
        return lines;
    }

    public String getTag() {
        return tag;
    }

    public String getTagNote() {
        return tag == null ? null : messages().format("footprint_tag", tag);
    }

    public String getRadiativeForcingNote() {
        if (!footprint.byCategory().containsKey("business_travel")) {
            return null;
        }
        return messages().get(footprint.flightsIncludeRadiativeForcing() ? "footprint_rf_included" : "footprint_rf_excluded");
    }

    public List<Line> getGases() {
        Map<String, Double> present = new LinkedHashMap<>();
        footprint.byGas().forEach((gas, value) -> {
            if (value != 0) {
                present.put(gas, value);
            }
        });
        return sortedLines(present, "gas_");
    }

    public List<Line> getSiteTotals() {
        return footprint.bySite().stream()
                .map(s -> new Line(s.name() == null ? messages().get("footprint_site_none") : s.name(), kg(s.co2eKg()), null))
                .toList();
    }

    public List<Line> getMonths() {
        List<Line> lines = new ArrayList<>();
        footprint.byMonth().forEach((month, value) -> lines.add(new Line(monthLabel(month), kg(value), null)));
        return lines;
    }

    public String getFactorSets() {
        return messages().format("footprint_factor_sets", footprint.factorSet());
    }

    public String getScopeChart() {
        return FootprintCharts.byScope(footprint, messages(), this::kg);
    }

    public String getMonthChart() {
        return FootprintCharts.byMonth(footprint, messages(), this::kg);
    }

    public String getActivitiesTitle() {
        return messages().format("activities_title", Integer.toString(year));
    }

    public List<ActivityLine> getActivities() {
        return activities.stream().map(a -> new ActivityLine(a.id(),
                a.periodStart().equals(a.periodEnd()) ? a.periodStart() : a.periodStart() + " → " + a.periodEnd(),
                messages().labelOr("type_", a.type()),
                quantity(a),
                a.site() == null ? "" : a.site().name(),
                kg(a.co2eKg()),
                a.factor().id(),
                a.factor().source(),
                !"measured".equals(a.dataQuality()),
                a.tags() == null ? List.of() : a.tags(),
                library == null ? new FactorReference(a.factor().id(), null, null, a.factor().factorSet() + " v"
                        + a.factor().factorSetVersion(), null, a.factor().source(), null, null)
                        : FactorReference.of(library, a.factor().id(), a.factor().factorSet(), a.factor().factorSetVersion(),
                                messages().language()))).toList();
    }

    /** A flight between airports as the trip it was (its distance alone says little); anything else as logged. */
    private String quantity(Activity a) {
        Optional<FlightKind.Trip> trip = FlightKind.TYPE.equals(a.type()) && a.distanceKm() != null
                ? FlightKind.trip(a.attributes()) : Optional.empty();
        return trip.map(t -> messages().format("flight_trip", String.join(" → ", t.airports()), t.passengers(),
                        number(a.distanceKm() * t.legs() * t.passengers(), 0)))
                .orElseGet(() -> number(a.quantity(), 3) + " " + messages().labelOr("unit_", a.unit()));
    }

    private List<Line> sortedLines(Map<String, Double> values, String prefix) {
        return values.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(e -> new Line(messages().labelOr(prefix, e.getKey()), kg(e.getValue()), null))
                .toList();
    }

    private String monthLabel(String month) {
        YearMonth ym = YearMonth.parse(month);
        return ym.getMonth().getDisplayName(TextStyle.FULL, messages().locale()) + " " + ym.getYear();
    }
}
