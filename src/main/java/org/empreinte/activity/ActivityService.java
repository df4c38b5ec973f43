package org.empreinte.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.empreinte.calculation.EmissionCalculator;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.EmissionResult;
import org.empreinte.calculation.FactorSelectionException;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.Organization;
import org.empreinte.audit.AuditTrail;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.calculation.Regions;
import org.empreinte.organization.Site;
import org.empreinte.web.NumberFields;
import org.empreinte.web.Paging;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * Logging, changing and removing activities. Each write validates the input, computes the
 * emissions with the factor library and stores the activity, its tags and its monthly shares
 * in one transaction, so a refused request stores nothing.
 */
public class ActivityService {

    public static final Set<String> DATA_QUALITIES = Set.of("measured", "estimated");
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /**
     * A millionth of the unit entered (a gram of a tonne, a kilojoule of a gigajoule): finer than any bill, and
     * above zero, so that nothing logged is empty and -0, subnormals and NaN are refused with it.
     */
    static final double MIN_QUANTITY = 1e-6;
    /** Far above any bill or trip, low enough that no product of it overflows. */
    static final double MAX_QUANTITY = 1e12;
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG_LENGTH = 60;
    private static final int MAX_ATTRIBUTES_LENGTH = 4000;

    private final Jdbi jdbi;
    /**
     * DAOs made once: inside {@code jdbi.inTransaction} they run on the transaction's handle (JDBI reuses the
     * thread's open handle). {@code handle.attach} would rebuild the SQL object's metadata on every call
     * in the JDBI the Dropwizard 5.0.0 BOM pins (jdbi/jdbi#2991).
     */
    private final ActivityDao activityDao;
    private final OrganizationDao organizationDao;
    private final AuditTrail audit;
    private final OrganizationLookup lookup;
    private final FactorLibrary library;
    private final EmissionCalculator calculator;
    /** The types an activity can be logged as, worked out once: every activity written checks its type. */
    private final Set<String> types;
    private final TravelAndWaste travelAndWaste;
    private final Purchases purchases;
    private final ObjectMapper json;
    private final Clock clock;

    public ActivityService(Jdbi jdbi, FactorLibrary library, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.activityDao = jdbi.onDemand(ActivityDao.class);
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.lookup = OrganizationLookup.of(organizationDao);
        this.audit = new AuditTrail(jdbi, clock);
        this.library = library;
        this.calculator = new EmissionCalculator(library.selector());
        this.types = loggableTypes(calculator);
        this.travelAndWaste = new TravelAndWaste(library);
        this.purchases = new Purchases(library);
        this.json = json;
        this.clock = clock;
    }

    public Activity create(long organizationId, ActivityRequest request) {
        return jdbi.inTransaction(handle -> {
            Prepared prepared = prepare(lookup, organizationId, request);
            String now = now();
            long id = activityDao.insert(prepared.stored(), now);
            writeDetails(id, organizationId, prepared);
            organizationDao.touch(organizationId);
            Activity created = toActivity(ActivityRow.written(id, prepared.stored(), prepared.siteName(), now), prepared.tags());
            audit.record(organizationId, "activity", id, AuditTrail.CREATE, null, created);
            return created;
        });
    }

    public Activity update(long organizationId, long activityId, ActivityRequest request) {
        return jdbi.inTransaction(handle -> {
            requireOrganization(organizationId);
            Activity before = toActivity(activityDao.find(organizationId, activityId)
                    .orElseThrow(() -> new ResourceNotFoundException("activity", activityId)));
            Prepared prepared = prepare(lookup, organizationId, request);
            if (activityDao.update(activityId, prepared.stored(), now()) == 0) {
                throw new ResourceNotFoundException("activity", activityId);
            }
            activityDao.deleteTags(activityId);
            activityDao.deleteMonths(activityId);
            writeDetails(activityId, organizationId, prepared);
            organizationDao.touch(organizationId);
            Activity after = toActivity(activityDao.find(organizationId, activityId).orElseThrow());
            audit.record(organizationId, "activity", activityId, AuditTrail.UPDATE, before, after);
            return after;
        });
    }

