package org.empreinte.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.activity.ActivityForm;
import org.empreinte.organization.Organization;
import org.empreinte.web.Form;
import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** An organization's reduction targets, each with its progress table and trajectory chart, and its action plan. */
public class TargetsPage extends Page {

    public record Row(int year, String actual, String trajectory, String plan, boolean restated) {
    }

    public record TargetView(long id, String heading, String status, String statusClass, String needed, String gap,
            String chart, List<Row> rows, String unit, String factorSet, String restatedNote) {
    }

    public record ActionLine(long id, String title, String category, String reduction, int startYear, String status,
            String estimate) {
    }

    /**
     * One activity of the estimate form, "from" or "to": its fields are named {@code change.from.type} and so on,
     * the names the service's refusals give, so that an error lands beside its input.
     */
    public record Side(String key, String legend, String prefix, List<ActivityForm.TypeGroup> typeGroups,
            List<Form.Option> unitOptions, String quantity, String typeError, String quantityError, String unitError,
            List<ActivityForm.AttributeField> attributeFields) {
    }

    public record Preset(String key, String label, double percentPerYear) {
    }

    private final Organization organization;
    private final List<Target> targets;
    private final Map<Long, Progress> progress;
    private final List<Action> actions;
    private final Map<String, Integer> categories;
    private final Form targetForm;
    private final Form actionForm;
    private final Form estimateForm;
    private final ActivityForm fields;
    private final Long added;
    /** The months with data of each target's latest year: judged only when complete enough (YearComparison's rule). */
    private Map<Integer, Integer> monthsWithData = Map.of();

    public TargetsPage withMonthsWithData(Map<Integer, Integer> months) {
        this.monthsWithData = months;
        return this;
    }

    public TargetsPage(PageContext context, Organization organization, List<Target> targets, Map<Long, Progress> progress,
            List<Action> actions, Map<String, Integer> categories, Form targetForm, Form actionForm, Form estimateForm,
            ActivityForm fields, Long added) {
        super("targets.mustache", context);
        this.organization = organization;
        this.targets = targets;
        this.progress = progress;
        this.actions = actions;
        this.categories = categories;
        this.targetForm = targetForm;
        this.actionForm = actionForm;
        this.estimateForm = estimateForm;
        this.fields = fields;
        this.added = added;
        // The page's own example: 20,000 km by car replaced by train.
        if (estimateForm.value(FROM + "type") == null) {
            estimateForm.withValue(FROM + "type", "car");
        }
        if (estimateForm.value(TO + "type") == null) {
            estimateForm.withValue(TO + "type", "train");
        }
    }

    static final String FROM = "change.from.";
    static final String TO = "change.to.";

    @Override
    public String getTitle() {
        return messages().format("targets_title", organization.name());
    }

    public Organization getOrganization() {
        return organization;
    }

    public List<TargetView> getTargets() {
        List<TargetView> views = new ArrayList<>();
        for (Target target : targets) {
            Progress p = progress.get(target.id());
            boolean intensity = target.intensity();
            String unit = intensity ? messages().format("targets_unit_intensity", messages().labelOr("metric_", target.metric()))
                    : "kg";
            String scopes = String.join(", ", target.scopes().stream().map(String::valueOf).toList());
            String heading = messages().format(intensity ? "targets_heading_intensity" : "targets_heading",
                    number(target.reductionPercent(), 1), Integer.toString(target.baseYear()),
                    Integer.toString(target.targetYear()), scopes, messages().labelOr("metric_", target.metric()));
            List<Row> rows = new ArrayList<>();
            List<TrajectoryChart.Point> points = new ArrayList<>();
            for (Progress.YearProgress year : p.years()) {
                Double actual = intensity ? year.actualIntensity() : year.actualCo2eKg();
                Double trajectory = intensity ? year.trajectoryIntensity() : year.trajectoryCo2eKg();
                Double plan = intensity ? year.planIntensity() : year.planCo2eKg();
                rows.add(new Row(year.year(), show(actual), show(trajectory), show(plan), year.restated()));
                points.add(new TrajectoryChart.Point(year.year(), actual, trajectory, plan));
            }
            // On track or not only once a year after the base year has data: the base year is its own trajectory.
            // And that year complete enough: a bill spilling a few days into it does not make it a year to judge by.
            boolean later = p.baseCo2eKg() != null && p.latestYear() != null && p.latestYear() > target.baseYear();
            int months = later ? monthsWithData.getOrDefault(p.latestYear(), 12) : 0;
            boolean followed = later && months >= org.empreinte.calculation.YearComparison.MIN_MONTHS;
            String status = p.baseCo2eKg() == null ? messages().get("targets_no_base")
                    : !later ? messages().format("targets_only_base", Integer.toString(target.baseYear()))
                    : !followed ? messages().format("targets_latest_incomplete", Integer.toString(p.latestYear()), months,
                            org.empreinte.calculation.YearComparison.MIN_MONTHS)
                    : messages().get(p.onTrack() ? "targets_on_track" : "targets_off_track");
            Double needed = intensity ? p.requiredYearlyReductionIntensity() : p.requiredYearlyReductionCo2eKg();
            // What is needed from the latest year means little until that year is one to judge by.
            String neededText = !followed || needed == null || p.requiredYearlyReductionPercent() == null ? null
                    : messages().format("targets_needed", kg(needed), unit, number(p.requiredYearlyReductionPercent(), 1));
            Double gap = intensity ? p.planGapIntensity() : p.planGapCo2eKg();
            String gapText = gap == null ? null : gap > 0
                    ? messages().format("targets_gap", kg(gap), unit, Integer.toString(target.targetYear()))
                    : messages().get("targets_gap_none");
            String chart = TrajectoryChart.svg(heading, points, List.of(messages().get("targets_col_trajectory"),
                    messages().get("targets_col_actual"), messages().get("targets_col_plan")),
                    gap != null && gap > 0 ? messages().get("targets_gap_label") : "", intensity
                            ? messages().format("targets_axis_unit_intensity", messages().labelOr("metric_", target.metric()))
                            : messages().get("targets_axis_unit"), this::kg);
            String restated = p.restated() ? messages().format("targets_restated",
                    String.join(", ", p.restatedYears().stream().map(String::valueOf).toList())) : null;
            views.add(new TargetView(target.id(), heading, status, !followed ? "muted" : p.onTrack() ? "on-track" : "off-track",
                    neededText, gapText,
                    chart, rows, unit, messages().format("targets_factor_set", p.factorSet()), restated));
        }
        return views;
    }

