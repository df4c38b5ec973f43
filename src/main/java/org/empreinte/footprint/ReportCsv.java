package org.empreinte.footprint;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.empreinte.web.CsvCells;
import org.empreinte.web.Messages;

/**
 * The report as one CSV table a spreadsheet opens: one line per figure, with its section, its key
 * (stable, in English, for formulas), its label in the reader's language, the value and its unit,
 * and a detail (a factor's source, a comparison's base).
 */
final class ReportCsv {

    static final List<String> COLUMNS = List.of("section", "key", "label", "value", "unit", "detail");
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final String KG = "kg CO2e";

    private final Messages messages;
    private final List<String[]> rows = new ArrayList<>();

    private ReportCsv(Messages messages) {
        this.messages = messages;
    }

    static String write(Report report, Messages messages) {
        return new ReportCsv(messages).build(report);
    }

    private String build(Report report) {
        Footprint footprint = report.footprint();
        row("period", "from", messages.get("report_from"), footprint.from(), "", "");
        row("period", "to", messages.get("report_to"), footprint.to(), "", "");
        row("total", "location_based", messages.get("report_total_location"), footprint.totalCo2eKg(), KG, "");
        row("total", "market_based", messages.get("report_total_market"), report.totalMarketBasedCo2eKg(), KG,
                report.scope2().marketBasedEqualsLocationBased() ? messages.get("report_market_equals_location") : "");
        if (footprint.uncertainty() != null) {
            Footprint.Interval interval = footprint.uncertainty();
            row("uncertainty", "lower_95", messages.get("uncertainty_lower"), interval.lowerCo2eKg(), KG, interval.method());
            row("uncertainty", "upper_95", messages.get("uncertainty_upper"), interval.upperCo2eKg(), KG, interval.method());
            List<String> names = UncertaintyText.names(interval.sources(), messages);
            for (int i = 0; i < names.size(); i++) {
                Footprint.UncertaintySource source = interval.sources().get(i);
                row("uncertainty_source", source.factorId(), names.get(i),
                        source.shareOfVariance(), messages.get("uncertainty_share_of_variance"), "");
            }
        }
        footprint.byScope().forEach((scope, value) -> row("scope", scope, messages.get("scope_" + scope), value, KG, ""));
        row("scope2", "location_based", messages.get("report_scope2_location"), report.scope2().locationBasedCo2eKg(), KG, "");
        row("scope2", "market_based", messages.get("report_scope2_market"), report.scope2().marketBasedCo2eKg(), KG, "");
        for (Report.ContractApplied contract : report.scope2().contracts()) {
            row("scope2_contract", Long.toString(contract.id()), contract.description(), contract.marketBasedCo2eKg(), KG,
                    readable(contract.kwh()) + " kWh x " + CsvCells.decimal(contract.co2eKgPerKwh()) + " kg/kWh");
        }
        footprint.byCategory().forEach((category, value) ->
                row("category", category, messages.labelOr("category_", category), value, KG, ""));
        footprint.byScope3Category().forEach((number, value) ->
                row("scope3_category", number, messages.get("ghg_category_" + number), value, KG, ""));
        // What the figures include, scope by category and line: category 3's upstream and losses apart.
        for (Footprint.Included included : footprint.included()) {
            included.byLine().forEach((line, value) -> row("included", included.scope() + "/" + included.category() + "/"
                    + line, (included.ghgCategory() != null ? messages.get("ghg_category_" + included.ghgCategory())
                    : messages.labelOr("category_", included.category())) + " — " + messages.get("line_" + line),
                    value, KG, messages.get("scope_" + included.scope())));
        }
        report.byIsoCategory().forEach((number, value) ->
                row("iso14064_category", number, messages.get("iso_category_" + number), value, KG, ""));
        footprint.byGas().forEach((gas, value) -> row("gas", gas, messages.labelOr("gas_", gas), value, KG, ""));
        footprint.byMonth().forEach((month, value) -> row("month", month, month, value, KG, ""));
        footprint.bySite().forEach(site -> row("site", site.siteId() == null ? "" : site.siteId().toString(),
                site.name() == null ? messages.get("footprint_site_none") : site.name(), site.co2eKg(), KG, ""));
        for (Report.Intensity intensity : report.intensities()) {
            row("intensity", intensity.metric(), intensity.label() != null ? intensity.label()
                    : messages.get("report_intensity_" + intensity.metric()), intensity.co2eKgPerUnit(), KG + " / "
                    + (intensity.label() != null ? intensity.label() : messages.get("report_per_" + intensity.metric())),
                    messages.format("report_denominator", readable(intensity.denominator()))
                            + (intensity.recordedForYear() ? "" : " " + messages.get("report_denominator_profile")));
        }
        Report.Comparison previous = report.previousPeriod();
        if (previous.hasData()) {
            row("previous_period", "total", messages.get("report_previous_total"), previous.totalCo2eKg(), KG,
                    previous.from() + " / " + previous.to());
            row("previous_period", "change", messages.get("report_change"), previous.changeCo2eKg(), KG, "");
            if (previous.changePercent() != null) {
                row("previous_period", "change_percent", messages.get("report_change_percent"), previous.changePercent(), "%", "");
            }
        }
        Report.DataQuality quality = report.dataQuality();
        row("data_quality", "measured", messages.get("quality_measured"), quality.measuredCo2eKg(), KG,
                Long.toString(quality.measuredActivities()));
        row("data_quality", "estimated", messages.get("quality_estimated"), quality.estimatedCo2eKg(), KG,
                Long.toString(quality.estimatedActivities()));
        row("data_quality", "extrapolated", messages.get("quality_extrapolated"), quality.extrapolatedCo2eKg(), KG,
                Long.toString(quality.extrapolatedActivities()));
        for (Report.Assumption factor : report.assumptions()) {
            // The label in the reader's language; the citation, as published, with the set and licence in the detail.
            String label = factor.labels() == null || factor.labels().isEmpty() ? null
                    : factor.labels().getOrDefault(messages.language(), factor.labels().get("en"));
            row("factor", factor.factorId(), label != null ? label : factor.citation() == null ? factor.factorId() : factor.citation(),
                    factor.co2eKg(), KG, readable(factor.quantity()) + " " + factor.unit() + " x " + CsvCells.decimal(factor.co2eKgPerUnit())
                            + " kg/" + factor.unit() + "; " + factor.factorSet() + " v" + factor.factorSetVersion()
                            + (factor.edition() == null ? "" : ", " + factor.edition())
                            + (factor.licence() == null ? "" : "; " + factor.licence())
                            + (label == null || factor.citation() == null ? "" : "; " + factor.citation()));
        }
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        StringWriter text = new StringWriter();
        try (var writer = MAPPER.writer(schema.build().withHeader()).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                .writeValues(text)) {
            for (String[] row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private void row(String section, String key, String label, double value, String unit, String detail) {
        row(section, key, label, CsvCells.decimal(value), unit, detail);
    }

    private void row(String section, String key, String label, String value, String unit, String detail) {
        // Labels and details carry what members typed (site names, contract descriptions, their own denominator).
        rows.add(new String[] {CsvCells.toCell(section), CsvCells.toCell(key), CsvCells.toCell(label),
            CsvCells.toCell(value), CsvCells.toCell(unit), detail == null ? "" : CsvCells.toCell(detail)});
    }

    /** A quantity in a detail's text: ten significant digits, so a prorated 50,000 kWh reads 50000. */
    private static String readable(double value) {
        return new BigDecimal(value).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

}