    public void delete(long organizationId, long activityId) {
        jdbi.useTransaction(handle -> {
            requireOrganization(organizationId);
            ActivityDao.StoredInput input = activityDao.input(organizationId, activityId)
                    .orElseThrow(() -> new ResourceNotFoundException("activity", activityId));
            Activity before = toActivity(activityDao.find(organizationId, activityId).orElseThrow());
            ActivityRequest logged = replay(input);
            // What it was logged with, tags included, so that a restore logs it again as it was.
            ActivityRequest request = new ActivityRequest(logged.type(), logged.quantity(), logged.unit(), logged.periodStart(),
                    logged.periodEnd(), null, logged.region(), logged.site(), before.tags(), logged.dataQuality(),
                    logged.attributes());
            activityDao.delete(organizationId, activityId);
            organizationDao.touch(organizationId);
            audit.record(organizationId, "activity", activityId, AuditTrail.DELETE, new Deleted(request, before), null);
        });
    }

    /** A deleted activity in the trail: the request to log it again, and what it was. */
    public record Deleted(ActivityRequest request, Activity activity) {
    }

    /**
     * Logs a deleted activity again from the trail (a new id, computed with the factors loaded now);
     * 404 when the trail's last word on that activity is not its deletion.
     */
    public Activity restore(long organizationId, long activityId) {
        return jdbi.inTransaction(handle -> {
            requireOrganization(organizationId);
            org.empreinte.audit.AuditEvent deletion = audit.last(organizationId, "activity", activityId)
                    .filter(e -> AuditTrail.DELETE.equals(e.action()) && e.before() != null)
                    .orElseThrow(() -> new ResourceNotFoundException("deleted activity", activityId));
            Activity restored = create(organizationId, audit.read(deletion.before(), Deleted.class).request());
            audit.record(organizationId, "activity", activityId, AuditTrail.RESTORE, null, restored);
            return restored;
        });
    }

    public Activity get(long organizationId, long activityId) {
        return jdbi.withHandle(handle -> {
            requireOrganization(organizationId);
            return toActivity(activityDao.find(organizationId, activityId)
                    .orElseThrow(() -> new ResourceNotFoundException("activity", activityId)));
        });
    }

    /**
     * One page of the activities whose period overlaps [from, to], of a type and with a tag when given: in
     * the list's order (start of the period, then id), or newest first. Its cursor is the last activity's
     * start day and id; tags are read for the page's activities only.
     */
    public Paging.Slice<Activity> page(long organizationId, String from, String to, String type, String tag, Paging paging,
            boolean newestFirst) {
        Long fromDay = from == null || from.isBlank() ? null : date("from", from).toEpochDay();
        Long toDay = to == null || to.isBlank() ? null : date("to", to).toEpochDay();
        ActivityFilter filter = new ActivityFilter(organizationId, fromDay, toDay, blankToNull(type), blankToNull(tag));
        Long afterDay = paging.isFirst() ? null : paging.number(0);
        Long afterId = paging.isFirst() ? null : paging.number(1);
        return jdbi.withHandle(handle -> {
            requireOrganization(organizationId);
            List<ActivityRow> rows = activityDao.page(filter, afterDay, afterId, newestFirst, paging.limit() + 1);
            Paging.Slice<ActivityRow> slice = paging.slice(rows,
                    row -> Paging.cursor(LocalDate.parse(row.periodStart()).toEpochDay(), row.id()));
            Map<Long, List<String>> tags = activityDao.tagsOf(slice.items().stream().map(ActivityRow::id).toList());
            return slice.map(row -> toActivity(row, tags.getOrDefault(row.id(), List.of())));
        });
    }

