package org.empreinte.target;

import static org.empreinte.target.TargetChecks.requireBody;
import static org.empreinte.target.TargetChecks.text;
import static org.empreinte.target.TargetChecks.year;
import static org.empreinte.web.TextFields.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.empreinte.activity.ActivityEstimate;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.Restatement;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.Period;
import org.empreinte.calculation.TargetPreset;
import org.empreinte.calculation.TargetProgress;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.footprint.Footprint;
import org.empreinte.footprint.FootprintService;
import org.empreinte.organization.IntensityDenominators;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.MalformedRequestException;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/** Reduction targets and their progress, restated with today's factors; each write validated, then one unit of work. */
public class TargetService {

    static final Set<String> KINDS = Set.of(Target.ABSOLUTE, Target.INTENSITY);

    private final Jdbi jdbi;
    /** DAOs made once (jdbi.onDemand): inside a transaction they run on its handle; see FootprintService. */
    private final OrganizationDao organizationDao;
    private final TargetDao targetDao;
    private final ActionPlan plan;
    private final FootprintService footprints;
    private final Restatement activities;
    private final IntensityDenominators denominators;
    private final FactorLibrary library;
    private final Clock clock;
    private final UnitOfWork units;

    public TargetService(Jdbi jdbi, UnitOfWork units, FootprintService footprints, Restatement activities, ActionPlan plan,
            IntensityDenominators denominators, FactorLibrary library, Clock clock) {
        this.units = units;
        this.jdbi = jdbi;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.targetDao = jdbi.onDemand(TargetDao.class);
        this.plan = plan;
        this.footprints = footprints;
        this.activities = activities;
        this.denominators = denominators;
        this.library = library;
        this.clock = clock;
    }

    // --- Targets ---

    public Target createTarget(long organizationId, TargetRequest request) {
        requireBody(request);
        // Every field first, so that a refusal names the field the person got wrong, then the base year's data.
        validate(organizationId, request);
        requireBaseYearData(organizationId, request);
        return units.write(organizationId, changes -> {
            Valid valid = validate(organizationId, request);
            long id = targetDao.insert(organizationId, valid.name(), valid.baseYear(), valid.targetYear(),
                    valid.reductionPercent(), TargetDao.scopes(valid.scopes()), valid.kind(), valid.metric(), valid.preset(),
                    now());
            Target created = targetDao.find(organizationId, id).orElseThrow();
            changes.record("target", id, AuditTrail.CREATE, null, created);
            return created;
        });
    }

    public List<Target> targets(long organizationId) {
        return jdbi.withHandle(handle -> {
            organizationDao.require(organizationId);
            return targetDao.list(organizationId);
        });
    }

    public Target target(long organizationId, long targetId) {
        return jdbi.withHandle(handle -> {
            organizationDao.require(organizationId);
            return targetDao.find(organizationId, targetId).orElseThrow(() -> new ResourceNotFoundException("target", targetId));
        });
    }

    public void deleteTarget(long organizationId, long targetId) {
        units.run(organizationId, changes -> {
            Target before = targetDao.find(organizationId, targetId).orElseThrow(() -> new ResourceNotFoundException("target",
                    targetId));
            targetDao.delete(organizationId, targetId);
            changes.record("target", targetId, AuditTrail.DELETE, before, null);
        });
    }

    /**
     * A target starts from its base year's emissions: without any activity that year there is no trajectory to
     * draw nor progress to follow, so none is saved (a preset's suggested year may hold nothing). Checked before the
     * write, from the footprint, so the refusal names the field and the year.
     */
    private void requireBaseYearData(long organizationId, TargetRequest request) {
        if (request.baseYear() == null) {
            return;
        }
        int baseYear = year("baseYear", request.baseYear());
        if (footprints.footprint(organizationId, Period.ofYear(baseYear), null).activityCount() == 0) {
            throw new ValidationException("baseYear", "the organization has no activity in " + baseYear
                    + ": log that year's activities first, or choose a base year that has some", "error_base_year_empty",
                    Integer.toString(baseYear));
        }
    }

    private record Valid(String name, int baseYear, int targetYear, double reductionPercent, List<Integer> scopes,
            String kind, String metric, String preset) {
    }

