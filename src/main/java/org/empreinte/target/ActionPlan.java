package org.empreinte.target;

import static org.empreinte.target.TargetChecks.requireBody;
import static org.empreinte.target.TargetChecks.text;
import static org.empreinte.target.TargetChecks.year;
import static org.empreinte.web.TextFields.blankToNull;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.empreinte.activity.ActivityEstimate;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.Restatement;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSet;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * The action plan: actions with a yearly reduction entered, or estimated from a change of activity computed as
 * logging it would be; each write validated, then one unit of work.
 */
public class ActionPlan {

    static final List<String> STATUSES = List.of(Action.PLANNED, Action.IN_PROGRESS, Action.DONE);
    /** Far above any organization's yearly emissions (a million tonnes), low enough to stay exact in sums. */
    private static final double MAX_REDUCTION = 1e9;

    private final Jdbi jdbi;
    private final UnitOfWork units;
    private final OrganizationDao organizationDao;
    private final ActionDao actionDao;
    private final Restatement activities;
    /** Category to the scope its factors report in, from the library: what an entered action is filed under. */
    private final Map<String, Integer> categories;
    private final ObjectMapper json;
    private final Clock clock;

    public ActionPlan(Jdbi jdbi, UnitOfWork units, Restatement activities, FactorLibrary library, ObjectMapper json,
            Clock clock) {
        this.jdbi = jdbi;
        this.units = units;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.actionDao = jdbi.onDemand(ActionDao.class);
        this.activities = activities;
        this.categories = categoriesOf(library);
        this.json = json;
        this.clock = clock;
    }

    public Action createAction(long organizationId, ActionRequest request) {
        requireBody(request);
        jdbi.useHandle(handle -> organizationDao.require(organizationId));
        ValidAction valid = validate(organizationId, request);
        return units.write(organizationId, changes -> {
            long id = actionDao.insert(organizationId, valid.title(), valid.category(), valid.scope(), valid.reduction(),
                    valid.estimate(), valid.startYear(), valid.status(), now());
            Action created = toAction(actionDao.find(organizationId, id).orElseThrow());
            changes.record("action", id, AuditTrail.CREATE, null, created);
            return created;
        });
    }

    public Action updateAction(long organizationId, long actionId, ActionRequest request) {
        requireBody(request);
        jdbi.useHandle(handle -> organizationDao.require(organizationId));
        ValidAction valid = validate(organizationId, request);
        return units.write(organizationId, changes -> {
            Action before = toAction(actionDao.find(organizationId, actionId)
                    .orElseThrow(() -> new ResourceNotFoundException("action", actionId)));
            if (actionDao.update(organizationId, actionId, valid.title(), valid.category(), valid.scope(), valid.reduction(),
                    valid.estimate(), valid.startYear(), valid.status(), now()) == 0) {
                throw new ResourceNotFoundException("action", actionId);
            }
            Action after = toAction(actionDao.find(organizationId, actionId).orElseThrow());
            changes.record("action", actionId, AuditTrail.UPDATE, before, after);
            return after;
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
        units.run(organizationId, changes -> {
            Action before = toAction(actionDao.find(organizationId, actionId)
                    .orElseThrow(() -> new ResourceNotFoundException("action", actionId)));
            actionDao.delete(organizationId, actionId);
            changes.record("action", actionId, AuditTrail.DELETE, before, null);
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
        return Collections.unmodifiableMap(sorted);
    }

    private String now() {
        return clock.instant().toString();
    }
}