    /**
     * Computes every stored activity again with the library now loaded, one transaction per
     * organization. An activity whose result or factor differs is rewritten (when {@code apply});
     * one that no longer finds a factor keeps its result and is reported.
     */
    public Recalculation recompute(boolean apply) {
        List<Recalculation.OrganizationChange> organizations = new ArrayList<>();
        Map<String, Integer> factorChanges = new java.util.TreeMap<>();
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
     * Computes one organization's activities again, in one transaction (the caller's, when it has one
     * open on this thread): after a factor-set change, or when its flight-reporting option changes.
     */
    public Recalculation.OrganizationChange recompute(long organizationId, boolean apply, Map<String, Integer> factorChanges,
            List<String> failures) {
        return jdbi.inTransaction(handle -> {
            List<ActivityDao.StoredInput> inputs = activityDao.inputs(organizationId);
            double before = 0;
            double after = 0;
            int moved = 0;
            for (ActivityDao.StoredInput input : inputs) {
                before += input.co2eKg();
                Prepared prepared;
                try {
                    prepared = prepare(lookup, organizationId, replay(input));
                } catch (ValidationException e) {
                    failures.add("activity " + input.id() + " of organization " + organizationId + ": " + e.getMessage());
                    after += input.co2eKg();
                    continue;
                }
                StoredActivity now = prepared.stored();
                after += now.co2eKg();
                boolean sameFactor = now.factorId().equals(input.factorId()) && now.factorSet().equals(input.factorSet())
                        && now.factorSetVersion().equals(input.factorSetVersion());
                if (sameFactor && now.co2eKg() == input.co2eKg()) {
                    continue;
                }
                moved++;
                factorChanges.merge(input.factorId() + " (" + input.factorSet() + " v" + input.factorSetVersion() + ") -> "
                        + now.factorId() + " (" + now.factorSet() + " v" + now.factorSetVersion() + ")", 1, Integer::sum);
                if (apply) {
                    activityDao.update(input.id(), now, now());
                    activityDao.deleteMonths(input.id());
                    writeDetails(input.id(), organizationId, prepared);
                }
            }
            if (apply && moved > 0) {
                organizationDao.touch(organizationId);
                audit.record(organizationId, "results", null, "recompute", Map.of("co2eKg", before),
                        Map.of("co2eKg", after, "activitiesChanged", moved, "factorChanges", Map.copyOf(factorChanges)));
            }
            return new Recalculation.OrganizationChange(organizationId, inputs.size(), moved, before, after);
        });
    }

    /**
     * The emissions of the given years by scope as the library now loaded computes them, without storing
     * anything: a reduction target compares its base year with later years through the same factors.
     * Each activity that touches one of the years is prepared again from its stored input, as
     * {@link #recompute} would, and its monthly shares are summed by calendar year; one that no longer finds
     * a factor keeps its stored result, shared by days, and is named in {@code failures}.
     *
     * @return year to scope (1, 2, 3) to kg CO2e; a year with no activity is absent
     */
    public Map<Integer, Map<Integer, Double>> restatedByYearAndScope(long organizationId, Set<Integer> years,
            List<String> failures) {
        Map<Integer, Map<Integer, Double>> totals = new java.util.TreeMap<>();
        if (years.isEmpty()) {
            return totals;
        }
        int first = java.util.Collections.min(years);
        int last = java.util.Collections.max(years);
        return jdbi.withHandle(handle -> {
            for (ActivityDao.StoredInput input : activityDao.inputs(organizationId)) {
                LocalDate start = LocalDate.parse(input.periodStart());
                LocalDate end = LocalDate.parse(input.periodEnd());
                if (end.getYear() < first || start.getYear() > last) {
                    continue;
                }
                Prepared prepared;
                try {
                    prepared = prepare(lookup, organizationId, replay(input));
                } catch (ValidationException e) {
                    failures.add("activity " + input.id() + ": " + e.getMessage());
                    Period whole = new Period(start, end);
                    int scope = activityDao.find(organizationId, input.id()).map(ActivityRow::scope).orElse(3);
                    for (int year : years) {
                        LocalDate from = start.getYear() < year ? LocalDate.of(year, 1, 1) : start;
                        LocalDate to = end.getYear() > year ? LocalDate.of(year, 12, 31) : end;
                        if (!to.isBefore(from)) {
                            double share = input.co2eKg() * new Period(from, to).days() / whole.days();
                            totals.computeIfAbsent(year, y -> new java.util.TreeMap<>()).merge(scope, share, Double::sum);
                        }
                    }
                    continue;
                }
                int scope = prepared.stored().scope();
                for (EmissionResult.MonthlyShare share : prepared.result().monthlyShares()) {
                    int year = share.part().month().getYear();
                    if (years.contains(year)) {
                        totals.computeIfAbsent(year, y -> new java.util.TreeMap<>()).merge(scope, share.co2eKg(), Double::sum);
                    }
                }
            }
            return totals;
        });
    }

