package org.empreinte.calculation;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Brings an amount of money spent in a given year to the dollars of the spend-based factors
 * (US dollars of the base year, 2022 for USEEIO v1.3). An amount in CAD of year Y is brought to
 * base-year CAD with Canada's CPI, then converted at the base year's average rate; an amount in
 * USD is brought to base-year USD with the US CPI; one in another currency is first converted to
 * CAD at its year's average rate. A year after the last of the data takes the last year's values;
 * a year before the first is refused.
 *
 * @param cadPerUnit by currency, by year: Canadian dollars per unit (annual averages)
 * @param priceIndex by currency (CAD, USD), by year: the consumer price index
 */
public record SpendConversion(int baseYear, Map<String, NavigableMap<Integer, Double>> cadPerUnit,
        Map<String, NavigableMap<Integer, Double>> priceIndex) {

    public static final String BASE_UNIT = "USD2022";

    public SpendConversion {
        cadPerUnit = copy(cadPerUnit);
        priceIndex = copy(priceIndex);
    }

    public static SpendConversion none() {
        return new SpendConversion(2022, Map.of(), Map.of());
    }

    public boolean knows(String currency) {
        return "CAD".equals(currency) || "USD".equals(currency) || cadPerUnit.containsKey(currency);
    }

    /** @throws IllegalArgumentException naming the currency or year the data does not cover */
    public double toBaseUsd(double amount, String currency, int year) {
        return switch (currency) {
            case "USD" -> amount * value(priceIndex, "USD", baseYear) / value(priceIndex, "USD", year);
            case "CAD" -> amount * value(priceIndex, "CAD", baseYear) / value(priceIndex, "CAD", year)
                    / value(cadPerUnit, "USD", baseYear);
            default -> toBaseUsd(amount * value(cadPerUnit, currency, year), "CAD", year);
        };
    }

    /**
     * The year of the price index an amount of {@code year} in {@code currency} is brought forward with: the year
     * itself, or the last one published when the data stops before it (a 2025 purchase with indices up to 2024).
     */
    public int indexYear(String currency, int year) {
        NavigableMap<Integer, Double> byYear = priceIndex.get("USD".equals(currency) ? "USD" : "CAD");
        Integer published = byYear == null ? null : byYear.floorKey(year);
        return published == null ? year : published;
    }

    private static double value(Map<String, NavigableMap<Integer, Double>> table, String currency, int year) {
        NavigableMap<Integer, Double> byYear = table.get(currency);
        if (byYear == null || byYear.isEmpty()) {
            throw new IllegalArgumentException("no exchange rate or price index for " + currency);
        }
        if (year < byYear.firstKey()) {
            throw new IllegalArgumentException("no exchange rate or price index for " + currency + " before " + byYear.firstKey());
        }
        return byYear.floorEntry(year).getValue();
    }

    private static Map<String, NavigableMap<Integer, Double>> copy(Map<String, NavigableMap<Integer, Double>> table) {
        Map<String, NavigableMap<Integer, Double>> copy = new TreeMap<>();
        table.forEach((key, values) -> copy.put(key, java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(values))));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
