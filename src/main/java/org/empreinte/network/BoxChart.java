package org.empreinte.network;

import static org.empreinte.web.Html.escape;

import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The distribution of intensities as a box from the lower to the upper quartile with the median across
 * it, drawn on the server as the footprint's charts are (see SvgCharts). No whiskers and no dots: the
 * extremes would be single members' figures, which an aggregate-only member has not shared.
 */
final class BoxChart {

    private BoxChart() {
    }

    static String svg(String title, double q1, double median, double q3, DoubleFunction<String> format) {
        int width = 420;
        int left = 20;
        int span = 380;
        double max = q3 <= 0 ? 1 : q3 * 1.25;
        double x1 = left + q1 / max * span;
        double xm = left + median / max * span;
        double x3 = left + q3 / max * span;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d 90\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                width, escape(title), escape(title)));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"60\" x2=\"%d\" y2=\"60\"/>", left, left + span));
        svg.append(String.format(Locale.ROOT, "<rect class=\"bar-2\" x=\"%.1f\" y=\"15\" width=\"%.1f\" height=\"35\"/>", x1,
                Math.max(1, x3 - x1)));
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"10\" x2=\"%.1f\" y2=\"55\" stroke=\"#1d2a2a\" stroke-width=\"3\"/>", xm, xm));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"78\" text-anchor=\"middle\">%s</text>", x1, escape(format.apply(q1))));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"8\" text-anchor=\"middle\">%s</text>", xm, escape(format.apply(median))));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"78\" text-anchor=\"middle\">%s</text>", x3, escape(format.apply(q3))));
        return svg.append("</svg>").toString();
    }
}
