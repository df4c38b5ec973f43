package org.empreinte.target;

import static org.empreinte.web.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A target's trajectory as SVG drawn on the server, in the manner of the footprint's charts (see
 * footprint.SvgCharts for why not a chart library): the target line, the actual years as points joined,
 * the emissions with the plan from the latest year, and the gap the plan leaves in the target year.
 */
final class TrajectoryChart {

    /** One year's values in the target's unit; null where there is none. */
    record Point(int year, Double actual, Double trajectory, Double plan) {
    }

    private static final int LEFT = 80;
    private static final int TOP = 10;
    private static final int PLOT_HEIGHT = 220;
    private static final int STEP = 40;

    private TrajectoryChart() {
    }

    /** @param unit the values' unit, written under the axis's top value (kg éq. CO₂, or per FTE) */
    static String svg(String title, List<Point> points, List<String> legend, String gapLabel, String unit,
            DoubleFunction<String> format) {
        int width = LEFT + STEP * Math.max(1, points.size() - 1) + 120;
        int height = TOP + PLOT_HEIGHT + 60;
        double max = 0;
        for (Point p : points) {
            for (Double v : new Double[] {p.actual(), p.trajectory(), p.plan()}) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = max <= 0 ? 1 : max * 1.1;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                width, height, escape(title), escape(title)));
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT,
                TOP + PLOT_HEIGHT, width - 10, TOP + PLOT_HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", TOP + 12, escape(format.apply(top))));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-unit\" x=\"0\" y=\"%d\">%s</text>", TOP + 30, escape(unit)));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">0</text>", TOP + PLOT_HEIGHT));
        for (int i = 0; i < points.size(); i++) {
            if (i % Math.max(1, points.size() / 10) == 0 || i == points.size() - 1) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>", x(i),
                        TOP + PLOT_HEIGHT + 18, points.get(i).year()));
            }
        }
        svg.append(line("trajectory", points, Point::trajectory, top));
        svg.append(line("plan", points, Point::plan, top));
        svg.append(line("actual", points, Point::actual, top));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.actual() != null) {
                svg.append(String.format(Locale.ROOT, "<circle class=\"actual\" cx=\"%d\" cy=\"%.1f\" r=\"4\"><title>%d: %s</title></circle>",
                        x(i), y(p.actual(), top), p.year(), escape(format.apply(p.actual()))));
            }
        }
        Point last = points.get(points.size() - 1);
        if (last.plan() != null && last.trajectory() != null && last.plan() > last.trajectory()) {
            int gx = x(points.size() - 1);
            svg.append(String.format(Locale.ROOT, "<line class=\"gap\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", gx,
                    y(last.plan(), top), gx, y(last.trajectory(), top)));
            svg.append(String.format(Locale.ROOT, "<text class=\"gap\" x=\"%d\" y=\"%.1f\">%s</text>", gx + 6,
                    (y(last.plan(), top) + y(last.trajectory(), top)) / 2, escape(gapLabel)));
        }
        String[] classes = {"trajectory", "actual", "plan"};
        int legendX = LEFT;
        for (int i = 0; i < classes.length && i < legend.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", classes[i],
                    legendX, TOP + PLOT_HEIGHT + 40, legendX + 20, TOP + PLOT_HEIGHT + 40));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", legendX + 24, TOP + PLOT_HEIGHT + 44,
                    escape(legend.get(i))));
            legendX += 150;
        }
        return svg.append("</svg>").toString();
    }

    private static String line(String cssClass, List<Point> points, java.util.function.Function<Point, Double> value, double top) {
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Double v = value.apply(points.get(i));
            if (v != null) {
                coordinates.add(String.format(Locale.ROOT, "%d,%.1f", x(i), y(v, top)));
            }
        }
        if (coordinates.size() < 2) {
            return "";
        }
        return "<polyline class=\"" + cssClass + "\" fill=\"none\" points=\"" + String.join(" ", coordinates) + "\"/>";
    }

    private static int x(int index) {
        return LEFT + index * STEP;
    }

    private static double y(double value, double top) {
        return TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT;
    }
}
