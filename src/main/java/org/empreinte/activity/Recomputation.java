package org.empreinte.activity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.activity.ActivityPreparation.Prepared;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.calculation.EmissionLines;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ValidationException;

/**
 * Computes stored activities again with the factor library now loaded: after a new edition of a factor set
 * (the admin port's task), or when an organization changes an option that enters its results (radiative
 * forcing). An activity whose result or factor differs, or whose other lines (upstream, losses: change set
 * 18-activity-lines) differ, is rewritten (when applying); one that no longer finds a factor keeps its result and
 * is reported. The totals before and after count every line: after the change set, the recomputation is what
 * gives existing activities their new lines, and its report says how many moved and by how much.
 */
public class Recomputation {

    private final Jdbi jdbi;
    private final ActivityDao activityDao;
    private final OrganizationLookup lookup;
    private final ActivityPreparation preparation;
    private final UnitOfWork units;
    private final FactorLibrary library;
    private final Clock clock;

    public Recomputation(Jdbi jdbi, ActivityPreparation preparation, UnitOfWork units, FactorLibrary library, Clock clock) {
        this.jdbi = jdbi;
        this.activityDao = jdbi.onDemand(ActivityDao.class);
        this.lookup = OrganizationLookup.of(jdbi.onDemand(OrganizationDao.class));
        this.preparation = preparation;
        this.units = units;
        this.library = library;
        this.clock = clock;
    }

    /** Every organization's activities, one transaction per organization. */
    public Recalculation recompute(boolean apply) {
        List<Recalculation.OrganizationChange> organizations = new ArrayList<>();
        Map<String, Integer> factorChanges = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int examined = 0;
        int changed = 0;
        for (long organizationId : activityDao.organizationsWithActivities()) {
            Recalculation.OrganizationChange change = recompute(organizationId, apply, factorChanges, failures);
            organizations.add(change);
            examined += change.examined();
            changed += change.changed();
        }
        return new Recalculation(apply, examined, changed, organizations, factorChanges, failures);
    }

    /**
     * One organization's activities, in one transaction (the caller's, when it has one open on this thread); a
     * dry run writes nothing.
     */
    public Recalculation.OrganizationChange recompute(long organizationId, boolean apply, Map<String, Integer> factorChanges,
            List<String> failures) {
        if (!apply) {
            return jdbi.inTransaction(handle -> compute(organizationId, false, factorChanges, failures, null));
        }
        return units.writeIfChanged(organizationId, changes -> compute(organizationId, true, factorChanges, failures, changes));
    }

    /** Convenience for an organization's option change: the failures, the changes applied. */
    public List<String> recomputeOrganization(long organizationId) {
        List<String> failures = new ArrayList<>();
        recompute(organizationId, true, new TreeMap<>(), failures);
        return failures;
    }

    private Recalculation.OrganizationChange compute(long organizationId, boolean apply, Map<String, Integer> factorChanges,
            List<String> failures, UnitOfWork.Changes changes) {
        List<ActivityRow> rows = activityDao.all(organizationId);
        Map<Long, List<LineRow>> storedLines = activityDao.linesOfOrganization(organizationId);
        double before = 0;
        double after = 0;
        int moved = 0;
        for (ActivityRow row : rows) {
            List<LineRow> lines = storedLines.getOrDefault(row.id(), List.of());
            double stored = row.co2eKg() + lines.stream().mapToDouble(LineRow::co2eKg).sum();
            before += stored;
            Prepared prepared;
            try {
                prepared = preparation.prepare(lookup, organizationId, preparation.replay(row));
            } catch (ValidationException e) {
                failures.add("activity " + row.id() + " of organization " + organizationId + ": " + e.getMessage());
                after += stored;
                continue;
            }
            ActivityRow now = prepared.stored();
            after += prepared.allLinesCo2eKg();
            boolean sameLines = lines.size() == prepared.lines().size();
            for (int i = 0; sameLines && i < lines.size(); i++) {
                sameLines = lines.get(i).sameResult(prepared.lines().get(i));
            }
            if (now.sameFactor(row) && now.co2eKg() == row.co2eKg() && sameLines) {
                continue;
            }
            moved++;
            if (!now.sameFactor(row) || now.co2eKg() != row.co2eKg()) {
                factorChanges.merge(row.factorId() + " (" + row.factorSet() + " v" + row.factorSetVersion() + ") -> "
                        + now.factorId() + " (" + now.factorSet() + " v" + now.factorSetVersion() + ")", 1, Integer::sum);
            }
            if (!sameLines) {
                factorChanges.merge(describe(lines) + " -> " + describe(prepared.lines()), 1, Integer::sum);
            }
            if (apply) {
                activityDao.rewrite(row.id(), now, clock.instant().toString(), null, prepared.months(row.id()),
                        prepared.lines());
            }
        }
        if (apply && moved > 0) {
            changes.record("results", null, "recompute", Map.of("co2eKg", before),
                    Map.of("co2eKg", after, "activitiesChanged", moved, "factorChanges", Map.copyOf(factorChanges)));
        }
        return new Recalculation.OrganizationChange(organizationId, rows.size(), moved, before, after);
    }

    /** An activity's other lines, as a recomputation's report names them: "no other line" when none. */
    private static String describe(List<LineRow> lines) {
        if (lines.isEmpty()) {
            return "no other line";
        }
        return String.join(" + ", lines.stream().map(line -> line.line() + " " + line.factorId() + " (" + line.factorSet()
                + " v" + line.factorSetVersion() + ")").toList());
    }

    /**
     * Whether some stored activity of a type that now has other lines (a fuel's upstream, Canadian electricity's
     * losses) has none: a database written before change set 18-activity-lines, until it is recomputed. One index
     * probe per candidate, stopped at the first. Candidates by their factor, not their type: a car's trip priced with a
     * fuel's or a car's per-km factor has an upstream, an electric car's priced with the grid's has none.
     */
    public boolean someLackTheirLines() {
        List<String> withUpstream = library.sets().stream().flatMap(set -> set.factors().stream())
                .filter(f -> library.selector().types().contains(f.type() + EmissionLines.UPSTREAM_SUFFIX))
                .map(f -> f.id()).toList();
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM (SELECT a.id FROM activity a"
                        + " WHERE (a.factor_id IN (<factors>) OR (a.type = 'electricity' AND a.effective_region LIKE 'CA%'))"
                        + " AND NOT EXISTS (SELECT 1 FROM activity_line l WHERE l.activity_id = a.id) LIMIT 1) c")
                .bindList("factors", withUpstream.isEmpty() ? List.of("") : withUpstream).mapTo(Integer.class).one() > 0);
    }

    /** Stored results that come from a factor-set version the library no longer holds. */
    public List<ActivityDao.SetCount> staleResults() {
        return activityDao.resultsBySet().stream()
                .filter(count -> library.set(count.factorSet()).map(set -> !set.version().equals(count.factorSetVersion()))
                        .orElse(true))
                .toList();
    }
}
