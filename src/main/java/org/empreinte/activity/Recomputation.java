package org.empreinte.activity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.activity.ActivityPreparation.Prepared;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ValidationException;

/**
 * Computes stored activities again with the factor library now loaded: after a new edition of a factor set
 * (the admin port's task), or when an organization changes an option that enters its results (radiative
 * forcing). An activity whose result or factor differs is rewritten (when applying); one that no longer
 * finds a factor keeps its result and is reported.
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
        double before = 0;
        double after = 0;
        int moved = 0;
        for (ActivityRow row : rows) {
            before += row.co2eKg();
            Prepared prepared;
            try {
                prepared = preparation.prepare(lookup, organizationId, preparation.replay(row));
            } catch (ValidationException e) {
                failures.add("activity " + row.id() + " of organization " + organizationId + ": " + e.getMessage());
                after += row.co2eKg();
                continue;
            }
            ActivityRow now = prepared.stored();
            after += now.co2eKg();
            if (now.sameFactor(row) && now.co2eKg() == row.co2eKg()) {
                continue;
            }
            moved++;
            factorChanges.merge(row.factorId() + " (" + row.factorSet() + " v" + row.factorSetVersion() + ") -> "
                    + now.factorId() + " (" + now.factorSet() + " v" + now.factorSetVersion() + ")", 1, Integer::sum);
            if (apply) {
                activityDao.rewrite(row.id(), now, clock.instant().toString(), null, prepared.months(row.id()));
            }
        }
        if (apply && moved > 0) {
            changes.record("results", null, "recompute", Map.of("co2eKg", before),
                    Map.of("co2eKg", after, "activitiesChanged", moved, "factorChanges", Map.copyOf(factorChanges)));
        }
        return new Recalculation.OrganizationChange(organizationId, rows.size(), moved, before, after);
    }

    /** Stored results that come from a factor-set version the library no longer holds. */
    public List<ActivityDao.SetCount> staleResults() {
        return activityDao.resultsBySet().stream()
                .filter(count -> library.set(count.factorSet()).map(set -> !set.version().equals(count.factorSetVersion()))
                        .orElse(true))
                .toList();
    }
}
