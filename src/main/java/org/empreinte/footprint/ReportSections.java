package org.empreinte.footprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import org.empreinte.calculation.Change;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.EmissionLines;
import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.IsoCategories;
import org.empreinte.calculation.MarketBased;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.Period;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.ElectricityContract;
import org.empreinte.organization.IntensityDenominators;
import org.empreinte.organization.YearFigures;
import org.empreinte.organization.YearlyFigures;

/** The sections of a report beyond the footprint, each a sum over the period's groups. */
final class ReportSections {

    private static final MeasurementUnits.MeasurementUnit KWH = MeasurementUnits.find("kWh").orElseThrow();

    private ReportSections() {
    }

    static Report build(Footprint footprint, List<FootprintDao.Group> groups, Period previous,
            List<FootprintDao.ScopeTotal> previousByScope, Period period, List<ElectricityContract> contracts,
            IntFunction<Optional<YearFigures>> recorded, BiFunction<Integer, String, OptionalDouble> denominators,
            FactorLibrary library) {
        Report.Scope2 scope2 = scope2(groups, contracts);
        double marketTotal = footprint.totalCo2eKg() - scope2.locationBasedCo2eKg() + scope2.marketBasedCo2eKg();
        return new Report(footprint, scope2, marketTotal,
                intensities(footprint.totalCo2eKg(), marketTotal, period, recorded, denominators),
                comparison(footprint, previous, previousByScope), quality(groups), isoCategories(groups),
                assumptions(groups, library));
    }

    /** Purchased electricity (scope 2, type electricity) by site and year, through the contracts that cover it. */
    private static Report.Scope2 scope2(List<FootprintDao.Group> groups, List<ElectricityContract> contracts) {
        Map<String, MarketBased.Consumption> bySiteAndYear = new LinkedHashMap<>();
        for (FootprintDao.Group group : groups) {
            if (group.scope() != 2 || !"electricity".equals(group.type())) {
                continue;
            }
            double kwh = MeasurementUnits.find(group.factorUnit())
                    .map(unit -> MeasurementUnits.convert(group.quantity(), unit, KWH)).orElse(group.quantity());
            int year = Integer.parseInt(group.month().substring(0, 4));
            bySiteAndYear.merge(group.siteId() + "/" + year, new MarketBased.Consumption(group.siteId(), year, kwh,
                    group.co2eKg()), (a, b) -> new MarketBased.Consumption(a.siteId(), a.year(), a.kwh() + b.kwh(),
                            a.locationCo2eKg() + b.locationCo2eKg()));
        }
        List<MarketBased.Instrument> instruments = contracts.stream()
                .map(c -> new MarketBased.Instrument(c.id(), c.siteId(), c.fromYear(), c.toYear(), c.co2eKgPerKwh())).toList();
        MarketBased.Result result = MarketBased.apply(new ArrayList<>(bySiteAndYear.values()), instruments);
        // Other scope 2 rows (none are logged today) keep their location-based figure on both sides.
        double otherScope2 = groups.stream().filter(g -> g.scope() == 2 && !"electricity".equals(g.type()))
                .mapToDouble(FootprintDao.Group::co2eKg).sum();
        List<Report.ContractApplied> applied = new ArrayList<>();
        for (MarketBased.Covered covered : result.instruments()) {
            ElectricityContract contract = contracts.stream().filter(c -> c.id() == covered.instrumentId()).findFirst()
                    .orElseThrow();
            applied.add(new Report.ContractApplied(contract.id(), contract.siteId(), contract.kind(), contract.description(),
                    contract.co2eKgPerKwh(), covered.kwh(), covered.marketCo2eKg(), covered.locationCo2eKg()));
        }
        return new Report.Scope2(result.locationCo2eKg() + otherScope2, result.marketCo2eKg() + otherScope2,
                result.equalsLocationBased(), result.coveredKwh() + result.uncoveredKwh(), result.coveredKwh(), applied);
    }

    /**
     * Intensities need one year's denominators, so a report over a calendar year has them and one over
     * another span has none.
     */
    private static List<Report.Intensity> intensities(double total, double marketTotal, Period period,
            IntFunction<Optional<YearFigures>> recorded, BiFunction<Integer, String, OptionalDouble> denominators) {
        if (!period.equals(Period.ofYear(period.start().getYear()))) {
            return List.of();
        }
        int year = period.start().getYear();
        Optional<YearFigures> figures = recorded.apply(year);
        List<Report.Intensity> intensities = new ArrayList<>();
        add(intensities, IntensityDenominators.EMPLOYEES, null, denominators.apply(year, IntensityDenominators.EMPLOYEES),
                figures.map(f -> f.employees() != null).orElse(false), total, marketTotal);
        add(intensities, IntensityDenominators.REVENUE, null, denominators.apply(year, IntensityDenominators.REVENUE),
                figures.map(f -> f.revenueCad() != null).orElse(false), total, marketTotal);
        figures.filter(f -> f.customLabel() != null).ifPresent(f -> add(intensities, "custom", f.customLabel(),
                denominators.apply(year, YearlyFigures.customKey(f.customLabel())), true, total,
                marketTotal));
        return intensities;
    }

