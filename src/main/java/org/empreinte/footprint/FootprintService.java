package org.empreinte.footprint;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.GhgCategories;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.UncertaintyTable;
import org.empreinte.organization.Organization;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.organization.YearFigures;
import org.empreinte.organization.YearlyFigures;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * Reads the footprint and the report of a period from the stored results: aggregation happens in
 * SQL, not by loading rows, and results are cached until the organization's next write.
 */
public class FootprintService {

    private final Jdbi jdbi;
    /**
     * DAOs made once: inside {@code jdbi.inTransaction} they run on the transaction's handle (JDBI reuses the
     * thread's open handle). {@code handle.attach} would rebuild the SQL object's metadata on every call
     * in the JDBI the Dropwizard 5.0.0 BOM pins (jdbi/jdbi#2991).
     */
    private final OrganizationDao organizationDao;
    private final FootprintDao footprintDao;
    private final FactorLibrary library;
    private final UncertaintyTable uncertainties;
    private final YearlyFigures figures;
    private final ReportCache cache;
    public FootprintService(Jdbi jdbi, FactorLibrary library, UncertaintyTable uncertainties, YearlyFigures figures,
            ReportCache cache) {
        this.jdbi = jdbi;
        this.uncertainties = uncertainties;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.footprintDao = jdbi.onDemand(FootprintDao.class);
        this.library = library;
        this.figures = figures;
        this.cache = cache;
    }

    /** The period of a request: {@code year}, or {@code from} and {@code to}; a missing year is the current one. */
    public static Period period(String year, String from, String to, int currentYear) {
        boolean hasRange = notBlank(from) || notBlank(to);
        if (notBlank(year) && hasRange) {
            throw new ValidationException("year", "give either year, or from and to, not both", "error_year_or_range");
        }
        if (hasRange) {
            if (!notBlank(from)) {
                throw new ValidationException("from", "from is required with to", "error_required");
            }
            if (!notBlank(to)) {
                throw new ValidationException("to", "to is required with from", "error_required");
            }
            LocalDate start = parse("from", from);
            LocalDate end = parse("to", to);
            if (end.isBefore(start)) {
                throw new ValidationException("to", "to is before from", "error_end_before_start");
            }
            return new Period(start, end);
        }
        if (!notBlank(year)) {
            return Period.ofYear(currentYear);
        }
        try {
            int value = Integer.parseInt(year.strip());
            if (value < Period.EARLIEST_YEAR || value > Period.LATEST_YEAR) {
                throw new NumberFormatException();
            }
            return Period.ofYear(value);
        } catch (NumberFormatException e) {
            throw new ValidationException("year", "year must be a year between "
                    + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR, "error_year");
        }
    }

    public Footprint footprint(long organizationId, Period period, String tag) {
        String cleanTag = notBlank(tag) ? tag.strip() : null;
        return cache.get(organizationId, revision(organizationId), "footprint", period, cleanTag,
                () -> jdbi.withHandle(handle -> {
                    Organization organization = organization(organizationId);
                    return assemble(organizationId, period, cleanTag, groups(organizationId, period, cleanTag),
                            organization.includeRadiativeForcing());
                }));
    }

    /** The full report of a period: the footprint and the sections of {@link Report}, from one scan of its rows. */
    public Report report(long organizationId, Period period, String tag) {
        return report(organizationId, period, tag, false);
    }

    /**
     * The report with its interval by Monte Carlo (IPCC Approach 2: skewed sources drawn lognormal, fixed seed) when
     * {@code monteCarlo}, else by Approach 1 as every footprint has it.
     */
    public Report report(long organizationId, Period period, String tag, boolean monteCarlo) {
        String cleanTag = notBlank(tag) ? tag.strip() : null;
        return cache.get(organizationId, revision(organizationId), monteCarlo ? "report-monte-carlo" : "report", period,
                cleanTag, () -> jdbi.withHandle(handle -> {
                    Organization organization = organization(organizationId);
                    List<FootprintDao.Group> groups = groups(organizationId, period, cleanTag);
                    Footprint assembled = assemble(organizationId, period, cleanTag, groups,
                            organization.includeRadiativeForcing());
                    Footprint footprint = monteCarlo
                            ? assembled.withUncertainty(FootprintUncertainty.monteCarlo(groups, library, uncertainties))
                            : assembled;
                    Period previous = new Period(period.start().minusYears(1), period.end().minusYears(1));
                    List<FootprintDao.ScopeTotal> before = footprintDao.byScope(organizationId, previous.start().toEpochDay(),
                            previous.end().toEpochDay(), tagFilter(cleanTag), cleanTag);
                    // Each year's figures read once: the sections ask for them once per denominator.
                    Map<Integer, Optional<YearFigures>> years = new HashMap<>();
                    IntFunction<Optional<YearFigures>> recorded = year -> years.computeIfAbsent(year,
                            y -> figures.recorded(organizationId, y));
                    return ReportSections.build(footprint, groups, previous, before, period,
                            figures.contractsOfExisting(organizationId), recorded,
                            (year, metric) -> YearlyFigures.value(organization, recorded.apply(year).orElse(null), metric),
                            library);
                }));
    }

