package org.empreinte.overview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.empreinte.activity.Activity;
import org.empreinte.activity.ActivityEstimate;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.ActivityService;
import org.empreinte.activity.Restatement;
import org.empreinte.activity.kind.FlightKind;
import org.empreinte.calculation.EmissionFactor;
import org.empreinte.calculation.FactorSet;
import org.empreinte.calculation.LargestSources;
import org.empreinte.calculation.Period;
import org.empreinte.calculation.Reductions;
import org.empreinte.calculation.YearComparison;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.footprint.Footprint;
import org.empreinte.footprint.Report;
import org.empreinte.web.Paging;
import org.empreinte.web.ValidationException;

/**
 * What the organization page says in plain words about a year, gathered from the footprint, the report and the
 * previous year, with the rules of calculation/ (YearComparison, LargestSources, PicturedComparison, Reductions) and
 * every kg CO2e computed as logging would (Restatement's estimate, the action plan's).
 */
public class Explanation {

    /** A return flight Montréal–Paris for one passenger: what the total is pictured as. */
    static final Map<String, Object> PICTURED_TRIP = Map.of("from", "YUL", "to", "CDG", "roundTrip", "true", "passengers", "1");
    /** Flights read for the train suggestion, at most: an organization's flights of a year are a few dozen. */
    private static final int FLIGHTS_READ = 500;

    private final ActivityService activities;
    private final Restatement estimates;
    private final Double gasKwhPerM3;
    /** Each factor's conditions by id, read once: the library does not change while the application runs. */
    private final Map<String, Map<String, String>> conditions = new java.util.HashMap<>();
    /** Factors of other lines than an activity's own (a fuel's upstream, the grid's losses): their quantities repeat it. */
    private final java.util.Set<String> lineFactors = new java.util.HashSet<>();
    /** Each type's category (the GHG Protocol's word for it), as its first factor files it. */
    private final Map<String, String> categoryOfType = new java.util.HashMap<>();

    public Explanation(ActivityService activities, Restatement estimates, FactorLibrary library) {
        this.activities = activities;
        this.estimates = estimates;
        this.gasKwhPerM3 = gasEnergy(library).orElse(null);
        for (FactorSet set : library.sets()) {
            for (EmissionFactor factor : set.factors()) {
                conditions.putIfAbsent(factor.id(), factor.conditions());
                // Electricity's generation factor is its direct line: its quantity is the bill's.
                if (org.empreinte.calculation.EmissionLines.isLineType(factor.type())
                        && !org.empreinte.calculation.EmissionLines.GENERATION.equals(factor.type())) {
                    lineFactors.add(factor.id());
                }
                categoryOfType.putIfAbsent(factor.type(), factor.category());
            }
        }
    }

    /** A suggested reduction with both sides estimated; {@code reductionKg} is their difference, positive. */
    static final String UNKNOWN_TYPE = "unknown";

    public record Suggestion(Reductions.Change change, ActivityEstimate from, ActivityEstimate to, double reductionKg) {
    }

    /** The year's plain summary; {@code previous} null when not at hand, {@code report} null when not at hand. */
    public record Summary(int year, Footprint footprint, YearComparison.Result trend, Report.Intensity perEmployee,
            List<LargestSources.Source> largest, boolean largestByType, ActivityEstimate trip, List<Suggestion> suggestions,
            Double gasKwhPerM3, Map<String, String> categoryOfType) {
    }

    public Summary explain(long orgId, int year, Footprint footprint, Footprint previous, Report report, String tag) {
        YearComparison.Result trend = YearComparison.compare(yearOf(footprint),
                previous == null || previous.activityCount() == 0 ? null : yearOf(previous));
        Report.Intensity perEmployee = report == null ? null : report.intensities().stream()
                .filter(i -> "employees".equals(i.metric())).findFirst().orElse(null);
        Map<String, Double> byType = new LinkedHashMap<>();
        if (report != null) {
            // A factor no longer in the library has no type: its emissions still count, under "other sources".
            report.assumptions().forEach(a -> byType.merge(a.type() == null ? UNKNOWN_TYPE : a.type(), a.co2eKg(), Double::sum));
        }
        boolean typed = !byType.isEmpty();
        List<LargestSources.Source> largest = LargestSources.of(typed ? byType : footprint.byCategory(), LargestSources.SHOWN);
        ActivityEstimate trip = estimate(orgId, year, new ActivityRequest(FlightKind.TYPE, null, null, null, null, null, null,
                null, null, null, PICTURED_TRIP));
        List<Suggestion> suggestions = typed ? suggestions(orgId, year, tag, report, largest) : List.of();
        return new Summary(year, footprint, trend, perEmployee, largest, typed, trip, suggestions, gasKwhPerM3, categoryOfType);
    }

