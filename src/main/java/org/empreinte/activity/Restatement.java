package org.empreinte.activity;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.activity.ActivityPreparation.Prepared;
import org.empreinte.calculation.Period;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ValidationException;

/**
 * Emissions computed with the factor library now loaded but never stored: a reduction target restates its base
 * year through today's factors, and an action plan estimates a change of activity, so that both trace to the
 * same factors as the activities logged.
 */
public class Restatement {

    private final Jdbi jdbi;
    private final ActivityDao activityDao;
    private final OrganizationLookup lookup;
    private final ActivityPreparation preparation;

    public Restatement(Jdbi jdbi, ActivityPreparation preparation) {
        this.jdbi = jdbi;
        this.activityDao = jdbi.onDemand(ActivityDao.class);
        this.lookup = OrganizationLookup.of(jdbi.onDemand(OrganizationDao.class));
        this.preparation = preparation;
    }

    /**
     * The emissions of the given years by scope, every line of an activity in its own scope. Each activity that touches one of the years is prepared again
     * from its stored input, as a recomputation would, and its monthly shares are summed by calendar year; one
     * that no longer finds a factor keeps its stored result, shared by days, and is named in {@code failures}.
     *
     * @return year to scope (1, 2, 3) to kg CO2e; a year with no activity is absent
     */
    public Map<Integer, Map<Integer, Double>> byYearAndScope(long organizationId, Set<Integer> years, List<String> failures) {
        Map<Integer, Map<Integer, Double>> totals = new TreeMap<>();
        if (years.isEmpty()) {
            return totals;
        }
        int first = Collections.min(years);
        int last = Collections.max(years);
        return jdbi.withHandle(handle -> {
            Map<Long, List<LineRow>> storedLines = activityDao.linesOfOrganization(organizationId);
            for (ActivityRow row : activityDao.all(organizationId)) {
                LocalDate start = LocalDate.parse(row.periodStart());
                LocalDate end = LocalDate.parse(row.periodEnd());
                if (end.getYear() < first || start.getYear() > last) {
                    continue;
                }
                Prepared prepared;
                try {
                    prepared = preparation.prepare(lookup, organizationId, preparation.replay(row));
                } catch (ValidationException e) {
                    failures.add("activity " + row.id() + ": " + e.getMessage());
                    Period whole = new Period(start, end);
                    for (int year : years) {
                        // A year the period does not reach stays absent, not a zero.
                        if (whole.overlapDays(Period.ofYear(year)) > 0) {
                            double fraction = whole.shareOfDaysIn(Period.ofYear(year));
                            Map<Integer, Double> ofYear = totals.computeIfAbsent(year, y -> new TreeMap<>());
                            ofYear.merge(row.scope(), row.co2eKg() * fraction, Double::sum);
                            for (LineRow line : storedLines.getOrDefault(row.id(), List.of())) {
                                ofYear.merge(line.scope(), line.co2eKg() * fraction, Double::sum);
                            }
                        }
                    }
                    continue;
                }
                add(totals, years, prepared.stored().scope(), prepared.months(0));
                // Every line in its own scope: a fuel's upstream and electricity's losses in scope 3.
                for (LineRow line : prepared.lines()) {
                    add(totals, years, line.scope(), line.months());
                }
            }
            return totals;
        });
    }

    private static void add(Map<Integer, Map<Integer, Double>> totals, Set<Integer> years, int scope,
            List<MonthShareRow> months) {
        for (MonthShareRow share : months) {
            int year = Integer.parseInt(share.month().substring(0, 4));
            if (years.contains(year)) {
                totals.computeIfAbsent(year, y -> new TreeMap<>()).merge(scope, share.co2eKg(), Double::sum);
            }
        }
    }

    /**
     * What an activity would emit over the year {@code year}, computed exactly as logging it would (same
     * validation, same factor selection) but not stored: an action plan estimates a reduction as the difference
     * between two such activities.
     */
    public ActivityEstimate estimate(long organizationId, int year, ActivityRequest request) {
        ActivityRequest yearLong = request == null ? null : new ActivityRequest(request.type(), request.quantity(),
                request.unit(), LocalDate.of(year, 1, 1).toString(), LocalDate.of(year, 12, 31).toString(), null,
                request.region(), request.site(), null, null, request.attributes());
        return jdbi.withHandle(handle -> {
            Prepared prepared = preparation.prepare(lookup, organizationId, yearLong);
            ActivityRow stored = prepared.stored();
            // Every line: a heat pump saves the gas's upstream too, and its electricity brings the grid's losses.
            return new ActivityEstimate(stored.type(), stored.quantity(), stored.unit(), prepared.allLinesCo2eKg(), stored.scope(),
                    stored.category(), stored.factorId(), stored.factorSet(), stored.factorSetVersion(),
                    stored.factorCo2ePerUnit(), stored.factorUnit());
        });
    }
}
