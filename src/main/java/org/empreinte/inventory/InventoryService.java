package org.empreinte.inventory;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.empreinte.audit.Actor;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.calculation.Period;
import org.empreinte.footprint.FootprintService;
import org.empreinte.footprint.Report;
import org.empreinte.organization.IntensityDenominators;
import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ConflictException;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * An organization's years: submitting freezes the year's figures as a new version, which networks and
 * benchmarks then read instead of the live activities; reopening lets the editors change the year again
 * while others keep reading the last submission; a coordinator marks a submission reviewed or sends it back.
 */
public class InventoryService {

    /** Organizations read at once by {@link #submitted}: well under both databases' limits on bound values. */
    private static final int CHUNK = 500;

    /** A difference smaller than this (a milligram) is rounding between two sums of the same figures. */
    private static final double SAME_KG = 1e-6;

    private final Jdbi jdbi;
    private final InventoryDao dao;
    private final OrganizationDao organizations;
    private final FootprintService footprints;
    private final IntensityDenominators denominators;
    private final UnitOfWork units;
    private final ObjectMapper json;
    private final Clock clock;
    /** Lines of submitted versions' intervals (a few dozen numbers each), by version: see {@link #submittedUncertainty}. */
    private final Cache<InventoryDao.VersionKey, List<InventorySnapshot.UncertaintyLine>> submittedLines =
            Caffeine.newBuilder().maximumSize(100_000).build();

    public InventoryService(Jdbi jdbi, FootprintService footprints, IntensityDenominators denominators, UnitOfWork units,
            ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(InventoryDao.class);
        this.organizations = jdbi.onDemand(OrganizationDao.class);
        this.footprints = footprints;
        this.denominators = denominators;
        this.units = units;
        this.json = json;
        this.clock = clock;
    }

    /** The year as it stands: its state, its submissions, and what changed since the last one. */
    public Inventory year(long organizationId, int year) {
        return year(organizationId, year, null);
    }

    /** As {@link #year(long, int)}, with the live figures when the caller has just computed them (null: computes them). */
    private Inventory year(long organizationId, int year, InventorySnapshot live) {
        checkYear(year);
        organizations.require(organizationId);
        Optional<InventoryDao.StateRow> state = dao.state(organizationId, year);
        if (state.isEmpty()) {
            return new Inventory(organizationId, year, InventoryState.OPEN.key(), null, null, null, null, List.of(), null);
        }
        InventoryDao.StateRow row = state.get();
        InventoryVersion submitted = version(dao.version(row.versionId()).orElseThrow());
        return new Inventory(organizationId, year, row.state(), row.comment(), row.updatedAt(), row.updatedBy(), submitted,
                dao.versions(organizationId, year), difference(submitted.snapshot(), live != null ? live : snapshot(organizationId, year)));
    }

    /** Where the year stands, without computing anything: empty while never submitted. */
    public Optional<YearState> state(long organizationId, int year) {
        return Optional.ofNullable(states(year, List.of(organizationId)).get(organizationId));
    }

    /** One submission with its figures; 404 when the year has no such version. */
    public InventoryVersion version(long organizationId, int year, int version) {
        checkYear(year);
        organizations.require(organizationId);
        return dao.version(organizationId, year, version).map(this::version)
                .orElseThrow(() -> new ResourceNotFoundException("inventory version " + year + "/", version));
    }

