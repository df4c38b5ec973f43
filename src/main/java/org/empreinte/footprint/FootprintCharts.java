package org.empreinte.footprint;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.empreinte.web.Messages;

/** The two charts a footprint is drawn with, the same on the organization's page and in its report. */
public final class FootprintCharts {

    private FootprintCharts() {
    }

    /** The year by scope, as horizontal bars. */
    public static String byScope(Footprint footprint, Messages messages, DoubleFunction<String> kg) {
        List<SvgCharts.Bar> bars = footprint.byScope().entrySet().stream()
                .map(e -> new SvgCharts.Bar(messages.get("scope_short_" + e.getKey()), e.getValue(), "bar-" + e.getKey()))
                .toList();
        return SvgCharts.horizontalBars(messages.get("chart_by_scope"), bars, kg);
    }

    /** The year month by month, each month's column stacked by scope. */
    public static String byMonth(Footprint footprint, Messages messages, DoubleFunction<String> kg) {
        List<String> labels = new ArrayList<>();
        List<Map<String, Double>> values = new ArrayList<>();
        footprint.byMonthAndScope().forEach((month, scopes) -> {
            labels.add(YearMonth.parse(month).getMonth().getDisplayName(TextStyle.SHORT, messages.locale()));
            values.add(scopes);
        });
        Map<String, String> scopeLabels = Map.of("1", messages.get("scope_short_1"), "2", messages.get("scope_short_2"),
                "3", messages.get("scope_short_3"));
        return SvgCharts.stackedColumns(messages.get("chart_by_month"), labels, values, scopeLabels, kg);
    }
}
