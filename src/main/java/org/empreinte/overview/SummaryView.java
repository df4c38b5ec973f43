package org.empreinte.overview;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.empreinte.activity.ActivityEstimate;
import org.empreinte.calculation.LargestSources;
import org.empreinte.calculation.PicturedComparison;
import org.empreinte.calculation.Reductions;
import org.empreinte.calculation.YearComparison;
import org.empreinte.footprint.Report;
import org.empreinte.web.Messages;

/** The plain summary in the reader's words: what {@link Explanation} gathered, as sentences for the page. */
public class SummaryView {

    /** A hidden field of a suggestion's one-click form, named as the action plan's estimate form names it. */
    public record Field(String name, String value) {
    }

    public record SuggestionLine(String id, String title, String sourceLabel, String estimate, String note, List<Field> fields) {
    }

    private final Explanation.Summary summary;
    private final Messages messages;

    public SummaryView(Explanation.Summary summary, Messages messages) {
        this.summary = summary;
        this.messages = messages;
    }

    /** A total in t from one tonne, in kg below (never "0 t"). */
    public static String amount(double kg, Messages messages) {
        return org.empreinte.footprint.FootprintAmount.of(kg, messages);
    }

    public String getTotal() {
        return messages.format("summary_total", Integer.toString(summary.year()), amount(summary.footprint().totalCo2eKg(), messages));
    }

    public String getTrend() {
        YearComparison.Result trend = summary.trend();
        String previous = Integer.toString(summary.year() - 1);
        return switch (trend.verdict()) {
            case COMPARABLE -> messages.format(trend.changeKg() >= 0 ? "summary_trend_up" : "summary_trend_down",
                    number(Math.abs(trend.changePercent()), 1), previous, amount(Math.abs(trend.changeKg()), messages));
            case NO_PREVIOUS -> messages.format("summary_trend_no_previous", previous);
            case CURRENT_INCOMPLETE -> messages.format("summary_trend_current_incomplete", previous,
                    months(summary.footprint().byMonth()), YearComparison.MIN_MONTHS);
            case PREVIOUS_INCOMPLETE -> messages.format("summary_trend_previous_incomplete", previous,
                    YearComparison.MIN_MONTHS);
            case SOURCES_DIFFER -> messages.format("summary_trend_sources_differ", previous,
                    String.join(", ", trend.sourcesMissing().stream().map(c -> messages.labelOr("category_", c)).toList()));
            case PREVIOUS_TINY -> messages.format("summary_trend_previous_tiny", previous,
                    amount(YearComparison.MIN_PREVIOUS_KG, messages));
        };
    }

    private static int months(Map<String, Double> byMonth) {
        return (int) byMonth.values().stream().filter(v -> v != 0).count();
    }

    public String getPerEmployee() {
        Report.Intensity intensity = summary.perEmployee();
        if (intensity == null || !(intensity.denominator() > 0)) {
            return null;
        }
        return messages.format(intensity.recordedForYear() ? "summary_per_fte" : "summary_per_fte_profile",
                amount(intensity.co2eKgPerUnit(), messages), number(intensity.denominator(), 1),
                Integer.toString(summary.year()));
    }

    public String getLargest() {
        List<LargestSources.Source> largest = summary.largest();
        if (largest.isEmpty()) {
            return null;
        }
        String first = messages.format("summary_largest_first", sourceLabel(largest.get(0).category()), percent(largest.get(0)));
        if (largest.size() == 1) {
            return first;
        }
        if (largest.size() == 2) {
            return first + " " + messages.format("summary_largest_second", sourceLabel(largest.get(1).category()),
                    percent(largest.get(1)));
        }
        return first + " " + messages.format("summary_largest_next", sourceLabel(largest.get(1).category()),
                percent(largest.get(1)), sourceLabel(largest.get(2).category()), percent(largest.get(2)));
    }

    /** The GHG Protocol's terms for the largest source, beside the plain words. */
    public String getLargestTerm() {
        if (summary.largest().isEmpty()) {
            return null;
        }
        String key = summary.largest().get(0).category();
        String category = summary.largestByType() ? summary.categoryOfType().get(key) : key;
        return category == null ? null : messages.format("summary_ghg_term", messages.labelOr("category_", category));
    }