    /**
     * Freezes the year's live figures as a new version. Refused while the year is submitted or reviewed (reopen
     * it first), for a year not yet begun, and for a year with nothing logged: an empty inventory would count as
     * zero emissions in its networks and among its peers.
     */
    public Inventory submit(long organizationId, int year) {
        checkYear(year);
        if (year > Year.now(clock).getValue()) {
            throw new ValidationException("year", "year " + year + " has not begun: it cannot be submitted", "error_inventory_future", Integer.toString(year));
        }
        InventorySnapshot frozen = units.write(organizationId, changes -> {
            Optional<InventoryDao.StateRow> before = dao.state(organizationId, year);
            if (before.isPresent() && InventoryState.of(before.get().state()).frozen()) {
                throw new ConflictException("year", "the " + year + " inventory is already " + before.get().state()
                        + ": reopen it to change it", "error_inventory_frozen", Integer.toString(year));
            }
            InventorySnapshot snapshot = snapshot(organizationId, year);
            if (snapshot.activityCount() == 0) {
                throw new ValidationException("year", "nothing is logged for " + year + ": log the year's activities first",
                        "error_inventory_empty", Integer.toString(year));
            }
            int number = dao.lastVersion(organizationId, year) + 1;
            String now = clock.instant().toString();
            String who = Actor.current();
            long versionId = dao.insertVersion(organizationId, year, number, now, who, footprints.revision(organizationId),
                    snapshot.sector(), snapshot.employees(), snapshot.revenueCad(), snapshot.totalCo2eKg(),
                    snapshot.byScope().getOrDefault("1", 0.0), snapshot.byScope().getOrDefault("2", 0.0),
                    snapshot.byScope().getOrDefault("3", 0.0), snapshot.activityCount(), write(snapshot));
            insertCategories(versionId, snapshot);
            if (before.isPresent()) {
                dao.updateState(organizationId, year, InventoryState.SUBMITTED.key(), versionId, null, now, who);
            } else {
                dao.insertState(organizationId, year, InventoryState.SUBMITTED.key(), versionId, now, who);
            }
            changes.record("inventory", (long) year, before.isPresent() ? AuditTrail.UPDATE : AuditTrail.CREATE,
                    before.orElse(null), dao.state(organizationId, year).orElseThrow());
            return snapshot;
        });
        // The figures just frozen are the live ones: computing them again (the write raised the revision, so the
        // report cache would miss) doubled a submission's time for a difference known to be none.
        return year(organizationId, year, frozen);
    }

    /** Opens a submitted or reviewed year again; others keep reading the last submission until the next one. */
    public Inventory reopen(long organizationId, int year, String comment) {
        return move(organizationId, year, InventoryState.REOPENED, comment, InventoryState.SUBMITTED, InventoryState.REVIEWED);
    }

    /** A coordinator checked the submission. */
    public Inventory review(long organizationId, int year, String comment) {
        return move(organizationId, year, InventoryState.REVIEWED, comment, InventoryState.SUBMITTED);
    }