    private static void add(List<Report.Intensity> intensities, String metric, String label, OptionalDouble denominator,
            boolean recordedForYear, double total, double marketTotal) {
        if (denominator.isPresent()) {
            intensities.add(new Report.Intensity(metric, label, denominator.getAsDouble(), recordedForYear,
                    total / denominator.getAsDouble(), marketTotal / denominator.getAsDouble()));
        }
    }

    private static Report.Comparison comparison(Footprint footprint, Period previous, List<FootprintDao.ScopeTotal> before) {
        Map<String, Double> previousByScope = new LinkedHashMap<>(Map.of("1", 0.0, "2", 0.0, "3", 0.0));
        before.forEach(t -> previousByScope.merge(Integer.toString(t.scope()), t.co2eKg(), Double::sum));
        double previousTotal = previousByScope.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Report.ScopeChange> byScope = new LinkedHashMap<>();
        for (String scope : List.of("1", "2", "3")) {
            Change change = Change.of(previousByScope.get(scope), footprint.byScope().getOrDefault(scope, 0.0));
            byScope.put(scope, new Report.ScopeChange(change.previous(), change.current(), change.absolute(), change.percent()));
        }
        Change total = Change.of(previousTotal, footprint.totalCo2eKg());
        return new Report.Comparison(previous.start().toString(), previous.end().toString(), !before.isEmpty(), previousTotal,
                total.absolute(), total.percent(), byScope);
    }

    private static Report.DataQuality quality(List<FootprintDao.Group> groups) {
        double measured = 0;
        double estimated = 0;
        double extrapolated = 0;
        long measuredCount = 0;
        long estimatedCount = 0;
        long extrapolatedCount = 0;
        for (FootprintDao.Group group : groups) {
            if ("estimated".equals(group.dataQuality())) {
                estimated += group.co2eKg();
                estimatedCount += group.direct() ? group.activities() : 0;
            } else if ("extrapolated".equals(group.dataQuality())) {
                extrapolated += group.co2eKg();
                extrapolatedCount += group.direct() ? group.activities() : 0;
            } else {
                measured += group.co2eKg();
                measuredCount += group.direct() ? group.activities() : 0;
            }
        }
        double total = measured + estimated + extrapolated;
        return new Report.DataQuality(measured, estimated, total == 0 ? null : measured / total, measuredCount, estimatedCount,
                extrapolated, extrapolatedCount);
    }

    private static Map<String, Double> isoCategories(List<FootprintDao.Group> groups) {
        Map<String, Double> byIso = new LinkedHashMap<>();
        for (int category = 1; category <= 6; category++) {
            byIso.put(Integer.toString(category), 0.0);
        }
        for (FootprintDao.Group group : groups) {
            // A category Empreinte cannot place (none today) goes with "other sources".
            int iso = IsoCategories.of(group.scope(), group.category()).orElse(6);
            byIso.merge(Integer.toString(iso), group.co2eKg(), Double::sum);
        }
        return byIso;
    }

    /** Every factor applied in the period, with its set, edition, source and licence, largest emissions first. */
    private static List<Report.Assumption> assumptions(List<FootprintDao.Group> groups, FactorLibrary library) {
        Map<String, Report.Assumption> byFactor = new LinkedHashMap<>();
        for (FootprintDao.Group group : groups) {
            String key = group.factorSet() + "/" + group.factorSetVersion() + "/" + group.factorId() + "/" + group.factorUnit()
                    + "/" + group.factorCo2ePerUnit();
            Report.Assumption existing = byFactor.get(key);
            if (existing != null) {
                byFactor.put(key, existing.plus(group.quantity(), group.co2eKg(), group.activities()));
                continue;
            }
            Optional<FactorSet> set = library.set(group.factorSet()).filter(s -> s.version().equals(group.factorSetVersion()));
            Optional<EmissionFactor> factor = set.flatMap(s -> library.factor(group.factorId()));
            Optional<FactorSet.Source> source = set.flatMap(s -> factor.flatMap(f -> s.sources().stream()
                    .filter(src -> f.citation() != null && f.citation().startsWith(src.citation())).findFirst()));
            // A line's own factor type (a fuel's upstream, electricity's generation or losses) counts under the
            // activity's type: the largest sources and their suggestions speak of electricity and natural gas.
            String type = factor.map(EmissionFactor::type).map(t -> EmissionLines.isLineType(t) ? group.type() : t)
                    .orElse(null);
            byFactor.put(key, new Report.Assumption(group.factorId(), type,
                    group.factorSet(), group.factorSetVersion(), set.map(FactorSet::name).orElse(null),
                    set.map(FactorSet::edition).orElse(null), set.map(s -> s.gwp().id()).orElse(null),
                    factor.map(EmissionFactor::citation).orElse(null), factor.map(EmissionFactor::note).orElse(null),
                    source.map(FactorSet.Source::licence).orElse(null), source.map(FactorSet.Source::url).orElse(null),
                    group.factorUnit(), group.factorCo2ePerUnit(), group.quantity(), group.co2eKg(), group.activities(),
                    factor.map(EmissionFactor::labels).orElse(Map.of()), factor.map(EmissionFactor::notes).orElse(Map.of())));
        }
        List<Report.Assumption> assumptions = new ArrayList<>(byFactor.values());
        assumptions.sort(Comparator.comparingDouble(Report.Assumption::co2eKg).reversed()
                .thenComparing(Report.Assumption::factorId));
        return assumptions;
    }
}
