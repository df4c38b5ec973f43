package org.empreinte.footprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.empreinte.calculation.EmissionLine;
import org.empreinte.web.Messages;

/**
 * What a footprint includes, as pages and the CSV say it: its scopes and categories, and the lines of a category
 * that holds more than its activities' own emissions (category 3: fuels' upstream, the grid's losses).
 */
public final class ReportCoverage {

    /** One line of a category other than its direct one, labelled in the reader's language. */
    public record LineShare(int ghgCategory, String line, String label, double co2eKg) {
    }

    private ReportCoverage() {
    }

    /** The lines other than direct of each scope 3 category, in their categories' order, then the lines' own. */
    public static List<LineShare> otherLines(Footprint footprint, Messages messages) {
        List<LineShare> shares = new ArrayList<>();
        for (Footprint.Included included : footprint.included()) {
            if (included.ghgCategory() == null) {
                continue;
            }
            for (String line : EmissionLine.ROLES) {
                Double kg = included.byLine().get(line);
                if (kg != null && !EmissionLine.DIRECT.equals(line)) {
                    shares.add(new LineShare(included.ghgCategory(), line, messages.get("line_" + line), kg));
                }
            }
        }
        return shares;
    }

    /**
     * One sentence: the scopes the figures include, and for each its categories ("Scope 1: stationary combustion;
     * scope 3: 3. Fuel- and energy-related activities (upstream of fuels)"); null when nothing is included.
     */
    public static String summary(Footprint footprint, Messages messages) {
        if (footprint.included().isEmpty()) {
            return null;
        }
        List<String> scopes = new ArrayList<>();
        for (int scope : new TreeSet<>(footprint.included().stream().map(Footprint.Included::scope).toList())) {
            List<String> categories = new ArrayList<>();
            for (Footprint.Included included : footprint.included()) {
                if (included.scope() != scope) {
                    continue;
                }
                String label = included.ghgCategory() != null ? messages.get("ghg_category_" + included.ghgCategory())
                        : messages.labelOr("category_", included.category());
                List<String> lines = new ArrayList<>();
                for (Map.Entry<String, Double> line : included.byLine().entrySet()) {
                    if (!EmissionLine.DIRECT.equals(line.getKey())) {
                        lines.add(messages.get("line_" + line.getKey()));
                    }
                }
                categories.add(lines.isEmpty() ? label : label + " (" + String.join(", ", lines) + ")");
            }
            scopes.add(messages.format("report_included_scope", Integer.toString(scope), String.join(", ", categories)));
        }
        return messages.format("report_included", String.join("; ", scopes));
    }
}