    /**
     * What an activity would emit over the year {@code year}, computed exactly as {@link #create} would
     * (same validation, same factor selection) but not stored: an action plan estimates a reduction as the
     * difference between two such activities, so that the estimate traces to its factors.
     */
    public ActivityEstimate estimate(long organizationId, int year, ActivityRequest request) {
        ActivityRequest yearLong = request == null ? null : new ActivityRequest(request.type(), request.quantity(),
                request.unit(), LocalDate.of(year, 1, 1).toString(), LocalDate.of(year, 12, 31).toString(), null,
                request.region(), request.site(), null, null, request.attributes());
        return jdbi.withHandle(handle -> {
            StoredActivity stored = prepare(lookup, organizationId, yearLong).stored();
            return new ActivityEstimate(stored.type(), stored.quantity(), stored.unit(), stored.co2eKg(), stored.scope(),
                    stored.category(), stored.factorId(), stored.factorSet(), stored.factorSetVersion(),
                    stored.factorCo2ePerUnit(), stored.factorUnit());
        });
    }

    /** Stored results that come from a factor-set version the library no longer holds. */
    public List<ActivityDao.SetCount> staleResults() {
        return activityDao.resultsBySet().stream()
                .filter(count -> library.set(count.factorSet()).map(set -> !set.version().equals(count.factorSetVersion()))
                        .orElse(true))
                .toList();
    }

    /**
     * The request an activity was logged with; its tags stay as they are. A quantity the service
     * derived (a flight's distance between its airports) is left out, to be derived again.
     */
    private ActivityRequest replay(ActivityDao.StoredInput input) {
        Map<String, Object> attributes = readAttributes(input.attributes());
        boolean derived = FlightActivity.quantityIsDerived(input.type(), attributes);
        return new ActivityRequest(input.type(), derived ? null : input.quantity(), derived ? null : input.unit(),
                input.periodStart(), input.periodEnd(), null, input.region(), input.siteId(), null, input.dataQuality(),
                attributes);
    }

    /** The year of the latest activity, where a page should open when no year is asked for. */
    public Optional<Integer> latestYear(long organizationId) {
        return activityDao.dayOfLatestMonth(organizationId).map(day -> LocalDate.ofEpochDay(day).getYear());
    }

    /** The units a type can be entered in, for forms and error messages. */
    public List<String> unitsFor(String type) {
        if ("commuting".equals(type)) {
            return List.of("km", "mi");
        }
        if (TravelAndWaste.HOMEWORKING.equals(type)) {
            return List.of("h");
        }
        if ("car".equals(type)) {
            return List.of("km", "mi", "L", "US gal");
        }
        if (Purchases.TYPE.equals(type)) {
            return List.of("CAD", "USD", "EUR", "kg", "t");
        }
        return calculator.selector().acceptedUnits(type);
    }

    /** The types an activity can be logged as: those of the library, less the ones that only serve others. */
    public Set<String> types() {
        return types;
    }

    private static Set<String> loggableTypes(EmissionCalculator calculator) {
        Set<String> types = new java.util.LinkedHashSet<>(calculator.selector().types());
        boolean homeworkingEnergy = types.contains("homeworking_energy");
        types.removeAll(TravelAndWaste.INTERNAL_TYPES);
        // Commuting has no factor of its own: it takes the factor of its mode.
        if (types.contains("car")) {
            types.add("commuting");
        }
        // Home-working takes the factors of electricity or gas through DESNZ's energy per hour.
        if (homeworkingEnergy) {
            types.add(TravelAndWaste.HOMEWORKING);
        }
        return java.util.Collections.unmodifiableSet(types);
    }

    /** A validated request, the row to store and the result it was computed from. */
    private record Prepared(StoredActivity stored, EmissionResult result, List<String> tags, String siteName) {
    }

