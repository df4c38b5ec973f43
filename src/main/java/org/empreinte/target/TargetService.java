package org.empreinte.target;

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

/** Reduction targets and the action plan: each write validated, then stored in one transaction. */
public class TargetService {

    static final Set<String> KINDS = Set.of(Target.ABSOLUTE, Target.INTENSITY);
    static final List<String> STATUSES = List.of(Action.PLANNED, Action.IN_PROGRESS, Action.DONE);
    private static final int MAX_TEXT = 200;
    /** Far above any organization's yearly emissions (a million tonnes), low enough to stay exact in sums. */
    private static final double MAX_REDUCTION = 1e9;

    private final Jdbi jdbi;
    /** DAOs made once (jdbi.onDemand): inside a transaction they run on its handle; see FootprintService. */
    private final OrganizationDao organizationDao;
    private final TargetDao targetDao;
    private final ActionDao actionDao;
    private final FootprintService footprints;
    private final Restatement activities;
    private final IntensityDenominators denominators;
    private final FactorLibrary library;
    private final ObjectMapper json;
    private final Clock clock;
    /** Category to the scope its factors report in, from the library: what an entered action is filed under. */
    private final Map<String, Integer> categories;

    private final AuditTrail audit;

    public TargetService(Jdbi jdbi, FootprintService footprints, Restatement activities,
            IntensityDenominators denominators, FactorLibrary library, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.targetDao = jdbi.onDemand(TargetDao.class);
        this.actionDao = jdbi.onDemand(ActionDao.class);
        this.footprints = footprints;
        this.activities = activities;
        this.denominators = denominators;
        this.library = library;
        this.json = json;
        this.clock = clock;
        this.categories = categoriesOf(library);
        this.audit = new AuditTrail(jdbi, clock);
    }

    // --- Targets ---