    /**
     * The uncertainty of a factor known by its id, type and set (the library's entry while it holds the factor), for a
     * submission made before intervals were kept.
     */
    public double factorUncertainty(String factorId, String type, String factorSet) {
        return library.factor(factorId).map(f -> uncertainties.factor(f).uncertainty())
                .orElseGet(() -> uncertainties.factor(type, factorSet, null, null, Map.of()).uncertainty());
    }

    /**
     * The uncertainty of quantities of which {@code measuredShare} were measured and the rest estimated: the two
     * variances blended by their shares (all estimated when the share is unknown, the conservative side).
     */
    public double quantityUncertainty(Double measuredShare, String type) {
        double measured = uncertainties.quantity("measured", type).uncertainty();
        double estimated = uncertainties.quantity("estimated", type).uncertainty();
        double share = measuredShare == null ? 0 : measuredShare;
        return Math.sqrt(share * measured * measured + (1 - share) * estimated * estimated);
    }

    /** The tags used by the organization's activities in the period: a report per tag exists for each. */
    public List<String> tags(long organizationId, Period period) {
        return footprintDao.tags(organizationId, period.start().toEpochDay(), period.end().toEpochDay());
    }

    /** The organization's data revision: what a figure computed now was computed from. */
    public long revision(long organizationId) {
        return organizationDao.revision(organizationId)
                .orElseThrow(() -> new ResourceNotFoundException("organization", organizationId));
    }

    private Organization organization(long organizationId) {
        return organizationDao.require(organizationId);
    }

    private List<FootprintDao.Group> groups(long organizationId, Period period, String tag) {
        return footprintDao.groups(organizationId, period.start().toEpochDay(), period.end().toEpochDay(), tagFilter(tag), tag);
    }

    private static String tagFilter(String tag) {
        return tag == null ? FootprintDao.NO_TAG : FootprintDao.WITH_TAG;
    }