    private Valid validate(long organizationId, TargetRequest request) {
        String name = text("name", request.name(), false);
        int baseYear = year("baseYear", request.baseYear());
        int targetYear = year("targetYear", request.targetYear());
        if (targetYear <= baseYear) {
            throw new ValidationException("targetYear", "targetYear must be after baseYear", "error_target_year");
        }
        String preset = blankToNull(request.preset());
        Double percent = request.reductionPercent();
        if (preset != null) {
            TargetPreset known = TargetPreset.of(preset).orElseThrow(() -> new ValidationException("preset",
                    "unknown preset '" + preset + "'; known presets: sbti_1_5c, well_below_2c", "error_preset"));
            if (percent == null) {
                percent = known.reductionPercent(baseYear, targetYear);
            }
        }
        if (percent == null) {
            throw new ValidationException("reductionPercent", "reductionPercent (or a preset) is required", "error_required");
        }
        if (!(percent > 0 && percent <= 100)) {
            throw new ValidationException("reductionPercent", "reductionPercent must be more than 0 and at most 100",
                    "error_reduction_percent");
        }
        List<Integer> scopes = scopes(request.scopes());
        String kind = request.kind() == null || request.kind().isBlank() ? Target.ABSOLUTE : request.kind().strip();
        if (!KINDS.contains(kind)) {
            throw new ValidationException("kind", "kind must be absolute or intensity", "error_kind");
        }
        String metric = blankToNull(request.metric());
        if (Target.INTENSITY.equals(kind)) {
            if (metric == null) {
                throw new ValidationException("metric", "an intensity target needs a metric: employees, revenue or a"
                        + " denominator of the organization", "error_metric_required");
            }
            // The base year's denominator is what the whole trajectory is divided by: without it there is no target.
            if (denominators.value(organizationId, baseYear, metric).isEmpty()) {
                throw new ValidationException("metric", "the organization has no value of '" + metric + "' for "
                        + baseYear, "error_metric_unknown", metric, Integer.toString(baseYear));
            }
        } else {
            metric = null;
        }
        return new Valid(name, baseYear, targetYear, percent, scopes, kind, metric, preset);
    }

