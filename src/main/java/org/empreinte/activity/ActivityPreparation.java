package org.empreinte.activity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.activity.kind.ActivityKinds;
import org.empreinte.activity.kind.Entry;
import org.empreinte.activity.kind.FlightKind;
import org.empreinte.activity.kind.Measure;
import org.empreinte.calculation.EmissionCalculator;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.EmissionLine;
import org.empreinte.calculation.EmissionResult;
import org.empreinte.calculation.FactorSelectionException;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.Period;
import org.empreinte.calculation.Regions;
import org.empreinte.organization.Organization;
import org.empreinte.organization.Site;
import org.empreinte.web.MalformedRequestException;
import org.empreinte.web.NumberFields;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * An activity request checked and computed, without storing anything: the rules every kind shares (type,
 * quantity, period, site, region, tags, data quality, attributes' text), then the kind's own measure, then
 * the calculation core. Every way in (the API, the form, a CSV row, an action plan's estimate, a
 * recomputation) goes through {@link #prepare}, so they all refuse and compute alike.
 */
public final class ActivityPreparation {

    /**
     * How an activity's quantity was obtained, from the surest: read on a bill or meter; estimated from partial
     * records of the same activity; extrapolated from elsewhere (a benchmark, another site, a survey scaled up).
     * Each has its uncertainty in {@code emission-factors/uncertainty.yml}. In this order in lists and templates.
     */
    public static final List<String> DATA_QUALITIES = List.of("measured", "estimated", "extrapolated");
    static final LocalDate EARLIEST = LocalDate.of(Period.EARLIEST_YEAR, 1, 1);
    static final LocalDate LATEST = LocalDate.of(Period.LATEST_YEAR, 12, 31);
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
    private static final MeasurementUnit KM = MeasurementUnits.find("km").orElseThrow();

    /**
     * A validated request: the row to store (with its site's name and its direct line's result), the result it was
     * computed from, its other lines (upstream, losses...: none for most activities), its tags.
     */
    record Prepared(ActivityRow stored, EmissionResult result, List<LineRow> lines, List<String> tags) {

        Prepared {
            lines = List.copyOf(lines);
        }

        /** The monthly shares to store, for the activity of that id (0 until an import's batch knows the ids). */
        List<MonthShareRow> months(long activityId) {
            return shares(activityId, stored.organizationId(), result);
        }

        /** The direct line's emissions and every other line's. */
        double allLinesCo2eKg() {
            return stored.co2eKg() + lines.stream().mapToDouble(LineRow::co2eKg).sum();
        }
    }

    /** An emission result's monthly shares, as activity_month and activity_line_month store them. */
    static List<MonthShareRow> shares(long activityId, long organizationId, EmissionResult result) {
        List<MonthShareRow> months = new ArrayList<>();
        for (EmissionResult.MonthlyShare share : result.monthlyShares()) {
            Map<String, Double> gases = share.co2eKgByGas();
            months.add(new MonthShareRow(activityId, organizationId, share.part().month().toString(),
                    share.part().start().toEpochDay(), share.part().end().toEpochDay(), share.co2eKg(),
                    gases.getOrDefault(Gas.CO2, 0.0), gases.getOrDefault(Gas.CH4, 0.0), gases.getOrDefault(Gas.N2O, 0.0),
                    gases.getOrDefault(Gas.UNSPECIFIED, 0.0)));
        }
        return months;
    }

    private final ActivityKinds kinds;
    private final EmissionCalculator calculator;
    private final ObjectMapper json;

    public ActivityPreparation(ActivityKinds kinds, EmissionCalculator calculator, ObjectMapper json) {
        this.kinds = kinds;
        this.calculator = calculator;
        this.json = json;
    }

    public ActivityKinds kinds() {
        return kinds;
    }

    Prepared prepare(OrganizationLookup organizations, long organizationId, ActivityRequest request) {
        Organization organization = organizations.find(organizationId)
                .orElseThrow(() -> new ResourceNotFoundException("organization", organizationId));
        if (request == null) {
            throw new MalformedRequestException(null, "a JSON body is required");
        }
        // Before the kinds read their attributes, so that a refusal says what is wrong with the text itself.
        TextFields.attributes("attributes", request.attributes());
        String type = request.type() == null ? "" : request.type().strip();
        if (type.isEmpty()) {
            throw new ValidationException("type", "type is required", "error_required");
        }
        ActivityKind kind = kinds.find(type).orElseThrow(() -> new ValidationException("type",
                "unknown type '" + type + "'; known types: " + kinds.types(), "error_type", type));
        // Quantity and unit are checked before the period, as they always were; a flight may have neither.
        Measure early = kind.quantityRequired() ? entered(type, request) : null;
        Period period = period(request);
        Site site = site(organizations, organizationId, request.site());
        String explicitRegion = null;
        if (request.region() != null && !request.region().isBlank()) {
            explicitRegion = request.region().strip().toUpperCase();
            if (!Regions.isKnown(explicitRegion)) {
                throw new ValidationException("region", "region must be an ISO 3166-2 code such as CA-QC, or an ISO 3166-1 country code",
                        "error_region");
            }
        }
        // Before the kind measures: a purchase's sales taxes are those of where it was made.
        String placeRegion = explicitRegion != null ? explicitRegion : site != null ? site.region() : organization.region();
        // A city for an airport, a country's name for its code: stored and priced as the API documents them.
        Map<String, Object> attributesAsStored = request.attributes() == null ? null
                : kind.canonical(new LinkedHashMap<>(request.attributes()));
        Measure measure = kind.measure(new Entry(attributesAsStored, period, request.quantity() != null,
                () -> early != null ? early : entered(type, request), organization.includeRadiativeForcing(), placeRegion));
        String region = measure.region() != null ? measure.region() : placeRegion;
        List<String> tags = tags(request.tags());
        String quality = request.dataQuality() == null || request.dataQuality().isBlank() ? "measured" : request.dataQuality().strip();
        if (!DATA_QUALITIES.contains(quality)) {
            throw new ValidationException("dataQuality", "dataQuality must be one of " + String.join(", ", DATA_QUALITIES),
                    "error_data_quality_choice", String.join(", ", DATA_QUALITIES));
        }
        String attributes = attributes(attributesAsStored);

        EmissionResult result;
        try {
            result = calculator.calculate(measure.factorType() != null ? measure.factorType() : type, measure.factorQuantity(),
                    measure.factorUnit(), period, region, measure.criteria());
        } catch (FactorSelectionException e) {
            switch (e.reason()) {
                case UNIT_NOT_APPLICABLE -> throw new ValidationException("unit", e.getMessage(), "error_unit",
                        request.unit(), String.join(", ", e.acceptedUnits()));
                case NO_FACTOR_FOR_REGION -> throw kind.noFactor(e.getMessage(), region);
                default -> throw new ValidationException("type", e.getMessage(), "error_type", type);
            }
        }
        if (!Double.isFinite(result.co2eKg())) {
            throw new ValidationException("quantity", "the quantity is too large to compute", "error_too_large");
        }
        List<EmissionLine> lines = kind.lines(calculator, measure, type, period, region, result);
        result = lines.get(0).result();
        EmissionFactor factor = result.factor();
        Map<String, Double> gases = result.co2eKgByGas();
        ActivityRow stored = new ActivityRow(0, organizationId, site == null ? null : site.id(), type, measure.quantity(),
                measure.unit().symbol(),
                period.start().toString(), period.end().toString(), period.start().toEpochDay(), period.end().toEpochDay(),
                explicitRegion, region, quality, attributes, result.co2eKg(), gases.getOrDefault(Gas.CO2, 0.0),
                gases.getOrDefault(Gas.CH4, 0.0), gases.getOrDefault(Gas.N2O, 0.0), gases.getOrDefault(Gas.UNSPECIFIED, 0.0),
                measure.scope() != null ? measure.scope() : factor.scope(),
                measure.category() != null ? measure.category() : factor.category(),
                factor.id(), factor.setId(), factor.setVersion(), factor.unit().symbol(),
                factor.co2ePerUnit(), result.quantityInFactorUnit(), site == null ? null : site.name(), null, null);
        List<LineRow> others = lines.stream().skip(1).map(line -> LineRow.of(organizationId, line))
                .sorted(ActivityDao.LINE_ORDER).toList();
        return new Prepared(stored, result, others, tags);
    }

    /**
     * The request an activity was logged with; its tags stay as they are. A quantity derived from the attributes
     * (a flight's distance between its airports) is left out, to be derived again.
     */
    ActivityRequest replay(ActivityRow input) {
        Map<String, Object> attributes = readAttributes(input.attributes());
        boolean derived = quantityIsDerived(input.type(), attributes);
        return new ActivityRequest(input.type(), derived ? null : input.quantity(), derived ? null : input.unit(),
                input.periodStart(), input.periodEnd(), null, input.region(), input.siteId(), null, input.dataQuality(),
                attributes);
    }

    boolean quantityIsDerived(String type, Map<String, Object> attributes) {
        return kinds.find(type).map(kind -> kind.quantityIsDerived(attributes)).orElse(false);
    }

    /** A flight's distance in km, shown beside its quantity; null for other kinds. */
    static Double distanceKm(String type, double quantity, String unit) {
        return FlightKind.TYPE.equals(type)
                ? MeasurementUnits.convert(quantity, MeasurementUnits.find(unit).orElseThrow(), KM) : null;
    }

    Map<String, Object> readAttributes(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON: " + text, e);
        }
    }

    /** The quantity and unit as entered, checked. */
    private Measure entered(String type, ActivityRequest request) {
        if (request.quantity() == null) {
            throw new ValidationException("quantity", "quantity is required", "error_required");
        }
        double quantity = NumberFields.between("quantity", request.quantity(), MIN_QUANTITY, MAX_QUANTITY);
        if (request.unit() == null || request.unit().isBlank()) {
            throw new ValidationException("unit", "unit is required; for " + type + " use one of " + kinds.unitsFor(type),
                    "error_required");
        }
        MeasurementUnit unit = MeasurementUnits.find(request.unit()).orElseThrow(() -> new ValidationException("unit",
                "unknown unit '" + request.unit() + "'; for " + type + " use one of " + kinds.unitsFor(type),
                "error_unit", request.unit(), String.join(", ", kinds.unitsFor(type))));
        return Measure.asEntered(quantity, unit);
    }

    private static Period period(ActivityRequest request) {
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

    /** A day of a period or of a filter, within the years an inventory can cover. */
    static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, field + " must be a date YYYY-MM-DD", "error_date");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new ValidationException(field, field + " must be between " + EARLIEST + " and " + LATEST, "error_date_range");
        }
        return date;
    }

    /** A day of a filter, or null when the filter is left empty. */
    static Long day(String field, String text) {
        return text == null || text.isBlank() ? null : date(field, text).toEpochDay();
    }

    private static Site site(OrganizationLookup organizations, long organizationId, Object reference) {
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
}
