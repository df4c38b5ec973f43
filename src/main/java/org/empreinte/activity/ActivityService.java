package org.empreinte.activity;

import static org.empreinte.web.TextFields.blankToNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.activity.ActivityPreparation.Prepared;
import org.empreinte.audit.AuditEvent;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.EmissionLine;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.GhgCategories;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.Paging;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * Logging, changing, removing and reading activities. Each write prepares the request (validation and
 * computation, {@link ActivityPreparation}) and stores the activity, its tags and its monthly shares in one
 * unit of work, so a refused request stores nothing and every change moves the revision and the trail.
 */
public class ActivityService {

    private final Jdbi jdbi;
    /**
     * DAOs made once: inside a transaction they run on its handle (JDBI reuses the thread's open handle).
     * {@code handle.attach} would rebuild the SQL object's metadata on every call in the JDBI the Dropwizard
     * 5.0.0 BOM pins (jdbi/jdbi#2991).
     */
    private final ActivityDao activityDao;
    private final OrganizationDao organizationDao;
    private final OrganizationLookup lookup;
    private final ActivityPreparation preparation;
    private final UnitOfWork units;
    private final AuditTrail audit;
    private final FactorLibrary library;
    private final Clock clock;

    public ActivityService(Jdbi jdbi, ActivityPreparation preparation, UnitOfWork units, AuditTrail audit,
            FactorLibrary library, Clock clock) {
        this.jdbi = jdbi;
        this.activityDao = jdbi.onDemand(ActivityDao.class);
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.lookup = OrganizationLookup.of(organizationDao);
        this.preparation = preparation;
        this.units = units;
        this.audit = audit;
        this.library = library;
        this.clock = clock;
    }

    public Activity create(long organizationId, ActivityRequest request) {
        return units.write(organizationId, changes -> insert(changes, preparation.prepare(lookup, organizationId, request)));
    }