    private Footprint assemble(long organizationId, Period period, String tag, List<FootprintDao.Group> groups,
            boolean radiativeForcing) {
        Map<String, Double> byScope = new LinkedHashMap<>();
        for (String scope : List.of("1", "2", "3")) {
            byScope.put(scope, 0.0);
        }
        Map<String, Double> byCategory = new LinkedHashMap<>();
        Map<String, Double> byGas = new LinkedHashMap<>();
        for (String gas : List.of(Gas.CO2, Gas.CH4, Gas.N2O, Gas.UNSPECIFIED)) {
            byGas.put(gas, 0.0);
        }
        Map<String, Double> byMonth = new LinkedHashMap<>();
        Map<String, Map<String, Double>> byMonthAndScope = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(period.start()); !month.isAfter(YearMonth.from(period.end())); month = month.plusMonths(1)) {
            byMonth.put(month.toString(), 0.0);
            byMonthAndScope.put(month.toString(), new LinkedHashMap<>(Map.of("1", 0.0, "2", 0.0, "3", 0.0)));
        }
        Map<Long, Footprint.SiteTotal> bySite = new LinkedHashMap<>();
        java.util.Set<FactorSetKey> setsUsed = new java.util.TreeSet<>();
        Map<String, IncludedSum> included = new java.util.TreeMap<>();
        double total = 0;
        long count = 0;
        for (FootprintDao.Group cell : groups) {
            total += cell.co2eKg();
            if (cell.direct()) {
                count += cell.activities();
            }
            byScope.merge(Integer.toString(cell.scope()), cell.co2eKg(), Double::sum);
            byCategory.merge(cell.category(), cell.co2eKg(), Double::sum);
            byGas.merge(Gas.CO2, cell.co2Co2eKg(), Double::sum);
            byGas.merge(Gas.CH4, cell.ch4Co2eKg(), Double::sum);
            byGas.merge(Gas.N2O, cell.n2oCo2eKg(), Double::sum);
            byGas.merge(Gas.UNSPECIFIED, cell.unspecifiedCo2eKg(), Double::sum);
            byMonth.merge(cell.month(), cell.co2eKg(), Double::sum);
            byMonthAndScope.get(cell.month()).merge(Integer.toString(cell.scope()), cell.co2eKg(), Double::sum);
            long siteKey = cell.siteId() == null ? -1 : cell.siteId();
            bySite.merge(siteKey, new Footprint.SiteTotal(cell.siteId(), cell.siteName(), cell.co2eKg()),
                    (a, b) -> new Footprint.SiteTotal(a.siteId(), a.name(), a.co2eKg() + b.co2eKg()));
            setsUsed.add(new FactorSetKey(cell.factorSet(), cell.factorSetVersion()));
            include(included, cell);
        }
        Map<String, Double> byScope3Category = new java.util.TreeMap<>(java.util.Comparator.comparingInt(Integer::parseInt));
        byCategory.forEach((category, value) -> GhgCategories.scope3(category)
                .ifPresent(number -> byScope3Category.merge(Integer.toString(number), value, Double::sum)));
        List<Footprint.SiteTotal> sites = new ArrayList<>(bySite.values());
        sites.sort(Comparator.comparingDouble(Footprint.SiteTotal::co2eKg).reversed());
        List<Footprint.FactorSetUsed> sets = new ArrayList<>();
        for (FactorSetKey used : orderByPriority(new ArrayList<>(setsUsed))) {
            FactorSet set = library.set(used.factorSet()).filter(s -> s.version().equals(used.factorSetVersion())).orElse(null);
            sets.add(new Footprint.FactorSetUsed(used.factorSet(), used.factorSetVersion(),
                    set == null ? null : set.name(), set == null ? null : set.edition()));
        }
        List<FactorSet> configured = library.selector().sets();
        String label = sets.isEmpty()
                ? String.join(" + ", configured.stream().map(FactorSet::label).toList())
                : String.join(" + ", sets.stream().map(s -> s.id() + " v" + s.version()).toList());
        return new Footprint(organizationId, period.start().toString(), period.end().toString(), tag, total, byScope,
                byCategory, byScope3Category, byGas, byMonth, byMonthAndScope, sites, label, sets, count, radiativeForcing,
                FootprintUncertainty.approach1(groups, library, uncertainties), included(included));
    }

    /**
     * Adds a group to its scope and category, by line: in scope order, then by GHG Protocol category, then name. The
     * sums stay open while the groups are read (a new record and map for each of a year's few hundred groups showed in
     * the cold report's profile); {@link #included} closes them, in the same order of addition.
     */
    private static void include(Map<String, IncludedSum> included, FootprintDao.Group cell) {
        Integer ghg = GhgCategories.scope3(cell.category()).orElse(null);
        int number = ghg == null ? 0 : ghg;
        String key = cell.scope() + (number < 10 ? "/0" : "/") + number + "/" + cell.category();
        IncludedSum sum = included.computeIfAbsent(key, k -> new IncludedSum(cell.scope(), cell.category(), ghg));
        sum.co2eKg += cell.co2eKg();
        sum.byLine.merge(cell.line() == null ? "direct" : cell.line(), cell.co2eKg(), Double::sum);
    }

    private static List<Footprint.Included> included(Map<String, IncludedSum> sums) {
        return sums.values().stream().map(s -> new Footprint.Included(s.scope, s.category, s.ghg, s.co2eKg,
                java.util.Collections.unmodifiableMap(s.byLine))).toList();
    }

    /** A scope and category's sum while the groups are read. */
    private static final class IncludedSum {
        private final int scope;
        private final String category;
        private final Integer ghg;
        private double co2eKg;
        private final Map<String, Double> byLine = new java.util.TreeMap<>();

        IncludedSum(int scope, String category, Integer ghg) {
            this.scope = scope;
            this.category = category;
            this.ghg = ghg;
        }
    }

    /** A factor set and version that produced stored results. */
    private record FactorSetKey(String factorSet, String factorSetVersion) implements Comparable<FactorSetKey> {

        @Override
        public int compareTo(FactorSetKey other) {
            return Comparator.comparing(FactorSetKey::factorSet).thenComparing(FactorSetKey::factorSetVersion).compare(this, other);
        }
    }

    /** Sets in the configured selection order, then any that are no longer configured. */
    private List<FactorSetKey> orderByPriority(List<FactorSetKey> used) {
        List<String> order = library.selector().sets().stream().map(FactorSet::id).toList();
        List<FactorSetKey> sorted = new ArrayList<>(used);
        sorted.sort(Comparator.comparingInt(s -> {
            int index = order.indexOf(s.factorSet());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        return sorted;
    }

    private static LocalDate parse(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException(field, field + " must be a date YYYY-MM-DD", "error_date");
        }
        // Reports cover the years activities can have; an unbounded range would build a month table without end.
        if (date.getYear() < Period.EARLIEST_YEAR || date.getYear() > Period.LATEST_YEAR) {
            throw new ValidationException(field, field + " must be between " + Period.EARLIEST_YEAR + "-01-01 and "
                    + Period.LATEST_YEAR + "-12-31", "error_date_range");
        }
        return date;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
