package org.empreinte.footprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.YearComparison;
import org.empreinte.organization.ElectricityContract;
import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/**
 * The printable report of one period: the footprint, scope 2 both ways, intensities, the previous
 * year, the share of measured data, ISO 14064-1 categories and every factor applied with its source.
 * Charts are inline SVG so that they print as drawn.
 */
public class ReportPage extends Page {

    public record Line(String label, String value, String detail) {
    }

    /** A factor applied: its label and note in the reader's language; id, citation, set and licence behind "Source". */
    public record FactorLine(String factorId, String citation, String set, String licence, String quantity, String perUnit,
            String co2e, String note, String label) {
    }

    public record ContractLine(long id, String description, String kind, String rate, String years, String site) {
    }

    private final Organization organization;
    private final Report report;
    private final String period;
    private final String query;
    private Integer year;
    private Form figuresForm = Form.empty();
    private Form contractForm = Form.empty();
    private List<ElectricityContract> contracts = List.of();
    private YearComparison.Result comparison;
    private int monthsInPeriod = 12;

    public ReportPage(PageContext context, Organization organization, Report report, String period, String query) {
        super("report.mustache", context);
        this.organization = organization;
        this.report = report;
        this.period = period;
        this.query = query;
    }

    /**
     * The same period a year earlier, for the rule that says whether its change may be a percentage
     * ({@link YearComparison}); null when nothing was logged then.
     */
    public ReportPage withPrevious(Footprint previous, int monthsInPeriod) {
        this.comparison = YearComparison.compare(ReportSentences.coverage(report.footprint()),
                previous == null || previous.activityCount() == 0 ? null : ReportSentences.coverage(previous), monthsInPeriod);
        this.monthsInPeriod = monthsInPeriod;
        return this;
    }

    /** Why the change is not a percentage, in words; null when it is one (or there is nothing to compare). */
    public String getNoPercent() {
        return new ReportSentences(report, messages()).noPercent(comparison, monthsInPeriod);
    }

    /** The largest sources in a sentence, in plain words. */
    public String getLargest() {
        return new ReportSentences(report, messages()).largest();
    }

    private String amount(double kg) {
        return FootprintAmount.of(kg, messages());
    }

    /** The forms that complete a calendar year's report: its figures and the electricity contracts. */
    public ReportPage withInputs(Integer calendarYear, Form figures, Form contract, List<ElectricityContract> allContracts) {
        this.year = calendarYear;
        this.figuresForm = figures;
        this.contractForm = contract;
        this.contracts = allContracts;
        return this;
    }

    public Integer getYear() {
        return year;
    }

    public Form getFiguresForm() {
        return figuresForm;
    }

    public Form getContractForm() {
        return contractForm;
    }

    public String getFiguresTitle() {
        return year == null ? null : messages().format("report_figures_title", Integer.toString(year));
    }

    public List<ContractLine> getContracts() {
        return contracts.stream().map(c -> new ContractLine(c.id(), c.description(), messages().get("contract_" + c.kind()),
                number(c.co2eKgPerKwh(), 4), c.fromYear().equals(c.toYear()) ? Integer.toString(c.fromYear())
                        : c.fromYear() + "–" + c.toYear(),
                c.siteId() == null ? messages().get("contract_all_sites") : organization.sites().stream()
                        .filter(s -> s.id() == c.siteId()).map(s -> s.name()).findFirst().orElse(""))).toList();
    }

    public List<Form.Option> getContractKinds() {
        if (contractForm.value("kind") == null) {
            contractForm.withValue("kind", ElectricityContract.RENEWABLE);
        }
        return contractForm.options("kind", List.of(ElectricityContract.RENEWABLE, ElectricityContract.SUPPLIER),
                kind -> messages().get("contract_" + kind));
    }

    public List<Form.Option> getContractSites() {
        List<String> ids = new ArrayList<>();
        ids.add("");
        organization.sites().forEach(s -> ids.add(Long.toString(s.id())));
        return contractForm.options("siteId", ids, id -> id.isEmpty() ? messages().get("contract_all_sites")
                : organization.sites().stream().filter(s -> Long.toString(s.id()).equals(id)).findFirst().orElseThrow().name());
    }

    public String getContractFromYear() {
        return contractForm.value("fromYear") != null ? contractForm.value("fromYear") : year == null ? "" : year.toString();
    }