    /** A coordinator sends the submission back to the organization with what to fix: reopened, with the comment. */
    public Inventory sendBack(long organizationId, int year, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new ValidationException("comment", "comment is required: say what to fix", "error_required");
        }
        return move(organizationId, year, InventoryState.REOPENED, comment, InventoryState.SUBMITTED, InventoryState.REVIEWED);
    }

    private Inventory move(long organizationId, int year, InventoryState to, String comment, InventoryState... from) {
        checkYear(year);
        String text = comment == null || comment.isBlank() ? null : TextFields.text("comment", comment.strip());
        if (text != null && text.length() > 2000) {
            throw new ValidationException("comment", "comment is at most 2000 characters", "error_comment_length", 2000);
        }
        units.write(organizationId, changes -> {
            InventoryDao.StateRow before = dao.state(organizationId, year).orElse(null);
            InventoryState current = before == null ? InventoryState.OPEN : InventoryState.of(before.state());
            if (!List.of(from).contains(current)) {
                throw new ConflictException("year", "the " + year + " inventory is " + current.key() + ": it cannot become "
                        + to.key(), "error_inventory_state", Integer.toString(year), current.key());
            }
            dao.updateState(organizationId, year, to.key(), before.versionId(), text, clock.instant().toString(), Actor.current());
            changes.record("inventory", (long) year, AuditTrail.UPDATE, before, dao.state(organizationId, year).orElseThrow());
            return null;
        });
        return year(organizationId, year);
    }

    /**
     * The submitted figures of those of {@code organizationIds} that submitted the year, by organization:
     * what networks and benchmarks read, never the live activities.
     */
    public Map<Long, SubmittedFigures> submitted(int year, Collection<Long> organizationIds) {
        Map<Long, SubmittedFigures> figures = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(organizationIds)) {
            dao.submitted(year, chunk).forEach(f -> figures.put(f.organizationId(), f));
        }
        return figures;
    }

    /** The states of those of {@code organizationIds} that ever submitted the year, by organization. */
    public Map<Long, YearState> states(int year, Collection<Long> organizationIds) {
        Map<Long, YearState> states = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(organizationIds)) {
            dao.states(year, chunk).forEach(s -> states.put(s.organizationId(), s));
        }
        return states;
    }

    /** The categories of the same submissions. */
    public List<SubmittedFigures.Category> submittedCategories(int year, Collection<Long> organizationIds) {
        List<SubmittedFigures.Category> categories = new ArrayList<>();
        for (List<Long> chunk : chunks(organizationIds)) {
            categories.addAll(dao.categories(year, chunk));
        }
        return categories;
    }

    /**
     * The lines of the submitted years' intervals, by organization, for a network's interval. A submission made before
     * intervals were kept gets lines from its factors: each factor's uncertainty as today's table gives it, and its
     * quantities at the blend of measured and estimated its measured share says.
     */
    public Map<Long, List<InventorySnapshot.UncertaintyLine>> submittedUncertainty(int year, Collection<Long> organizationIds) {
        // A network's interval read every member's whole snapshot, JSON parsed again at each aggregate (three quarters of
        // a 1,000-member aggregate's time): a submitted version never changes, so its lines are kept once read.
        List<InventoryDao.VersionKey> keys = new ArrayList<>();
        for (List<Long> chunk : chunks(organizationIds)) {
            keys.addAll(dao.submittedVersionKeys(year, chunk));
        }
        Map<Long, InventoryDao.VersionKey> missing = new LinkedHashMap<>();
        keys.stream().filter(k -> submittedLines.getIfPresent(k) == null).forEach(k -> missing.put(k.id(), k));
        for (List<Long> chunk : chunks(missing.keySet())) {
            for (InventoryDao.VersionRow row : dao.versionsById(chunk)) {
                InventorySnapshot snapshot = version(row).snapshot();
                submittedLines.put(new InventoryDao.VersionKey(row.id(), row.organizationId(), row.submittedAt()),
                        snapshot.uncertainty() != null ? snapshot.uncertainty()
                                : snapshot.factors().stream().map(f -> new InventorySnapshot.UncertaintyLine(f.factorId(), f.type(),
                                        f.co2eKg(), footprints.quantityUncertainty(snapshot.measuredShare(), f.type()),
                                        footprints.factorUncertainty(f.factorId(), f.type(), f.factorSet()))).toList());
            }
        }
        Map<Long, List<InventorySnapshot.UncertaintyLine>> lines = new LinkedHashMap<>();
        for (InventoryDao.VersionKey key : keys) {
            List<InventorySnapshot.UncertaintyLine> own = submittedLines.getIfPresent(key);
            if (own != null) {
                lines.put(key.organizationId(), own);
            }
        }
        return lines;
    }

    /** Changes whenever a submission of the year is added or removed: a key for what is computed from them. */
    public long yearMark(int year) {
        return dao.yearMark(year);
    }

    /** The year's live figures, as a submission would freeze them now. */
    InventorySnapshot snapshot(long organizationId, int year) {
        Period period = Period.ofYear(year);
        Organization organization = organizations.require(organizationId);
        Report report = footprints.report(organizationId, period, null);
        Map<String, Double> byTag = new LinkedHashMap<>();
        for (String tag : footprints.tags(organizationId, period)) {
            byTag.put(tag, footprints.footprint(organizationId, period, tag).totalCo2eKg());
        }
        Map<String, Double> intensities = new LinkedHashMap<>();
        report.intensities().forEach(i -> intensities.put(i.metric(), i.co2eKgPerUnit()));
        OptionalDouble employees = denominators.value(organizationId, year, IntensityDenominators.EMPLOYEES);
        OptionalDouble millions = denominators.value(organizationId, year, IntensityDenominators.REVENUE);
        List<InventorySnapshot.Factor> factors = report.assumptions().stream()
                .map(a -> new InventorySnapshot.Factor(a.factorId(), a.type(), a.factorSet(), a.factorSetVersion(), a.unit(),
                        a.co2eKgPerUnit(), a.quantity(), a.co2eKg()))
                .toList();
        var footprint = report.footprint();
        Map<String, String> types = new HashMap<>();
        factors.forEach(f -> types.putIfAbsent(f.factorId(), f.type()));
        List<InventorySnapshot.UncertaintyLine> uncertainty = footprint.uncertainty() == null ? List.of()
                : footprint.uncertainty().lines().stream().map(l -> new InventorySnapshot.UncertaintyLine(l.factor(),
                        types.get(l.factor()), l.co2eKg(), l.quantityUncertainty(), l.factorUncertainty())).toList();
        return new InventorySnapshot(year, organization.sector(), employees.isPresent() ? employees.getAsDouble() : null,
                millions.isPresent() ? millions.getAsDouble() * 1_000_000 : null, footprint.totalCo2eKg(),
                report.totalMarketBasedCo2eKg(), footprint.byScope(), footprint.byCategory(), footprint.byGas(),
                footprint.bySite(), byTag, intensities, report.dataQuality().measuredShare(), footprint.activityCount(),
                footprint.factorSets(), factors, uncertainty);
    }

    static Difference difference(InventorySnapshot submitted, InventorySnapshot live) {
        Map<String, Double> byScope = new LinkedHashMap<>();
        for (String scope : List.of("1", "2", "3")) {
            byScope.put(scope, live.byScope().getOrDefault(scope, 0.0) - submitted.byScope().getOrDefault(scope, 0.0));
        }
        Map<String, InventorySnapshot.Factor> before = new HashMap<>();
        submitted.factors().forEach(f -> before.put(f.factorId(), f));
        Map<String, InventorySnapshot.Factor> after = new HashMap<>();
        live.factors().forEach(f -> after.put(f.factorId(), f));
        List<Difference.FactorChange> factors = new ArrayList<>();
        for (InventorySnapshot.Factor now : live.factors()) {
            InventorySnapshot.Factor then = before.get(now.factorId());
            if (then == null) {
                factors.add(new Difference.FactorChange(now.factorId(), now.type(), now.factorSet(), null, null,
                        now.factorSetVersion(), now.co2eKgPerUnit()));
            } else if (!Objects.equals(then.factorSetVersion(), now.factorSetVersion()) || then.co2eKgPerUnit() != now.co2eKgPerUnit()) {
                factors.add(new Difference.FactorChange(now.factorId(), now.type(), now.factorSet(), then.factorSetVersion(),
                        then.co2eKgPerUnit(), now.factorSetVersion(), now.co2eKgPerUnit()));
            }
        }
        for (InventorySnapshot.Factor then : submitted.factors()) {
            if (!after.containsKey(then.factorId())) {
                factors.add(new Difference.FactorChange(then.factorId(), then.type(), then.factorSet(), then.factorSetVersion(),
                        then.co2eKgPerUnit(), null, null));
            }
        }
        double total = live.totalCo2eKg() - submitted.totalCo2eKg();
        long activities = live.activityCount() - submitted.activityCount();
        boolean changed = Math.abs(total) > SAME_KG || activities != 0 || !factors.isEmpty()
                || byScope.values().stream().anyMatch(v -> Math.abs(v) > SAME_KG);
        return new Difference(changed, total, activities, byScope, factors);
    }

    private void insertCategories(long versionId, InventorySnapshot snapshot) {
        List<String> categories = new ArrayList<>(snapshot.byCategory().keySet());
        List<Double> values = new ArrayList<>(snapshot.byCategory().values());
        if (!categories.isEmpty()) {
            dao.insertCategories(versionId, categories, values);
        }
    }

    private InventoryVersion version(InventoryDao.VersionRow row) {
        try {
            return new InventoryVersion(row.id(), row.organizationId(), row.year(), row.version(), row.submittedAt(),
                    row.submittedBy(), row.dataRevision(), json.readValue(row.snapshot(), InventorySnapshot.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inventory version " + row.id() + " holds no readable snapshot", e);
        }
    }

    private String write(InventorySnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inventory snapshot could not be written", e);
        }
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static void checkYear(int year) {
        if (year < Period.EARLIEST_YEAR || year > Period.LATEST_YEAR) {
            throw new ValidationException("year", "year must be a year between " + Period.EARLIEST_YEAR + " and "
                    + Period.LATEST_YEAR, "error_year");
        }
    }
}