    private Prepared prepare(OrganizationLookup organizations, long organizationId, ActivityRequest request) {
        Organization organization = organizations.find(organizationId)
                .orElseThrow(() -> new ResourceNotFoundException("organization", organizationId));
        if (request == null) {
            throw new org.empreinte.web.MalformedRequestException(null, "a JSON body is required");
        }
        // Before the types read their attributes, so that a refusal says what is wrong with the text itself.
        TextFields.attributes("attributes", request.attributes());
        String type = request.type() == null ? "" : request.type().strip();
        if (type.isEmpty()) {
            throw new ValidationException("type", "type is required", "error_required");
        }
        if (!types().contains(type)) {
            throw new ValidationException("type", "unknown type '" + type + "'; known types: " + types(), "error_type", type);
        }
        // Quantity and unit are checked before the period, as they always were; a flight may have neither.
        Measure entered = FlightActivity.TYPE.equals(type) ? null : entered(type, request);
        Period period = period(request);
        Measure measure;
        if (Purchases.TYPE.equals(type)) {
            measure = purchases.measure(request, period.referenceYear(), entered);
        } else if (FlightActivity.TYPE.equals(type)) {
            measure = FlightActivity.measure(request, library.airports(), organization.includeRadiativeForcing(),
                    () -> entered(type, request));
        } else if (TravelAndWaste.handles(type)) {
            measure = travelAndWaste.measure(type, request, entered, period.days());
        } else {
            measure = entered;
        }
        Site site = site(organizations, organizationId, request.site());
        String explicitRegion = null;
        if (request.region() != null && !request.region().isBlank()) {
            explicitRegion = request.region().strip().toUpperCase();
            if (!Regions.isKnown(explicitRegion)) {
                throw new ValidationException("region", "region must be an ISO 3166-2 code such as CA-QC, or an ISO 3166-1 country code",
                        "error_region");
            }
        }
        String region = measure.region() != null ? measure.region()
                : explicitRegion != null ? explicitRegion : site != null ? site.region() : organization.region();
        List<String> tags = tags(request.tags());
        String quality = request.dataQuality() == null || request.dataQuality().isBlank() ? "measured" : request.dataQuality().strip();
        if (!DATA_QUALITIES.contains(quality)) {
            throw new ValidationException("dataQuality", "dataQuality must be measured or estimated", "error_data_quality");
        }
        String attributes = attributes(request.attributes());

        EmissionResult result;
        try {
            result = calculator.calculate(measure.factorType() != null ? measure.factorType() : type, measure.factorQuantity(),
                    measure.factorUnit(), period, region, measure.criteria());
        } catch (FactorSelectionException e) {
            switch (e.reason()) {
                case UNIT_NOT_APPLICABLE -> throw new ValidationException("unit", e.getMessage(), "error_unit",
                        request.unit(), String.join(", ", e.acceptedUnits()));
                case NO_FACTOR_FOR_REGION -> throw noFactor(type, e.getMessage(), region);
                default -> throw new ValidationException("type", e.getMessage(), "error_type", type);
            }
        }
        if (!Double.isFinite(result.co2eKg())) {
            throw new ValidationException("quantity", "the quantity is too large to compute", "error_too_large");
        }
        EmissionFactor factor = result.factor();
        Map<String, Double> gases = result.co2eKgByGas();
        StoredActivity stored = new StoredActivity(organizationId, site == null ? null : site.id(), type, measure.quantity(),
                measure.unit().symbol(),
                period.start().toString(), period.end().toString(), period.start().toEpochDay(), period.end().toEpochDay(),
                explicitRegion, region, quality, attributes, result.co2eKg(), gases.getOrDefault(Gas.CO2, 0.0),
                gases.getOrDefault(Gas.CH4, 0.0), gases.getOrDefault(Gas.N2O, 0.0), gases.getOrDefault(Gas.UNSPECIFIED, 0.0),
                measure.scope() != null ? measure.scope() : factor.scope(),
                measure.category() != null ? measure.category() : factor.category(),
                factor.id(), factor.setId(), factor.setVersion(), factor.unit().symbol(),
                factor.co2ePerUnit(), result.quantityInFactorUnit());
        return new Prepared(stored, result, tags, site == null ? null : site.name());
    }

