package org.empreinte.activity;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dropwizard.servlets.tasks.Task;

/**
 * {@code POST /tasks/recompute} on the admin port: after a factor file changes, computes every
 * activity again and says what changed. {@code ?dryRun=true} only says what would change. After change set
 * 18-activity-lines it is what gives activities stored before it their other lines (upstream, losses): it says how
 * many activities moved and the totals before and after, all lines counted.
 */
public class RecomputeTask extends Task {

    private final Recomputation activities;

    public RecomputeTask(Recomputation activities) {
        super("recompute");
        this.activities = activities;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        boolean dryRun = parameters.getOrDefault("dryRun", List.of()).contains("true");
        Recalculation result = activities.recompute(!dryRun);
        output.printf(Locale.ROOT, "%s: %d activities examined, %d %s.%n", dryRun ? "Dry run" : "Recomputed",
                result.examined(), result.changed(), dryRun ? "would change" : "changed");
        // Every line of every activity (its upstream, its losses: change set 18-activity-lines), before and after.
        double before = result.organizations().stream().mapToDouble(Recalculation.OrganizationChange::beforeCo2eKg).sum();
        double after = result.organizations().stream().mapToDouble(Recalculation.OrganizationChange::afterCo2eKg).sum();
        output.printf(Locale.ROOT, "all organizations: %.3f -> %.3f kg CO2e (%+.3f kg)%n", before, after, after - before);
        for (Recalculation.OrganizationChange change : result.organizations()) {
            if (change.changed() > 0) {
                double delta = change.afterCo2eKg() - change.beforeCo2eKg();
                output.printf(Locale.ROOT, "organization %d: %d of %d activities, %.3f -> %.3f kg CO2e (%+.3f kg, %+.2f %%)%n",
                        change.organizationId(), change.changed(), change.examined(), change.beforeCo2eKg(),
                        change.afterCo2eKg(), delta, change.beforeCo2eKg() == 0 ? 0 : 100 * delta / change.beforeCo2eKg());
            }
        }
        result.factorChanges().forEach((change, count) -> output.printf(Locale.ROOT, "factor %s: %d activities%n", change, count));
        result.failures().forEach(failure -> output.printf(Locale.ROOT, "kept, no factor now: %s%n", failure));
        output.flush();
    }
}