    @Override
    public String getTitle() {
        return messages().format("report_title", organization.name(), period);
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getHeading() {
        return messages().format("report_heading", period);
    }

    /** The report's own query (year, or from and to; tag), for the CSV link and the language switch. */
    public String getQuery() {
        return query;
    }

    public boolean getHasData() {
        return report.footprint().activityCount() > 0;
    }

    public String getEmpty() {
        return messages().format("report_empty", period);
    }

    public String getTotalTonnes() {
        return amount(report.footprint().totalCo2eKg());
    }

    /** The total's 95 % interval and what to improve first; null without data. */
    public UncertaintyText getUncertainty() {
        return UncertaintyText.of(report.footprint(), messages(), this::amount);
    }

    public String getMarketTonnes() {
        return amount(report.totalMarketBasedCo2eKg());
    }

    public String getActivityCount() {
        return messages().format("footprint_activities", report.footprint().activityCount());
    }

    public String getTagNote() {
        return report.footprint().tag() == null ? null : messages().format("footprint_tag", report.footprint().tag());
    }

    public List<Line> getScopes() {
        List<Line> lines = new ArrayList<>();
        report.footprint().byScope().forEach((scope, value) -> lines.add(new Line(messages().get("scope_" + scope), kg(value),
                share(value))));
        return lines;
    }

    public String getScopeChart() {
        return FootprintCharts.byScope(report.footprint(), messages(), this::kg);
    }

    public String getMonthChart() {
        return FootprintCharts.byMonth(report.footprint(), messages(), this::kg);
    }

    public String getIsoChart() {
        List<SvgCharts.Bar> bars = report.byIsoCategory().entrySet().stream()
                .map(e -> new SvgCharts.Bar(e.getKey(), e.getValue(), "bar-iso")).toList();
        return SvgCharts.horizontalBars(messages().get("report_by_iso"), bars, this::kg);
    }

    public List<Line> getScope2() {
        Report.Scope2 scope2 = report.scope2();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(messages().get("report_scope2_location"), kg(scope2.locationBasedCo2eKg()),
                messages().format("report_kwh", number(scope2.electricityKwh(), 0))));
        lines.add(new Line(messages().get("report_scope2_market"), kg(scope2.marketBasedCo2eKg()),
                messages().format("report_kwh_covered", number(scope2.coveredKwh(), 0))));
        for (Report.ContractApplied contract : scope2.contracts()) {
            lines.add(new Line(contract.description(), kg(contract.marketBasedCo2eKg()),
                    messages().format("report_contract_detail", messages().get("contract_" + contract.kind()),
                            number(contract.kwh(), 0), number(contract.co2eKgPerKwh(), 4))));
        }
        return lines;
    }

    public String getMarketNote() {
        return report.scope2().marketBasedEqualsLocationBased() ? messages().get("report_market_equals_location") : null;
    }