    private static YearComparison.Year yearOf(Footprint footprint) {
        int months = (int) footprint.byMonth().values().stream().filter(v -> v != 0).count();
        return new YearComparison.Year(footprint.totalCo2eKg(), months, footprint.byCategory());
    }

    /** The changes for the largest sources, each estimated both sides; a change that reduces nothing is left out. */
    private List<Suggestion> suggestions(long orgId, int year, String tag, Report report, List<LargestSources.Source> largest) {
        List<Suggestion> found = new ArrayList<>();
        for (LargestSources.Source source : largest) {
            List<Reductions.Change> changes = new ArrayList<>();
            if (FlightKind.TYPE.equals(source.category())) {
                shortFlights(orgId, year, tag).ifPresent(changes::add);
            } else {
                Map<String, Quantity> quantities = new LinkedHashMap<>();
                report.assumptions().stream().filter(a -> source.category().equals(a.type()))
                        .filter(a -> !lineFactors.contains(a.factorId())).forEach(a -> {
                    Map<String, String> conditions = conditionsOf(a);
                    quantities.merge(a.unit() + conditions, new Quantity(a.unit(), a.quantity(), conditions), Quantity::plus);
                });
                quantities.values().forEach(q -> changes.addAll(
                        Reductions.forSource(source.category(), q.amount(), q.unit(), q.conditions(), gasKwhPerM3)));
            }
            for (Reductions.Change change : changes) {
                ActivityEstimate from = estimate(orgId, year, request(change.from()));
                ActivityEstimate to = estimate(orgId, year, request(change.to()));
                if (from != null && to != null && from.co2eKg() - to.co2eKg() > 0) {
                    found.add(new Suggestion(change, from, to, from.co2eKg() - to.co2eKg()));
                }
            }
        }
        return found;
    }

    private record Quantity(String unit, double amount, Map<String, String> conditions) {
        Quantity plus(Quantity other) {
            return new Quantity(unit, amount + other.amount, conditions);
        }
    }

    /** The conditions of the factor an assumption names, as the library has them (a waste's material and disposal). */
    private Map<String, String> conditionsOf(Report.Assumption assumption) {
        return conditions.getOrDefault(assumption.factorId(), Map.of());
    }

    /** The year's flights logged between airports with legs short enough for a train, as one change. */
    private Optional<Reductions.Change> shortFlights(long orgId, int year, String tag) {
        Period period = Period.ofYear(year);
        Paging.Slice<Activity> flights = activities.page(orgId, period.start().toString(), period.end().toString(),
                FlightKind.TYPE, tag, Paging.first(FLIGHTS_READ), false);
        double km = 0;
        int legs = 0;
        for (Activity flight : flights.items()) {
            Optional<FlightKind.Trip> trip = FlightKind.trip(flight.attributes());
            if (trip.isPresent() && flight.distanceKm() != null && flight.distanceKm() <= Reductions.TRAIN_UP_TO_KM) {
                int passengerLegs = trip.get().legs() * trip.get().passengers();
                km += flight.distanceKm() * passengerLegs;
                legs += passengerLegs;
            }
        }
        return legs == 0 ? Optional.empty() : Optional.ofNullable(Reductions.trainInsteadOfPlane(km / legs, legs));
    }

    private static ActivityRequest request(Reductions.Side side) {
        return new ActivityRequest(side.type(), side.quantity(), side.unit(), null, null, null, null, null, null, null,
                new LinkedHashMap<>(side.attributes()));
    }

    /** An estimate as the action plan makes it; null when the library cannot price it (no factor for that year). */
    private ActivityEstimate estimate(long orgId, int year, ActivityRequest request) {
        try {
            return estimates.estimate(orgId, year, request);
        } catch (ValidationException e) {
            return null;
        }
    }

    /**
     * The energy of a cubic metre of natural gas, from a factor set that prices it both per m³ and per kWh: the
     * ratio of its two factors (DESNZ 2024: 2.04542 kg/m³ over 0.1829 kg/kWh, 11.18 kWh/m³ gross).
     */
    static Optional<Double> gasEnergy(FactorLibrary library) {
        for (FactorSet set : library.sets()) {
            Double perM3 = null;
            Double perKwh = null;
            for (EmissionFactor factor : set.factors()) {
                if ("natural_gas".equals(factor.type()) && factor.conditions().isEmpty()) {
                    if ("m3".equals(factor.unit().symbol()) && perM3 == null) {
                        perM3 = factor.co2ePerUnit();
                    } else if ("kWh".equals(factor.unit().symbol()) && perKwh == null) {
                        perKwh = factor.co2ePerUnit();
                    }
                }
            }
            if (perM3 != null && perKwh != null && perKwh > 0) {
                return Optional.of(perM3 / perKwh);
            }
        }
        return Optional.empty();
    }
}
