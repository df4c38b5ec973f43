package org.empreinte.footprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.LargestSources;
import org.empreinte.calculation.YearComparison;
import org.empreinte.web.Messages;

/**
 * The report's plain-language sentences: its largest sources, and why its change against the previous year is not a
 * percentage when it may not be one. Apart from the page's tables, which only lay figures out.
 */
final class ReportSentences {

    private final Report report;
    private final Messages messages;

    ReportSentences(Report report, Messages messages) {
        this.report = report;
        this.messages = messages;
    }

    /** The footprint's months with emissions and its categories, as the comparison rule reads them. */
    static YearComparison.Year coverage(Footprint footprint) {
        return new YearComparison.Year(footprint.totalCo2eKg(), months(footprint), footprint.byCategory());
    }

    private static int months(Footprint footprint) {
        return (int) footprint.byMonth().values().stream().filter(v -> v != 0).count();
    }

    /** Why the change is not a percentage, in words; null when it is one (or there is nothing to compare). */
    String noPercent(YearComparison.Result comparison, int monthsInPeriod) {
        if (comparison == null || comparison.comparable() || comparison.verdict() == YearComparison.Verdict.NO_PREVIOUS) {
            return null;
        }
        int needed = YearComparison.minMonths(monthsInPeriod);
        return switch (comparison.verdict()) {
            case CURRENT_INCOMPLETE -> messages.format("report_no_percent_current", months(report.footprint()),
                    monthsInPeriod, needed);
            case PREVIOUS_INCOMPLETE -> messages.format("report_no_percent_previous", monthsInPeriod, needed);
            case SOURCES_DIFFER -> messages.format("report_no_percent_sources", String.join(", ",
                    comparison.sourcesMissing().stream().map(c -> messages.labelOr("category_", c)).toList()));
            default -> messages.format("report_no_percent_tiny", FootprintAmount.of(YearComparison.MIN_PREVIOUS_KG, messages));
        };
    }

    /** The largest sources in a sentence, in plain words, by type of activity as the assumptions list them. */
    String largest() {
        Map<String, Double> byType = new LinkedHashMap<>();
        report.assumptions().forEach(a -> byType.merge(a.type(), a.co2eKg(), Double::sum));
        List<LargestSources.Source> largest = LargestSources.of(byType, LargestSources.SHOWN);
        if (largest.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder(messages.format("summary_largest_first", source(largest.get(0).category()),
                percent(largest.get(0))));
        if (largest.size() == 2) {
            text.append(' ').append(messages.format("summary_largest_second", source(largest.get(1).category()),
                    percent(largest.get(1))));
        } else if (largest.size() == 3) {
            text.append(' ').append(messages.format("summary_largest_next", source(largest.get(1).category()),
                    percent(largest.get(1)), source(largest.get(2).category()), percent(largest.get(2))));
        }
        return text.toString();
    }

    private String source(String type) {
        return messages.has("source_" + type) ? messages.get("source_" + type) : messages.labelOr("type_", type);
    }

    private String percent(LargestSources.Source source) {
        return source.percent() < 1 ? messages.get("summary_below_one_percent") : Long.toString(source.percent());
    }
}