    /**
     * Logs several activities in one unit of work (a year of bills entered at once): every request is checked
     * before any is stored, and when one or more are refused nothing is, the refusals naming each by its index.
     *
     * @throws EntriesRefusedException when at least one request is refused
     */
    public List<Activity> createAll(long organizationId, List<ActivityRequest> requests) {
        if (requests.isEmpty()) {
            throw new ValidationException(null, "at least one activity is required", "error_required");
        }
        return units.write(organizationId, changes -> {
            Map<Integer, ValidationException> refused = new TreeMap<>();
            List<Prepared> prepared = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                try {
                    prepared.add(preparation.prepare(lookup, organizationId, requests.get(i)));
                } catch (ValidationException e) {
                    refused.put(i, e);
                }
            }
            if (!refused.isEmpty()) {
                throw new EntriesRefusedException(refused);
            }
            return prepared.stream().map(p -> insert(changes, p)).toList();
        });
    }

    private Activity insert(UnitOfWork.Changes changes, Prepared prepared) {
        String now = now();
        long id = activityDao.store(prepared.stored(), now, prepared.tags(), prepared::months, prepared.lines());
        Activity created = toActivity(prepared.stored().written(id, prepared.stored().siteName(), now), prepared.tags(),
                prepared.lines());
        changes.record("activity", id, AuditTrail.CREATE, null, created);
        return created;
    }

    public Activity update(long organizationId, long activityId, ActivityRequest request) {
        return units.write(organizationId, changes -> {
            Activity before = toActivity(find(organizationId, activityId));
            Prepared prepared = preparation.prepare(lookup, organizationId, request);
            if (activityDao.rewrite(activityId, prepared.stored(), now(), prepared.tags(), prepared.months(activityId),
                    prepared.lines()) == 0) {
                throw new ResourceNotFoundException("activity", activityId);
            }
            Activity after = toActivity(find(organizationId, activityId));
            changes.record("activity", activityId, AuditTrail.UPDATE, before, after);
            return after;
        });
    }

    public void delete(long organizationId, long activityId) {
        units.run(organizationId, changes -> {
            ActivityRow row = find(organizationId, activityId);
            Activity before = toActivity(row);
            // What it was logged with, so that a restore logs it again as it was.
            ActivityRequest request = logged(row, before.tags());
            activityDao.remove(organizationId, activityId);
            changes.record("activity", activityId, AuditTrail.DELETE, new Deleted(request, before), null);
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
        return units.write(organizationId, changes -> {
            AuditEvent deletion = audit.last(organizationId, "activity", activityId)
                    .filter(e -> AuditTrail.DELETE.equals(e.action()) && e.before() != null)
                    .orElseThrow(() -> new ResourceNotFoundException("deleted activity", activityId));
            Activity restored = create(organizationId, audit.read(deletion.before(), Deleted.class).request());
            changes.record("activity", activityId, AuditTrail.RESTORE, null, restored);
            return restored;
        });
    }

    /**
     * The request an activity was logged with, tags included: what its edit form starts from, so that sending
     * the form back unchanged changes nothing (a flight between airports has no quantity, a region given
     * explicitly stays given).
     */
    public ActivityRequest logged(long organizationId, long activityId) {
        return jdbi.withHandle(handle -> {
            organizationDao.require(organizationId);
            ActivityRow row = find(organizationId, activityId);
            return logged(row, activityDao.tagsOf(List.of(row.id())).getOrDefault(row.id(), List.of()));
        });
    }

    private ActivityRequest logged(ActivityRow row, List<String> tags) {
        ActivityRequest logged = preparation.replay(row);
        return new ActivityRequest(logged.type(), logged.quantity(), logged.unit(), logged.periodStart(), logged.periodEnd(),
                null, logged.region(), logged.site(), tags, logged.dataQuality(), logged.attributes());
    }

    public Activity get(long organizationId, long activityId) {
        return jdbi.withHandle(handle -> {
            organizationDao.require(organizationId);
            return toActivity(find(organizationId, activityId));
        });
    }

    /**
     * One page of the activities whose period overlaps [from, to], of a type and with a tag when given: in
     * the list's order (start of the period, then id), or newest first. Its cursor is the last activity's
     * start day and id; tags are read for the page's activities only.
     */
    public Paging.Slice<Activity> page(long organizationId, String from, String to, String type, String tag, Paging paging,
            boolean newestFirst) {
        ActivityFilter filter = new ActivityFilter(organizationId, ActivityPreparation.day("from", from),
                ActivityPreparation.day("to", to), blankToNull(type), blankToNull(tag));
        Long afterDay = paging.isFirst() ? null : paging.number(0);
        Long afterId = paging.isFirst() ? null : paging.number(1);
        return jdbi.withHandle(handle -> {
            organizationDao.require(organizationId);
            List<ActivityRow> rows = activityDao.page(filter, afterDay, afterId, newestFirst, paging.limit() + 1);
            Paging.Slice<ActivityRow> slice = paging.slice(rows, row -> Paging.cursor(row.startDay(), row.id()));
            List<Long> ids = slice.items().stream().map(ActivityRow::id).toList();
            Map<Long, List<String>> tags = activityDao.tagsOf(ids);
            Map<Long, List<LineRow>> lines = activityDao.linesOf(ids);
            return slice.map(row -> toActivity(row, tags.getOrDefault(row.id(), List.of()),
                    lines.getOrDefault(row.id(), List.of())));
        });
    }

    /**
     * The quantities of a meter month by month in a year: the activities of that type, unit and site (none: those
     * without a site) whose period lies within one month, summed by month (1 to 12). A bill that spans two months is
     * left out rather than guessed apart: the person types that month.
     */
    public Map<Integer, Double> monthlyQuantities(long organizationId, int year, String type, String unit, Long siteId) {
        Map<Integer, Double> byMonth = new TreeMap<>();
        Paging paging = Paging.first(Paging.MAX_LIMIT);
        while (true) {
            Paging.Slice<Activity> slice = page(organizationId, year + "-01-01", year + "-12-31", type, null, paging, false);
            for (Activity activity : slice.items()) {
                LocalDate start = LocalDate.parse(activity.periodStart());
                LocalDate end = LocalDate.parse(activity.periodEnd());
                Long site = activity.site() == null ? null : activity.site().id();
                if (start.getYear() == year && YearMonth.from(start).equals(YearMonth.from(end))
                        && activity.unit().equals(unit) && Objects.equals(site, siteId)) {
                    byMonth.merge(start.getMonthValue(), activity.quantity(), Double::sum);
                }
            }
            if (slice.next() == null) {
                return byMonth;
            }
            paging = Paging.of(Integer.toString(Paging.MAX_LIMIT), slice.next(), 2);
        }
    }

    /** The year of the latest activity, where a page should open when no year is asked for. */
    public Optional<Integer> latestYear(long organizationId) {
        return activityDao.dayOfLatestMonth(organizationId).map(day -> LocalDate.ofEpochDay(day).getYear());
    }

    private ActivityRow find(long organizationId, long activityId) {
        return activityDao.find(organizationId, activityId)
                .orElseThrow(() -> new ResourceNotFoundException("activity", activityId));
    }

    private Activity toActivity(ActivityRow row) {
        return toActivity(row, activityDao.tagsOf(List.of(row.id())).getOrDefault(row.id(), List.of()),
                activityDao.linesOf(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private static Map<String, Double> gases(double co2, double ch4, double n2o, double unspecified) {
        Map<String, Double> byGas = new LinkedHashMap<>();
        byGas.put(Gas.CO2, co2);
        byGas.put(Gas.CH4, ch4);
        byGas.put(Gas.N2O, n2o);
        byGas.put(Gas.UNSPECIFIED, unspecified);
        return byGas;
    }

    private String source(String factorId, String factorSet, String factorSetVersion) {
        return library.factor(factorId).map(EmissionFactor::citation)
                .orElse("factor " + factorId + " of set " + factorSet + " v" + factorSetVersion + " (no longer in the library)");
    }

    private Activity toActivity(ActivityRow row, List<String> tags, List<LineRow> otherLines) {
        Map<String, Double> byGas = gases(row.co2Co2eKg(), row.ch4Co2eKg(), row.n2oCo2eKg(), row.unspecifiedCo2eKg());
        String source = source(row.factorId(), row.factorSet(), row.factorSetVersion());
        Map<String, Object> attributes = preparation.readAttributes(row.attributes());
        String note = preparation.kinds().find(row.type()).map(kind -> kind.resultNote(attributes,
                new Period(LocalDate.parse(row.periodStart()), LocalDate.parse(row.periodEnd())), row.effectiveRegion(),
                row.unit())).orElse(null);
        Activity.AppliedFactor factor = new Activity.AppliedFactor(row.factorId(), row.factorCo2ePerUnit(), row.factorUnit(),
                source, row.factorSet(), row.factorSetVersion(), row.quantityInFactorUnit(), note);
        Activity.SiteRef site = row.siteId() == null ? null : new Activity.SiteRef(row.siteId(), row.siteName());
        List<Activity.Line> lines = new ArrayList<>();
        lines.add(new Activity.Line(EmissionLine.DIRECT, row.co2eKg(), row.scope(), row.category(),
                GhgCategories.scope3(row.category()).orElse(null), byGas, factor));
        double all = row.co2eKg();
        for (LineRow line : otherLines) {
            all += line.co2eKg();
            lines.add(new Activity.Line(line.line(), line.co2eKg(), line.scope(), line.category(),
                    GhgCategories.scope3(line.category()).orElse(null),
                    gases(line.co2Co2eKg(), line.ch4Co2eKg(), line.n2oCo2eKg(), line.unspecifiedCo2eKg()),
                    new Activity.AppliedFactor(line.factorId(), line.factorCo2ePerUnit(), line.factorUnit(),
                            source(line.factorId(), line.factorSet(), line.factorSetVersion()), line.factorSet(),
                            line.factorSetVersion(), line.quantityInFactorUnit(), null)));
        }
        return new Activity(row.id(), row.organizationId(), row.type(), row.quantity(), row.unit(), row.periodStart(),
                row.periodEnd(), row.effectiveRegion(), site, tags, row.dataQuality(),
                attributes, row.co2eKg(), row.scope(), row.category(), byGas, factor,
                row.createdAt(), row.updatedAt(), ActivityPreparation.distanceKm(row.type(), row.quantity(), row.unit()),
                GhgCategories.scope3(row.category()).orElse(null), List.copyOf(lines), all);
    }

    private String now() {
        return clock.instant().toString();
    }
}
