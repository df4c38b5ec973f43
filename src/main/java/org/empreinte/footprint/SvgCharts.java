package org.empreinte.footprint;

import static org.empreinte.web.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The footprint's charts as SVG drawn on the server. Hand-drawn rather than through a chart
 * library: the Java ones (JFreeChart with JFreeSVG) lay text out with AWT fonts, which a machine
 * with only a headless JDK may lack, and client-side ones draw nothing until scripts run and
 * print poorly. Here the browser sets the text, the pages work without JavaScript, and the
 * same SVG prints as vectors. Each chart has a title for screen readers and the figures stand
 * in tables beside it.
 */
public final class SvgCharts {

    public record Bar(String label, double value, String cssClass) {
    }

    private SvgCharts() {
    }

    /** One horizontal bar per item, its value written after it. */
    public static String horizontalBars(String title, List<Bar> bars, DoubleFunction<String> format) {
        int rowHeight = 30;
        int labelWidth = 80;
        int barSpace = 250;
        int width = labelWidth + barSpace + 90;
        int height = rowHeight * bars.size() + 10;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = open(width, height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * rowHeight;
            double length = max <= 0 ? 0 : bar.value() / max * barSpace;
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 19, escape(bar.label())));
            svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %s</title></rect>",
                    escape(bar.cssClass()), labelWidth, y + 4, length, rowHeight - 10, escape(bar.label()), escape(format.apply(bar.value()))));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", labelWidth + length + 6, y + 19,
                    escape(format.apply(bar.value()))));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * One column per month, stacked by scope.
     *
     * @param months month label to its values by scope key ("1", "2", "3"), in order
     */
    public static String stackedColumns(String title, List<String> monthLabels, List<Map<String, Double>> months,
            Map<String, String> scopeLabels, DoubleFunction<String> format) {
        int left = 70;
        int top = 10;
        int plotHeight = 200;
        int columnWidth = 44;
        int width = left + columnWidth * months.size() + 20;
        int height = top + plotHeight + 50;
        double max = months.stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum()).max().orElse(0);
        StringBuilder svg = open(width, height, title);
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                left, top + plotHeight, width - 10, top + plotHeight));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", top + 12, escape(format.apply(max))));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">0</text>", top + plotHeight));
        for (int i = 0; i < months.size(); i++) {
            int x = left + i * columnWidth + 6;
            double base = top + plotHeight;
            for (String scope : List.of("1", "2", "3")) {
                double value = months.get(i).getOrDefault(scope, 0.0);
                if (value <= 0 || max <= 0) {
                    continue;
                }
                double h = value / max * plotHeight;
                base -= h;
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bar-%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"><title>%s, %s: %s</title></rect>",
                        scope, x, base, columnWidth - 12, h, escape(monthLabels.get(i)), escape(scopeLabels.get(scope)),
                        escape(format.apply(value))));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x, top + plotHeight + 18,
                    escape(monthLabels.get(i))));
        }
        int legendX = left;
        for (String scope : List.of("1", "2", "3")) {
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar-%s\" x=\"%d\" y=\"%d\" width=\"12\" height=\"12\"/>",
                    scope, legendX, top + plotHeight + 30));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", legendX + 16, top + plotHeight + 41,
                    escape(scopeLabels.get(scope))));
            legendX += 120;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int width, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                width, height, escape(title), escape(title)));
    }
}
