package org.empreinte.calculation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The value-added sales taxes (GST, HST, QST) in force in each Canadian province and territory, by the date each
 * rate took effect: what to take out of an amount paid taxes included, so that the spend-based factors (US
 * purchaser prices, which carry no value-added tax) apply to the amount before taxes.
 *
 * @param byRegion by ISO 3166-2 region, by effective date: the taxes in force from that date
 */
public record SalesTaxes(Map<String, NavigableMap<LocalDate, Rates>> byRegion) {

    /**
     * The taxes in force from one date in one region.
     *
     * @param taxes the rate of each tax (0.05 for 5 %), in the order they are named
     * @param source the citation of the rates
     */
    public record Rates(LocalDate from, Map<String, Double> taxes, String source) {
        public Rates {
            taxes = Collections.unmodifiableMap(new LinkedHashMap<>(taxes));
        }

        /** The taxes add up on the same price before taxes (the QST is no longer charged on the GST since 2013). */
        public double total() {
            return taxes.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The amount before taxes of an amount paid taxes included. */
        public double withoutTaxes(double amount) {
            return amount / (1 + total());
        }
    }

    public SalesTaxes {
        Map<String, NavigableMap<LocalDate, Rates>> copy = new TreeMap<>();
        byRegion.forEach((region, rates) -> copy.put(region, Collections.unmodifiableNavigableMap(new TreeMap<>(rates))));
        byRegion = Collections.unmodifiableMap(copy);
    }

    public static SalesTaxes none() {
        return new SalesTaxes(Map.of());
    }

    /** The taxes in force on {@code day} in {@code region}; empty for a region without rates or a day before the first. */
    public Optional<Rates> at(String region, LocalDate day) {
        NavigableMap<LocalDate, Rates> rates = region == null ? null : byRegion.get(region);
        if (rates == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(rates.floorEntry(day)).map(Map.Entry::getValue);
    }
}
