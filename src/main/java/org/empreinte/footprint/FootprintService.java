package org.empreinte.footprint;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/** Reads the footprint of a period from the stored results: aggregation happens in SQL, not by loading rows. */
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

    public FootprintService(Jdbi jdbi, FactorLibrary library) {
        this.jdbi = jdbi;
        this.organizationDao = jdbi.onDemand(OrganizationDao.class);
        this.footprintDao = jdbi.onDemand(FootprintDao.class);
        this.library = library;
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
            if (value < 1990 || value > 2100) {
                throw new NumberFormatException();
            }
            return Period.ofYear(value);
        } catch (NumberFormatException e) {
            throw new ValidationException("year", "year must be a year between 1990 and 2100", "error_year");
        }
    }

    public Footprint footprint(long organizationId, Period period, String tag) {
        String cleanTag = notBlank(tag) ? tag.strip() : null;
        String tagFilter = cleanTag == null ? FootprintDao.NO_TAG : FootprintDao.WITH_TAG;
        long fromDay = period.start().toEpochDay();
        long toDay = period.end().toEpochDay();
        return jdbi.withHandle(handle -> {
            boolean radiativeForcing = organizationDao.find(organizationId)
                    .orElseThrow(() -> new ResourceNotFoundException("organization", organizationId)).includeRadiativeForcing();
            FootprintDao dao = footprintDao;
            List<FootprintDao.Cell> cells = dao.cells(organizationId, fromDay, toDay, tagFilter, cleanTag);
            long count = dao.activityCount(organizationId, fromDay, toDay, tagFilter, cleanTag);
            List<FootprintDao.SetUsed> sets = dao.factorSets(organizationId, fromDay, toDay, tagFilter, cleanTag);
            return assemble(organizationId, period, cleanTag, cells, count, sets, radiativeForcing);
        });
    }

    private Footprint assemble(long organizationId, Period period, String tag, List<FootprintDao.Cell> cells, long count,
            List<FootprintDao.SetUsed> setsUsed, boolean radiativeForcing) {
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
        double total = 0;
        for (FootprintDao.Cell cell : cells) {
            total += cell.co2eKg();
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
        }
        Map<String, Double> byScope3Category = new java.util.TreeMap<>(java.util.Comparator.comparingInt(Integer::parseInt));
        byCategory.forEach((category, value) -> org.empreinte.calculation.GhgCategories.scope3(category)
                .ifPresent(number -> byScope3Category.merge(Integer.toString(number), value, Double::sum)));
        List<Footprint.SiteTotal> sites = new ArrayList<>(bySite.values());
        sites.sort(Comparator.comparingDouble(Footprint.SiteTotal::co2eKg).reversed());
        List<Footprint.FactorSetUsed> sets = new ArrayList<>();
        for (FootprintDao.SetUsed used : orderByPriority(setsUsed)) {
            FactorSet set = library.set(used.factorSet()).filter(s -> s.version().equals(used.factorSetVersion())).orElse(null);
            sets.add(new Footprint.FactorSetUsed(used.factorSet(), used.factorSetVersion(),
                    set == null ? null : set.name(), set == null ? null : set.edition()));
        }
        List<FactorSet> configured = library.selector().sets();
        String label = sets.isEmpty()
                ? String.join(" + ", configured.stream().map(FactorSet::label).toList())
                : String.join(" + ", sets.stream().map(s -> s.id() + " v" + s.version()).toList());
        return new Footprint(organizationId, period.start().toString(), period.end().toString(), tag, total, byScope,
                byCategory, byScope3Category, byGas, byMonth, byMonthAndScope, sites, label, sets, count, radiativeForcing);
    }

    /** Sets in the configured selection order, then any that are no longer configured. */
    private List<FootprintDao.SetUsed> orderByPriority(List<FootprintDao.SetUsed> used) {
        List<String> order = library.selector().sets().stream().map(FactorSet::id).toList();
        List<FootprintDao.SetUsed> sorted = new ArrayList<>(used);
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
        if (date.getYear() < 1990 || date.getYear() > 2100) {
            throw new ValidationException(field, field + " must be between 1990-01-01 and 2100-12-31", "error_date_range");
        }
        return date;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