    private static List<Integer> scopes(List<Object> values) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("scopes", "scopes must list at least one of 1, 2, 3", "error_scopes");
        }
        Set<Integer> scopes = new TreeSet<>();
        for (Object value : values) {
            String text = value == null ? "" : value.toString().strip();
            if (!text.matches("[123]")) {
                throw new ValidationException("scopes", "scopes must be among 1, 2, 3", "error_scopes");
            }
            scopes.add(Integer.parseInt(text));
        }
        return List.copyOf(scopes);
    }

    // --- Progress ---

    /**
     * The target against each year's emissions of its scopes. Years are read from the stored results
     * through {@link FootprintService}; a year any of whose results came from a factor-set version the
     * library no longer holds is computed again, in memory, with the factors loaded now, so that the base
     * year and the latest year are compared through the same factors.
     */
    public Progress progress(long organizationId, long targetId) {
        Target target = target(organizationId, targetId);
        Map<Integer, Map<Integer, Double>> byYearAndScope = new TreeMap<>();
        Set<Integer> stale = new TreeSet<>();
        Map<String, Progress.IncludedCategory> included = new TreeMap<>();
        for (int year = target.baseYear(); year <= target.targetYear(); year++) {
            Footprint footprint = footprints.footprint(organizationId, Period.ofYear(year), null);
            if (footprint.activityCount() == 0) {
                continue;
            }
            include(included, footprint, target.scopes());
            Map<Integer, Double> scopes = new TreeMap<>();
            footprint.byScope().forEach((scope, kg) -> scopes.put(Integer.valueOf(scope), kg));
            byYearAndScope.put(year, scopes);
            boolean otherVersion = footprint.factorSets().stream().anyMatch(used -> library.set(used.id())
                    .map(set -> !set.version().equals(used.version())).orElse(true));
            if (otherVersion) {
                stale.add(year);
            }
        }
        List<String> failures = new ArrayList<>();
        if (!stale.isEmpty()) {
            byYearAndScope.putAll(activities.byYearAndScope(organizationId, stale, failures));
        }
        Map<Integer, Double> emissions = new TreeMap<>();
        byYearAndScope.forEach((year, scopes) -> emissions.put(year,
                target.scopes().stream().mapToDouble(scope -> scopes.getOrDefault(scope, 0.0)).sum()));

        Map<Integer, Double> yearDenominators = null;
        if (target.intensity()) {
            yearDenominators = new TreeMap<>();
            for (int year = target.baseYear(); year <= target.targetYear(); year++) {
                OptionalDouble value = denominators.value(organizationId, year, target.metric());
                if (value.isPresent()) {
                    yearDenominators.put(year, value.getAsDouble());
                }
            }
        }
        List<TargetProgress.PlannedReduction> planned = plan.actions(organizationId).stream()
                .filter(action -> target.scopes().contains(action.scope()))
                .map(action -> new TargetProgress.PlannedReduction(action.startYear(), action.expectedYearlyReductionCo2eKg(),
                        Action.DONE.equals(action.status())))
                .toList();
        TargetProgress.Result result = TargetProgress.assess(target.baseYear(), target.targetYear(),
                target.reductionPercent(), emissions, yearDenominators, planned);
        return toProgress(target, result, stale, failures, included);
    }

    private Progress toProgress(Target target, TargetProgress.Result result, Set<Integer> stale, List<String> failures,
            Map<String, Progress.IncludedCategory> included) {
        boolean intensity = target.intensity();
        List<Progress.YearProgress> years = new ArrayList<>();
        Double targetDenominator = null;
        for (TargetProgress.YearPoint point : result.years()) {
            Double trajectoryKg = point.trajectoryValue();
            if (intensity) {
                trajectoryKg = trajectoryKg == null || point.denominator() == null ? null
                        : point.trajectoryValue() * point.denominator();
                targetDenominator = point.year() == target.targetYear() ? point.denominator() : targetDenominator;
            }
            years.add(new Progress.YearProgress(point.year(), point.actualCo2eKg(), trajectoryKg, point.planCo2eKg(),
                    point.denominator(), intensity ? point.actualValue() : null,
                    intensity ? point.trajectoryValue() : null, intensity ? point.planValue() : null,
                    stale.contains(point.year())));
        }
        Double targetKg = intensity ? times(result.targetValue(), targetDenominator) : result.targetValue();
        String factorSet = String.join(" + ", library.selector().sets().stream().map(FactorSet::label).toList());
        return new Progress(target.id(), target.kind(), target.metric(), target.scopes(), target.baseYear(),
                target.targetYear(), target.reductionPercent(), result.baseCo2eKg(), targetKg,
                intensity ? result.baseValue() : null, intensity ? result.targetValue() : null, years, result.latestYear(),
                result.onTrack(), intensity ? null : result.requiredYearlyReduction(),
                result.requiredYearlyReductionPercent(), intensity ? result.requiredYearlyReduction() : null,
                intensity ? times(result.planGap(), targetDenominator) : result.planGap(),
                intensity ? result.planGap() : null, factorSet, !stale.isEmpty(), List.copyOf(stale), failures,
                List.copyOf(included.values()));
    }

    /** The categories of the target's scopes in a year's footprint, added to those of the years before, with their lines. */
    private static void include(Map<String, Progress.IncludedCategory> included, Footprint footprint, List<Integer> scopes) {
        for (Footprint.Included category : footprint.included()) {
            if (!scopes.contains(category.scope())) {
                continue;
            }
            String key = category.scope() + "/" + String.format(java.util.Locale.ROOT, "%02d",
                    category.ghgCategory() == null ? 0 : category.ghgCategory()) + "/" + category.category();
            Set<String> lines = new TreeSet<>(category.byLine().keySet());
            Progress.IncludedCategory before = included.get(key);
            if (before != null) {
                lines.addAll(before.lines());
            }
            included.put(key, new Progress.IncludedCategory(category.scope(), category.category(), category.ghgCategory(),
                    List.copyOf(lines)));
        }
    }

    private static Double times(Double value, Double factor) {
        return value == null || factor == null ? null : value * factor;
    }

    private String now() {
        return clock.instant().toString();
    }

    /** How many months of a year hold data: a year a bill only spills into is not a year to judge a target by. */
    public int monthsWithData(long organizationId, int year) {
        return (int) footprints.footprint(organizationId, Period.ofYear(year), null).byMonth().values().stream()
                .filter(v -> v != 0).count();
    }

    /** The year pages open on when a form suggests one. */
    int currentYear() {
        return LocalDate.now(clock).getYear();
    }
}