    /** No factor fits: name what the person can change, which for some types is an attribute, not the region. */
    private static ValidationException noFactor(String type, String message, String region) {
        return switch (type) {
            case "hotel" -> new ValidationException("attributes.country", message, "error_no_factor_country");
            case "waste" -> new ValidationException("attributes.disposal", message, "error_no_factor_waste");
            case "purchase" -> new ValidationException("attributes.material", message, "error_no_factor_material");
            default -> new ValidationException("region", message, "error_no_factor_region", region);
        };
    }

    /** The quantity and unit as entered, checked. */
    private Measure entered(String type, ActivityRequest request) {
        if (request.quantity() == null) {
            throw new ValidationException("quantity", "quantity is required", "error_required");
        }
        double quantity = NumberFields.between("quantity", request.quantity(), MIN_QUANTITY, MAX_QUANTITY);
        if (request.unit() == null || request.unit().isBlank()) {
            throw new ValidationException("unit", "unit is required; for " + type + " use one of " + unitsFor(type),
                    "error_required");
        }
        MeasurementUnit unit = MeasurementUnits.find(request.unit()).orElseThrow(() -> new ValidationException("unit",
                "unknown unit '" + request.unit() + "'; for " + type + " use one of " + unitsFor(type),
                "error_unit", request.unit(), String.join(", ", unitsFor(type))));
        return Measure.asEntered(quantity, unit);
    }

    private void writeDetails(long id, long organizationId, Prepared prepared) {
        activityDao.assignResultKey(id);
        if (!prepared.tags().isEmpty()) {
            activityDao.insertTags(id, prepared.tags());
        }
        activityDao.insertMonths(monthRows(id, organizationId, prepared));
    }

    private static List<MonthShareRow> monthRows(long id, long organizationId, Prepared prepared) {
        List<MonthShareRow> months = new ArrayList<>();
        for (EmissionResult.MonthlyShare share : prepared.result().monthlyShares()) {
            Map<String, Double> gases = share.co2eKgByGas();
            months.add(new MonthShareRow(id, organizationId, share.part().month().toString(), share.part().start().toEpochDay(),
                    share.part().end().toEpochDay(), share.co2eKg(), gases.getOrDefault(Gas.CO2, 0.0),
                    gases.getOrDefault(Gas.CH4, 0.0), gases.getOrDefault(Gas.N2O, 0.0),
                    gases.getOrDefault(Gas.UNSPECIFIED, 0.0)));
        }
        return months;
    }

    /**
     * One row of a CSV import, validated and computed exactly as {@link #create} does (same rules, same
     * factor selection), but not stored: {@link ActivityImport} stores the rows of a file in batches. Its
     * monthly shares carry activity id 0 until the batch knows the ids.
     *
     * @param organizations where the organization and its sites are looked up (an import caches them)
     */
    ActivityImport.PreparedRow prepareForImport(OrganizationLookup organizations, long organizationId, ActivityRequest request) {
        Prepared prepared = prepare(organizations, organizationId, request);
        return new ActivityImport.PreparedRow(prepared.stored(), prepared.tags(), monthRows(0, organizationId, prepared));
    }

    private Period period(ActivityRequest request) {
        boolean hasDate = request.date() != null && !request.date().isBlank();
        boolean hasStart = request.periodStart() != null && !request.periodStart().isBlank();
        boolean hasEnd = request.periodEnd() != null && !request.periodEnd().isBlank();
        if (hasDate && (hasStart || hasEnd)) {
            throw new ValidationException("date", "give either date, or periodStart and periodEnd, not both", "error_date_or_period");
        }
        if (hasDate) {
            return Period.ofDay(date("date", request.date()));
        }
        if (!hasStart) {
            throw new ValidationException("periodStart", "periodStart (or date) is required", "error_required");
        }
        if (!hasEnd) {
            throw new ValidationException("periodEnd", "periodEnd is required with periodStart", "error_required");
        }
        LocalDate start = date("periodStart", request.periodStart());
        LocalDate end = date("periodEnd", request.periodEnd());
        if (end.isBefore(start)) {
            throw new ValidationException("periodEnd", "periodEnd is before periodStart", "error_end_before_start");
        }
        return new Period(start, end);
    }

