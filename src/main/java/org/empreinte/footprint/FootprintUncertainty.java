package org.empreinte.footprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.EmissionLine;
import org.empreinte.calculation.Gas;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.Uncertainty;
import org.empreinte.calculation.Uncertainty.Shape;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.UncertaintyTable;

/**
 * A period's 95 % interval from its result keys: one line per key (scope, category, type, site, data quality and
 * factor), its months summed, each line's quantity at its data quality's uncertainty and its factor at the factor's.
 *
 * <p>Within a key, the activities' quantity errors are taken as fully correlated: a key holds one way of obtaining
 * the quantities (twelve bills of one meter, one estimate repeated month after month), whose error tends to repeat,
 * and treating them as independent would shrink the interval by the square root of their number; this is the
 * conservative choice. Keys priced with the same factor share its error ({@link Uncertainty#propagate}).
 *
 * <p>An activity's lines (a gas bill's combustion and upstream, a bill's generation and losses, a plug-in hybrid's
 * litres and their upstream, its kWh charged and their losses) are priced on one quantity, so their quantity errors are
 * one error: keys of the same site, activity type and data quality whose factors take a quantity of the same dimension
 * (volume, energy, distance...) are one {@linkplain Uncertainty.Line#quantityGroup() quantity group}, whose quantity part
 * of the variance is the square of the sum of its lines' kg x uncertainty. Keys come from running totals, which no
 * longer know their activities; regrouping them by activity would mean reading every activity of the period, so the
 * group is the nearest the keys can say: it joins each activity's lines, and, as a key already did, the activities of
 * one type, site and quality (conservative again). The dimension keeps a plug-in hybrid's litres and its kWh charged
 * apart: two readings, two errors. Factor errors stay one per factor. Draws over keys, not activities, keep Monte
 * Carlo cheap.
 */
final class FootprintUncertainty {

    static final String APPROACH_1 = "ipcc-approach-1";
    static final String MONTE_CARLO = "monte-carlo";
    /** Enough for the 2.5th and 97.5th percentiles to move by well under 1 % from one seed to another. */
    static final int DRAWS = 10_000;
    /** Fixed: a report shows the same interval every time it is computed. */
    static final long SEED = 20261129L;
    /** The sources of uncertainty a report names. */
    static final int SOURCES = 5;

    private FootprintUncertainty() {
    }

    static Footprint.Interval approach1(List<FootprintDao.Group> groups, FactorLibrary library, UncertaintyTable table) {
        Lines lines = lines(groups, library, table);
        return interval(APPROACH_1, Uncertainty.propagate(lines.lines()), lines, library);
    }

    static Footprint.Interval monteCarlo(List<FootprintDao.Group> groups, FactorLibrary library, UncertaintyTable table) {
        Lines lines = lines(groups, library, table);
        if (lines.lines().isEmpty()) {
            return interval(MONTE_CARLO, Uncertainty.propagate(List.of()), lines, library);
        }
        return interval(MONTE_CARLO, Uncertainty.monteCarlo(lines.lines(), Shape.NORMAL, DRAWS, SEED), lines, library);
    }

    /** The lines of a period, and the activity type and line of each factor, to name the sources. */
    record Lines(List<Uncertainty.Line> lines, Map<String, String> typeOfFactor, Map<String, String> lineOfFactor) {
    }

