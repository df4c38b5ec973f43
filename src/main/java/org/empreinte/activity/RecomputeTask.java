package org.empreinte.activity;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.dropwizard.servlets.tasks.Task;

/**
 * {@code POST /tasks/recompute} on the admin port: after a factor file changes, computes every
 * activity again and says what changed. {@code ?dryRun=true} only says what would change.
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