    static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, field + " must be a date YYYY-MM-DD", "error_date");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new ValidationException(field, field + " must be between 1990-01-01 and 2100-12-31", "error_date_range");
        }
        return date;
    }

    private Site site(OrganizationLookup organizations, long organizationId, Object reference) {
        if (reference == null || reference.toString().isBlank()) {
            return null;
        }
        String text = TextFields.line("site", reference.toString().strip());
        Optional<Site> site = reference instanceof Number number
                ? organizations.site(organizationId, number.longValue())
                : organizations.siteNamed(organizationId, text);
        if (site.isEmpty() && !(reference instanceof Number) && text.matches("\\d{1,18}")) {
            site = organizations.site(organizationId, Long.parseLong(text));
        }
        return site.orElseThrow(() -> new ValidationException("site", "this organization has no site '" + text + "'",
                "error_site_unknown", text));
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String value = tag == null ? "" : tag.strip();
            if (value.isEmpty()) {
                throw new ValidationException("tags", "a tag cannot be empty", "error_tag_empty");
            }
            if (value.length() > MAX_TAG_LENGTH) {
                throw new ValidationException("tags", "a tag must be at most " + MAX_TAG_LENGTH + " characters",
                        "error_too_long", MAX_TAG_LENGTH);
            }
            TextFields.line("tags", value);
            clean.add(value);
        }
        if (clean.size() > MAX_TAGS) {
            throw new ValidationException("tags", "at most " + MAX_TAGS + " tags", "error_too_many_tags", MAX_TAGS);
        }
        return List.copyOf(clean);
    }

    private String attributes(Map<String, Object> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        try {
            String text = json.writeValueAsString(attributes);
            if (text.length() > MAX_ATTRIBUTES_LENGTH) {
                throw new ValidationException("attributes", "attributes must be at most " + MAX_ATTRIBUTES_LENGTH
                        + " characters of JSON", "error_too_long", MAX_ATTRIBUTES_LENGTH);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new ValidationException("attributes", "attributes cannot be stored: " + e.getOriginalMessage());
        }
    }

    private Activity toActivity(ActivityRow row) {
        return toActivity(row, activityDao.tagsOf(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private Activity toActivity(ActivityRow row, List<String> tags) {
        Map<String, Double> byGas = new LinkedHashMap<>();
        byGas.put(Gas.CO2, row.co2Co2eKg());
        byGas.put(Gas.CH4, row.ch4Co2eKg());
        byGas.put(Gas.N2O, row.n2oCo2eKg());
        byGas.put(Gas.UNSPECIFIED, row.unspecifiedCo2eKg());
        String source = library.factor(row.factorId()).map(EmissionFactor::citation)
                .orElse("factor " + row.factorId() + " of set " + row.factorSet() + " v" + row.factorSetVersion()
                        + " (no longer in the library)");
        Activity.AppliedFactor factor = new Activity.AppliedFactor(row.factorId(), row.factorCo2ePerUnit(), row.factorUnit(),
                source, row.factorSet(), row.factorSetVersion(), row.quantityInFactorUnit());
        Activity.SiteRef site = row.siteId() == null ? null : new Activity.SiteRef(row.siteId(), row.siteName());
        return new Activity(row.id(), row.organizationId(), row.type(), row.quantity(), row.unit(), row.periodStart(),
                row.periodEnd(), row.effectiveRegion(), site, tags, row.dataQuality(), readAttributes(row.attributes()),
                row.co2eKg(), row.scope(), row.category(), byGas, factor, row.createdAt(), row.updatedAt(),
                FlightActivity.TYPE.equals(row.type()) ? MeasurementUnits.convert(row.quantity(),
                        MeasurementUnits.find(row.unit()).orElseThrow(), MeasurementUnits.find("km").orElseThrow()) : null,
                org.empreinte.calculation.GhgCategories.scope3(row.category()).orElse(null));
    }

    private Map<String, Object> readAttributes(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON: " + text, e);
        }
    }

    private Organization requireOrganization(long organizationId) {
        return organizationDao.find(organizationId)
                .orElseThrow(() -> new ResourceNotFoundException("organization", organizationId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String now() {
        return clock.instant().toString();
    }
}