    static Lines lines(List<FootprintDao.Group> groups, FactorLibrary library, UncertaintyTable table) {
        // A record rather than a string of the columns: its hash costs no formatting of the factor's value.
        Map<FactorKey, double[]> byKey = new LinkedHashMap<>();
        Map<FactorKey, FootprintDao.Group> first = new LinkedHashMap<>();
        for (FootprintDao.Group g : groups) {
            FactorKey key = new FactorKey(g.scope(), g.category(), g.siteId(), g.type(), g.dataQuality(), g.factorId(),
                    g.factorSet(), g.factorSetVersion(), g.factorUnit(), g.factorCo2ePerUnit());
            double[] sums = byKey.computeIfAbsent(key, k -> new double[5]);
            sums[0] += g.co2eKg();
            sums[1] += g.co2Co2eKg();
            sums[2] += g.ch4Co2eKg();
            sums[3] += g.n2oCo2eKg();
            sums[4] += g.unspecifiedCo2eKg();
            first.putIfAbsent(key, g);
        }
        List<Uncertainty.Line> lines = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> roles = new LinkedHashMap<>();
        byKey.forEach((key, sums) -> {
            FootprintDao.Group g = first.get(key);
            UncertaintyTable.Value factor = factor(g, sums, library, table);
            UncertaintyTable.Value quantity = table.quantity(g.dataQuality(), g.type());
            lines.add(new Uncertainty.Line(g.factorId(), sums[0], quantity.uncertainty(), factor.uncertainty(),
                    shape(quantity), shape(factor), quantityGroup(g)));
            types.putIfAbsent(g.factorId(), g.type());
            roles.putIfAbsent(g.factorId(), g.line() == null ? EmissionLine.DIRECT : g.line());
        });
        return new Lines(lines, types, roles);
    }

    /** What the lines of one factor applied to one kind of activity, at one site and data quality, share. */
    private record FactorKey(int scope, String category, Long siteId, String type, String dataQuality, String factorId,
            String factorSet, String factorSetVersion, String factorUnit, double factorCo2ePerUnit) {
    }

    /** The quantity a key's lines were priced on: its site, activity type, data quality and the factor unit's dimension. */
    static String quantityGroup(FootprintDao.Group g) {
        String dimension = MeasurementUnits.find(g.factorUnit()).map(u -> u.dimension().toString()).orElse(g.factorUnit());
        return g.siteId() + "|" + g.type() + "|" + g.dataQuality() + "|" + dimension;
    }

    /** A factor still in the library by its own entry; one that has left it by its type, set and the key's gases. */
    private static UncertaintyTable.Value factor(FootprintDao.Group g, double[] sums, FactorLibrary library,
            UncertaintyTable table) {
        Optional<EmissionFactor> factor = library.factor(g.factorId());
        if (factor.isPresent()) {
            return table.factor(factor.get());
        }
        Map<String, Double> gases = new LinkedHashMap<>();
        gases.put(Gas.CO2, sums[1]);
        gases.put(Gas.CH4, sums[2]);
        gases.put(Gas.N2O, sums[3]);
        gases.put(Gas.UNSPECIFIED, sums[4]);
        return table.factor(g.type(), g.factorSet(), g.category(), null, gases);
    }

    private static Shape shape(UncertaintyTable.Value value) {
        return value.uncertainty() > UncertaintyTable.SKEWED_ABOVE ? Shape.LOGNORMAL : value.shape();
    }

    private static Footprint.Interval interval(String method, Uncertainty.Interval interval, Lines lines,
            FactorLibrary library) {
        List<Footprint.UncertaintySource> sources = new ArrayList<>();
        for (Uncertainty.Contribution c : interval.contributions()) {
            if (sources.size() == SOURCES || c.share() == 0) {
                break;
            }
            sources.add(new Footprint.UncertaintySource(c.factor(), lines.typeOfFactor().get(c.factor()),
                    lines.lineOfFactor().get(c.factor()),
                    library.factor(c.factor()).map(EmissionFactor::labels).orElse(Map.of()), c.co2eKg(), c.share()));
        }
        // Emissions are not negative: Approach 1's symmetric interval is cut at zero where a source's uncertainty is
        // large enough to reach below it (IPCC Vol. 1 ch. 3 advises Approach 2 for such cases).
        double lower = interval.total() >= 0 ? Math.max(0, interval.lower()) : interval.lower();
        return new Footprint.Interval(method, lower, interval.upper(), interval.relative(), sources,
                MONTE_CARLO.equals(method) ? DRAWS : null, MONTE_CARLO.equals(method) ? SEED : null, lines.lines());
    }
}
