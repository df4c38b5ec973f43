package org.empreinte.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.activity.Activity;
import org.empreinte.organization.Organization;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/**
 * What the year's answers weigh, heaviest first, and which to replace with measured data before the others: the
 * few that make most of the estimate.
 */
public class QuestionnaireResultPage extends Page {

    /** The answers to replace first: the heaviest, until they make this share of the estimate (and at least one). */
    static final double FIRST_SHARE = 0.8;
    /** Types entered bill by bill, which the monthly grid takes. */
    private static final List<String> METERED = List.of("electricity", "natural_gas", "heating_oil", "propane");

    /** One answer's activity: its question, what was logged, its weight and share, where to replace it. */
    public record Line(long id, String question, String what, String kg, String share, boolean first, String replaceUrl,
            String replaceLabel) {
    }

    private final Organization organization;
    private final int year;
    private final List<Activity> activities;
    private final boolean saved;

    public QuestionnaireResultPage(PageContext context, Organization organization, int year, List<Activity> activities,
            boolean saved) {
        super("questionnaire-result.mustache", context);
        this.organization = organization;
        this.year = year;
        this.activities = activities;
        this.saved = saved;
    }

    @Override
    public String getTitle() {
        return getHeading() + " — " + organization.name();
    }

    public String getHeading() {
        return messages().format("q_result_title", Integer.toString(year));
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getYear() {
        return Integer.toString(year);
    }

    public boolean getSaved() {
        return saved;
    }

    public boolean getHasLines() {
        return !activities.isEmpty();
    }

    public String getTotal() {
        return kg(total());
    }

    private double total() {
        // Every line of each answer (a fuel's upstream, the grid's losses), as the footprint counts it.
        return activities.stream().mapToDouble(Activity::allLinesCo2eKg).sum();
    }

    /** The activities heaviest first (as the service gives them), the first few marked to replace first. */
    public List<Line> getLines() {
        double total = total();
        List<Line> lines = new ArrayList<>();
        double before = 0;
        for (Activity activity : activities) {
            boolean first = lines.isEmpty() || (total > 0 && before < FIRST_SHARE * total);
            before += activity.allLinesCo2eKg();
            lines.add(line(activity, total, first));
        }
        return lines;
    }

    private Line line(Activity activity, double total, boolean first) {
        Map<String, Object> attributes = activity.attributes() == null ? Map.of() : activity.attributes();
        Object note = attributes.get("note");
        String what = messages().labelOr("type_", activity.type()) + ", " + number(activity.quantity(), 1) + " "
                + messages().labelOr("unit_", activity.unit());
        String share = total > 0 ? number(100 * activity.allLinesCo2eKg() / total, 0) + " %" : "";
        boolean metered = METERED.contains(activity.type());
        String url = metered ? "/organizations/" + organization.id() + "/activities/grid?year=" + year
                : "/organizations/" + organization.id() + "/activities/" + activity.id() + "/edit";
        // The note says which questionnaire it came from, as the heading already does here.
        String prefix = messages().format("q_note", Integer.toString(year), "");
        String question = note == null ? what : note.toString().startsWith(prefix) && note.toString().length() > prefix.length()
                ? note.toString().substring(prefix.length()) : note.toString();
        return new Line(activity.id(), question, what, kg(activity.allLinesCo2eKg()), share, first, url,
                messages().get(metered ? "q_replace_grid" : "q_replace_form"));
    }
}