    private String percent(LargestSources.Source source) {
        return source.percent() < 1 ? messages.get("summary_below_one_percent") : Long.toString(source.percent());
    }

    /** Plain words for a source: "le chauffage au gaz naturel" where the messages have them, its label otherwise. */
    private String sourceLabel(String key) {
        String plain = (summary.largestByType() ? "source_" : "source_category_") + key;
        if (messages.has(plain)) {
            return messages.get(plain);
        }
        return messages.labelOr(summary.largestByType() ? "type_" : "category_", key);
    }

    public String getPictured() {
        ActivityEstimate trip = summary.trip();
        if (trip == null) {
            return null;
        }
        PicturedComparison.Amount amount = PicturedComparison.of(summary.footprint().totalCo2eKg(), trip.co2eKg());
        if (amount == null) {
            return null;
        }
        return amount.percentOfOne() != null ? messages.format("summary_pictured_part", amount.percentOfOne())
                : messages.format("summary_pictured", number(amount.count(), amount.decimals()));
    }

    public String getPicturedNote() {
        ActivityEstimate trip = summary.trip();
        if (trip == null) {
            return null;
        }
        // The estimate's quantity is one leg; the trip is a return flight for one passenger.
        return messages.format("summary_pictured_note", number(trip.quantity() * 2, 0), amount(trip.co2eKg(), messages),
                trip.factorId(), trip.factorSet() + " v" + trip.factorSetVersion());
    }

    public List<SuggestionLine> getSuggestions() {
        List<SuggestionLine> lines = new ArrayList<>();
        int index = 0;
        for (Explanation.Suggestion suggestion : summary.suggestions()) {
            Reductions.Change change = suggestion.change();
            String title = title(change);
            String note = switch (change.key()) {
                case "heat_pump" -> messages.format("reduction_heat_pump_note", number(Reductions.HEAT_PUMP_COP, 1),
                        number(summary.gasKwhPerM3() == null ? 0 : summary.gasKwhPerM3(), 2));
                case "train" -> messages.get("reduction_train_note");
                default -> null;
            };
            String estimate = messages.format("summary_reduction_estimate", amount(suggestion.reductionKg(), messages),
                    side(suggestion.from()), side(suggestion.to()));
            List<Field> fields = new ArrayList<>();
            fields.add(new Field("title", title));
            fields.add(new Field("startYear", Integer.toString(summary.year() + 1)));
            fields.add(new Field("status", "planned"));
            fields.addAll(fields("change.from.", change.from()));
            fields.addAll(fields("change.to.", change.to()));
            lines.add(new SuggestionLine("suggestion-" + index++, title, sourceLabel(change.from().type()), estimate, note,
                    fields));
        }
        return lines;
    }

    private String title(Reductions.Change change) {
        return switch (change.key()) {
            case "save_fuel" -> messages.format("reduction_save_fuel", messages.labelOr("type_", change.from().type())
                    .toLowerCase(messages.locale()));
            case "composting", "recycling" -> messages.format("reduction_" + change.key(),
                    messages.labelOr("material_", change.from().attributes().get("material")).toLowerCase(messages.locale()));
            default -> messages.get("reduction_" + change.key());
        };
    }

    private String side(ActivityEstimate estimate) {
        return number(estimate.quantity(), 0) + " " + ("m3".equals(estimate.unit()) ? "m³" : messages.labelOr("unit_", estimate.unit())) + " "
                + messages.labelOr("type_", estimate.type()).toLowerCase(messages.locale()) + ", "
                + amount(estimate.co2eKg(), messages);
    }

    /** The form fields of one side; a train's kind goes in its own field, as the activity form names it. */
    private static List<Field> fields(String prefix, Reductions.Side side) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(prefix + "type", side.type()));
        fields.add(new Field(prefix + "quantity", plain(side.quantity())));
        fields.add(new Field(prefix + "unit", side.unit()));
        Map<String, String> attributes = new LinkedHashMap<>(side.attributes());
        attributes.forEach((key, value) -> fields.add(new Field(prefix + ("kind".equals(key) ? side.type() + "Kind" : key), value)));
        return fields;
    }

    /** A quantity both languages' forms read back (a point, no grouping), to the thousandth. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(Math.round(value * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    private String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }
}
