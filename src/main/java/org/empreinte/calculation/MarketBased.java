package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scope 2 by the market-based method of the GHG Protocol's Scope 2 Guidance: electricity covered by
 * a contractual instrument (a supplier's own rate, renewable electricity with its certificates) counts
 * at the instrument's rate; the rest keeps its location-based emissions. The Guidance asks for a
 * residual mix there; Canada publishes none, so uncovered electricity stays at the grid average and
 * the report says so.
 */
public final class MarketBased {

    /** Electricity of one site (null: none) in one year, with its location-based emissions. */
    public record Consumption(Long siteId, int year, double kwh, double locationCo2eKg) {
    }

    /** A contract for one site (null: every site) from one year to another. */
    public record Instrument(long id, Long siteId, int fromYear, int toYear, double co2eKgPerKwh) {

        boolean covers(Consumption consumption) {
            return consumption.year() >= fromYear && consumption.year() <= toYear
                    && (siteId == null || siteId.equals(consumption.siteId()));
        }
    }

    /** What one instrument covered. */
    public record Covered(long instrumentId, double kwh, double marketCo2eKg, double locationCo2eKg) {
    }

    public record Result(double locationCo2eKg, double marketCo2eKg, double coveredKwh, double uncoveredKwh,
            List<Covered> instruments) {

        /** True when no instrument covered any electricity: market-based is then location-based. */
        public boolean equalsLocationBased() {
            return instruments.isEmpty();
        }
    }

    private MarketBased() {
    }

    /**
     * Each consumption takes the instrument that covers it, a site's own before one for every site and,
     * among equals, the one recorded last (the newer contract replaces the older).
     */
    public static Result apply(List<Consumption> consumptions, List<Instrument> instruments) {
        Comparator<Instrument> preference = Comparator.<Instrument>comparingInt(i -> i.siteId() == null ? 1 : 0)
                .thenComparing(Comparator.comparingLong(Instrument::id).reversed());
        List<Instrument> ordered = new ArrayList<>(instruments);
        ordered.sort(preference);
        double location = 0;
        double market = 0;
        double covered = 0;
        double uncovered = 0;
        Map<Long, Covered> byInstrument = new LinkedHashMap<>();
        for (Consumption consumption : consumptions) {
            location += consumption.locationCo2eKg();
            Optional<Instrument> instrument = ordered.stream().filter(i -> i.covers(consumption)).findFirst();
            if (instrument.isEmpty()) {
                market += consumption.locationCo2eKg();
                uncovered += consumption.kwh();
                continue;
            }
            double kg = consumption.kwh() * instrument.get().co2eKgPerKwh();
            market += kg;
            covered += consumption.kwh();
            byInstrument.merge(instrument.get().id(),
                    new Covered(instrument.get().id(), consumption.kwh(), kg, consumption.locationCo2eKg()),
                    (a, b) -> new Covered(a.instrumentId(), a.kwh() + b.kwh(), a.marketCo2eKg() + b.marketCo2eKg(),
                            a.locationCo2eKg() + b.locationCo2eKg()));
        }
        return new Result(location, market, covered, uncovered, List.copyOf(byInstrument.values()));
    }
}