    public List<ActionLine> getActions() {
        return actions.stream().map(a -> new ActionLine(a.id(), a.title(), messages().labelOr("category_", a.category()),
                kg(a.expectedYearlyReductionCo2eKg()), a.startYear(), messages().get("status_" + a.status()),
                estimate(a)))
                .toList();
    }

    /** What an estimated action was computed from: both activities' emissions with their factors, and the difference. */
    private String estimate(Action action) {
        if (action.estimate() == null) {
            return null;
        }
        var from = action.estimate().from();
        var to = action.estimate().to();
        return messages().format("actions_estimate", number(from.co2eKg(), 1), from.factorId(), number(to.co2eKg(), 1),
                to.factorId(), number(action.expectedYearlyReductionCo2eKg(), 1));
    }

    /** The notice after an action was added: its title and, when estimated, its estimate. */
    public String getAdded() {
        if (added == null) {
            return null;
        }
        return actions.stream().filter(a -> a.id() == added).findFirst()
                .map(a -> messages().format("actions_added", a.title()) + (a.estimate() == null ? "" : " " + estimate(a)))
                .orElse(null);
    }

    public Form getEstimateForm() {
        return estimateForm;
    }

    public List<Side> getSides() {
        return List.of(side("from", FROM, "actions_estimate_from"), side("to", TO, "actions_estimate_to"));
    }

    private Side side(String key, String prefix, String legend) {
        var errors = estimateForm.getErrors();
        return new Side(key, messages().get(legend), prefix,
                fields.typeGroups(messages(), estimateForm.value(prefix + "type")),
                fields.units(estimateForm, prefix, messages()), estimateForm.value(prefix + "quantity"),
                errors.get(prefix + "type"), errors.get(prefix + "quantity"), errors.get(prefix + "unit"),
                fields.attributeFields(messages(), estimateForm, prefix));
    }

    /** The estimate's category may be left to the activity replaced. */
    public List<Form.Option> getEstimateCategories() {
        List<String> choices = new ArrayList<>();
        choices.add("");
        choices.addAll(categories.keySet());
        return estimateForm.options("category", choices,
                c -> c.isEmpty() ? messages().get("actions_estimate_category_auto") : messages().labelOr("category_", c));
    }

    public List<Form.Option> getEstimateStatuses() {
        return estimateForm.options("status", ActionPlan.STATUSES, s -> messages().get("status_" + s));
    }

    public List<Preset> getPresets() {
        return List.of(new Preset("sbti_1_5c", messages().get("preset_sbti_1_5c"), 4.2),
                new Preset("well_below_2c", messages().get("preset_well_below_2c"), 2.5));
    }

    public Form getTargetForm() {
        return targetForm;
    }

    public Form getActionForm() {
        return actionForm;
    }

    public List<Form.Option> getKinds() {
        return targetForm.options("kind", List.of(Target.ABSOLUTE, Target.INTENSITY), k -> messages().get("kind_" + k));
    }

    public List<Form.Option> getMetrics() {
        return targetForm.options("metric", List.of("employees", "revenue"), m -> messages().get("metric_" + m));
    }

    public List<Form.Option> getScopes() {
        return List.of("1", "2", "3").stream().map(s -> new Form.Option(s, messages().get("scope_short_" + s),
                targetForm.value("scope" + s) != null || (targetForm.getValues().isEmpty()))).toList();
    }

    public List<Form.Option> getCategories() {
        return actionForm.options("category", List.copyOf(categories.keySet()), c -> messages().labelOr("category_", c));
    }

    public List<Form.Option> getStatuses() {
        return actionForm.options("status", ActionPlan.STATUSES, s -> messages().get("status_" + s));
    }

    private String show(Double value) {
        return value == null ? "" : kg(value);
    }
}