    public List<Line> getCategories() {
        List<Line> lines = new ArrayList<>();
        report.footprint().byCategory().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> lines.add(new Line(messages().labelOr("category_", e.getKey()), kg(e.getValue()), share(e.getValue()))));
        return lines;
    }

    /** Each scope 3 category, and under category 3 its lines (fuels' upstream, the grid's losses). */
    public List<Line> getScope3Categories() {
        List<Line> lines = new ArrayList<>();
        List<ReportCoverage.LineShare> others = ReportCoverage.otherLines(report.footprint(), messages());
        report.footprint().byScope3Category().forEach((number, value) -> {
            lines.add(new Line(messages().get("ghg_category_" + number), kg(value), share(value)));
            others.stream().filter(o -> Integer.toString(o.ghgCategory()).equals(number))
                    .forEach(o -> lines.add(new Line("— " + o.label(), kg(o.co2eKg()), share(o.co2eKg()))));
        });
        return lines;
    }

    /** The scopes and categories the report includes, in one sentence. */
    public String getIncluded() {
        return ReportCoverage.summary(report.footprint(), messages());
    }

    public List<Line> getIsoCategories() {
        List<Line> lines = new ArrayList<>();
        report.byIsoCategory().forEach((number, value) ->
                lines.add(new Line(messages().get("iso_category_" + number), kg(value), share(value))));
        return lines;
    }

    public List<Line> getGases() {
        List<Line> lines = new ArrayList<>();
        report.footprint().byGas().forEach((gas, value) -> {
            if (value != 0) {
                lines.add(new Line(messages().labelOr("gas_", gas), kg(value), share(value)));
            }
        });
        return lines;
    }

    public List<Line> getSites() {
        return report.footprint().bySite().stream().map(s -> new Line(s.name() == null ? messages().get("footprint_site_none")
                : s.name(), kg(s.co2eKg()), share(s.co2eKg()))).toList();
    }

    public List<Line> getIntensities() {
        return report.intensities().stream().map(i -> new Line(
                i.label() != null ? messages().format("report_intensity_custom", i.label())
                        : messages().get("report_intensity_" + i.metric()),
                intensity(i.co2eKgPerUnit()),
                messages().format("report_denominator", number(i.denominator(), 2))
                        + (i.recordedForYear() ? "" : " " + messages().get("report_denominator_profile")))).toList();
    }

    public String getNoIntensity() {
        return report.intensities().isEmpty() ? messages().get("report_no_intensity") : null;
    }

    public List<Line> getComparison() {
        Report.Comparison previous = report.previousPeriod();
        if (!previous.hasData()) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(messages().get("report_total"), kg(report.footprint().totalCo2eKg()), ""));
        lines.add(new Line(messages().format("report_previous", previous.from(), previous.to()), kg(previous.totalCo2eKg()), ""));
        // Percentages only between comparable periods, and a scope's only from a previous value that is not tiny.
        boolean comparable = comparison == null || comparison.comparable();
        lines.add(new Line(messages().get("report_change"), signed(previous.changeCo2eKg()),
                comparable ? percent(previous.changePercent()) : ""));
        previous.byScope().forEach((scope, change) -> lines.add(new Line(messages().get("scope_" + scope),
                signed(change.changeCo2eKg()), comparable && change.previousCo2eKg() >= YearComparison.MIN_PREVIOUS_KG
                        ? percent(change.changePercent()) : "")));
        return lines;
    }

    public String getNoComparison() {
        Report.Comparison previous = report.previousPeriod();
        return previous.hasData() ? null : messages().format("report_no_previous", previous.from(), previous.to());
    }

    public String getQuality() {
        Report.DataQuality quality = report.dataQuality();
        if (quality.measuredShare() == null) {
            return null;
        }
        String text = messages().format("report_quality", number(quality.measuredShare() * 100, 1), quality.measuredActivities(),
                quality.estimatedActivities());
        return quality.extrapolatedActivities() == 0 ? text
                : text + " " + messages().format("report_quality_extrapolated", quality.extrapolatedActivities());
    }

    public List<FactorLine> getFactors() {
        String language = messages().language();
        return report.assumptions().stream().map(a -> new FactorLine(a.factorId(),
                a.citation() == null ? messages().get("report_factor_gone") : a.citation(),
                a.factorSet() + " v" + a.factorSetVersion() + (a.edition() == null ? "" : " — " + a.edition())
                        + (a.gwpSet() == null ? "" : " — GWP " + a.gwpSet()),
                a.licence() == null ? "" : a.licence(),
                number(a.quantity(), 2) + " " + messages().labelOr("unit_", a.unit()),
                number(a.co2eKgPerUnit(), 6) + " kg / " + messages().labelOr("unit_", a.unit()), kg(a.co2eKg()),
                inLanguage(a.notes(), language, a.note()),
                inLanguage(a.labels(), language, messages().get("factor_gone")))).toList();
    }

    private static String inLanguage(Map<String, String> texts, String language, String otherwise) {
        if (texts == null || texts.isEmpty()) {
            return otherwise;
        }
        return texts.getOrDefault(language, texts.getOrDefault("en", otherwise));
    }

    public String getFactorSets() {
        return messages().format("footprint_factor_sets", report.footprint().factorSet());
    }

    public String getRadiativeForcingNote() {
        if (!report.footprint().byCategory().containsKey("business_travel")) {
            return null;
        }
        return messages().get(report.footprint().flightsIncludeRadiativeForcing() ? "footprint_rf_included"
                : "footprint_rf_excluded");
    }

    /** An intensity with the digits it needs: whole kilograms from 100, one decimal from 1, three below. */
    private String intensity(double value) {
        return number(value, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 1 : 3);
    }

    private String share(double value) {
        double total = report.footprint().totalCo2eKg();
        return total == 0 ? "" : number(value / total * 100, 1) + " %";
    }

    private String signed(double value) {
        return (value > 0 ? "+" : "") + kg(value);
    }

    private String percent(Double value) {
        return value == null ? "" : (value > 0 ? "+" : "") + number(value, 1) + " %";
    }
}