    public Target createTarget(long organizationId, TargetRequest request) {
        requireBody(request);
        return jdbi.inTransaction(handle -> {
            organizationDao.require(organizationId);
            Valid valid = validate(organizationId, request);
            long id = targetDao.insert(organizationId, valid.name(), valid.baseYear(), valid.targetYear(),
                    valid.reductionPercent(), TargetDao.scopes(valid.scopes()), valid.kind(), valid.metric(), valid.preset(),
                    now());
            Target created = targetDao.find(organizationId, id).orElseThrow();
            audit.record(organizationId, "target", id, AuditTrail.CREATE, null, created);
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
        jdbi.useTransaction(handle -> {
            organizationDao.require(organizationId);
            Target before = targetDao.find(organizationId, targetId).orElseThrow(() -> new ResourceNotFoundException("target",
                    targetId));
            targetDao.delete(organizationId, targetId);
            audit.record(organizationId, "target", targetId, AuditTrail.DELETE, before, null);
        });
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
        for (int year = target.baseYear(); year <= target.targetYear(); year++) {
            Footprint footprint = footprints.footprint(organizationId, Period.ofYear(year), null);
            if (footprint.activityCount() == 0) {
                continue;
            }
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
        List<TargetProgress.PlannedReduction> plan = actions(organizationId).stream()
                .filter(action -> target.scopes().contains(action.scope()))
                .map(action -> new TargetProgress.PlannedReduction(action.startYear(), action.expectedYearlyReductionCo2eKg(),
                        Action.DONE.equals(action.status())))
                .toList();
        TargetProgress.Result result = TargetProgress.assess(target.baseYear(), target.targetYear(),
                target.reductionPercent(), emissions, yearDenominators, plan);
        return toProgress(target, result, stale, failures);
    }

    private Progress toProgress(Target target, TargetProgress.Result result, Set<Integer> stale, List<String> failures) {
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
                intensity ? result.planGap() : null, factorSet, !stale.isEmpty(), List.copyOf(stale), failures);
    }

    private static Double times(Double value, Double factor) {
        return value == null || factor == null ? null : value * factor;
    }

    // --- Action plan ---

    public Action createAction(long organizationId, ActionRequest request) {
        requireBody(request);
        jdbi.useHandle(handle -> organizationDao.require(organizationId));
        ValidAction valid = validate(organizationId, request);
        return jdbi.inTransaction(handle -> {
            organizationDao.require(organizationId);
            long id = actionDao.insert(organizationId, valid.title(), valid.category(), valid.scope(), valid.reduction(),
                    valid.estimate(), valid.startYear(), valid.status(), now());
            return toAction(actionDao.find(organizationId, id).orElseThrow());
        });
    }

    public Action updateAction(long organizationId, long actionId, ActionRequest request) {
        requireBody(request);
        jdbi.useHandle(handle -> organizationDao.require(organizationId));
        ValidAction valid = validate(organizationId, request);
        return jdbi.inTransaction(handle -> {
            organizationDao.require(organizationId);
            if (actionDao.update(organizationId, actionId, valid.title(), valid.category(), valid.scope(), valid.reduction(),
                    valid.estimate(), valid.startYear(), valid.status(), now()) == 0) {
                throw new ResourceNotFoundException("action", actionId);
            }
            return toAction(actionDao.find(organizationId, actionId).orElseThrow());
        });
    }

    public Action action(long organizationId, long actionId) {
        return jdbi.withHandle(handle -> {
            organizationDao.require(organizationId);
            return toAction(actionDao.find(organizationId, actionId)
                    .orElseThrow(() -> new ResourceNotFoundException("action", actionId)));
        });
    }

    public List<Action> actions(long organizationId) {
        return jdbi.withHandle(handle -> {
            organizationDao.require(organizationId);
            return actionDao.list(organizationId).stream().map(this::toAction).toList();
        });
    }

    public void deleteAction(long organizationId, long actionId) {
        jdbi.useTransaction(handle -> {
            organizationDao.require(organizationId);
            if (actionDao.delete(organizationId, actionId) == 0) {
                throw new ResourceNotFoundException("action", actionId);
            }
        });
    }

    /** The categories an action can be filed under, with the scope each reports in. */
    public Map<String, Integer> categories() {
        return categories;
    }

    private record ValidAction(String title, String category, int scope, double reduction, String estimate, int startYear,
            String status) {
    }

    private ValidAction validate(long organizationId, ActionRequest request) {
        String title = text("title", request.title(), true);
        int startYear = year("startYear", request.startYear());
        String status = request.status() == null || request.status().isBlank() ? Action.PLANNED : request.status().strip();
        if (!STATUSES.contains(status)) {
            throw new ValidationException("status", "status must be planned, in_progress or done", "error_status");
        }
        String category = blankToNull(request.category());
        if (category != null && !categories.containsKey(category)) {
            throw new ValidationException("category", "unknown category '" + category + "'; known: " + categories.keySet(),
                    "error_category", category);
        }
        boolean entered = request.expectedYearlyReductionCo2eKg() != null;
        if (entered == (request.change() != null)) {
            throw new ValidationException("expectedYearlyReductionCo2eKg", "give either expectedYearlyReductionCo2eKg or a"
                    + " change of activity, not both", "error_reduction_or_change");
        }
        if (entered) {
            double reduction = request.expectedYearlyReductionCo2eKg();
            if (!(reduction > 0 && reduction <= MAX_REDUCTION)) {
                throw new ValidationException("expectedYearlyReductionCo2eKg",
                        "expectedYearlyReductionCo2eKg must be more than 0 and at most " + MAX_REDUCTION, "error_reduction");
            }
            if (category == null) {
                throw new ValidationException("category", "category is required", "error_required");
            }
            return new ValidAction(title, category, categories.get(category), reduction, null, startYear, status);
        }
        ActionRequest.Change change = request.change();
        ActivityEstimate from = estimate(organizationId, startYear, "change.from", change.from());
        ActivityEstimate to = estimate(organizationId, startYear, "change.to", change.to());
        double reduction = from.co2eKg() - to.co2eKg();
        if (!(reduction > 0)) {
            throw new ValidationException("change", "the change does not reduce emissions: " + from.co2eKg() + " kg before, "
                    + to.co2eKg() + " kg after", "error_change_no_reduction");
        }
        // The action counts in the scope of what it removes: 'from'.
        String filed = category != null ? category : from.category();
        int scope = category != null ? categories.get(category) : from.scope();
        try {
            return new ValidAction(title, filed, scope, reduction, json.writeValueAsString(new Action.Estimate(from, to)),
                    startYear, status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One side of a change, computed by the activity calculation; its refusals name the side: change.from.quantity. */
    private ActivityEstimate estimate(long organizationId, int year, String field, ActionRequest.ActivityChange side) {
        if (side == null) {
            throw new ValidationException(field, field + " is required", "error_required");
        }
        try {
            return activities.estimate(organizationId, year, new ActivityRequest(side.type(), side.quantity(), side.unit(),
                    null, null, null, side.region(), null, null, null, side.attributes()));
        } catch (ValidationException e) {
            String inner = e.field() == null ? "" : "." + e.field();
            throw new ValidationException(field + inner, e.getMessage(), e.messageKey(), e.messageArgs());
        }
    }

    private Action toAction(ActionDao.ActionRow row) {
        Action.Estimate estimate = null;
        if (row.estimate() != null) {
            try {
                estimate = json.readValue(row.estimate(), Action.Estimate.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored estimate is not JSON: " + row.estimate(), e);
            }
        }
        return new Action(row.id(), row.organizationId(), row.title(), row.category(), row.scope(),
                row.expectedYearlyReductionCo2eKg(), estimate, row.startYear(), row.status(), row.createdAt(), row.updatedAt());
    }

    private static Map<String, Integer> categoriesOf(FactorLibrary library) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (FactorSet set : library.sets()) {
            for (EmissionFactor factor : set.factors()) {
                found.putIfAbsent(factor.category(), factor.scope());
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        found.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return java.util.Collections.unmodifiableMap(sorted);
    }

    // --- Shared checks ---

    private static int year(String field, Integer value) {
        if (value == null) {
            throw new ValidationException(field, field + " is required", "error_required");
        }
        if (value < Period.EARLIEST_YEAR || value > Period.LATEST_YEAR) {
            throw new ValidationException(field, field + " must be a year between "
                    + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR, "error_year");
        }
        return value;
    }

    private static String text(String field, String value, boolean required) {
        String clean = blankToNull(value);
        if (clean == null && required) {
            throw new ValidationException(field, field + " is required", "error_required");
        }
        if (clean != null && clean.length() > MAX_TEXT) {
            throw new ValidationException(field, field + " must be at most " + MAX_TEXT + " characters", "error_too_long",
                    MAX_TEXT);
        }
        return TextFields.line(field, clean);
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new MalformedRequestException(null, "a JSON body is required");
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    /** The year pages open on when a form suggests one. */
    int currentYear() {
        return LocalDate.now(clock).getYear();
    }
}
