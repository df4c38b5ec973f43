package org.empreinte.calculation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;

/**
 * The lines an activity yields beside its direct one, found by factor type in the library:
 * <ul>
 * <li>a fuel of type {@code T} has an upstream line where a factor of type {@code T_upstream} exists for its region
 * and unit dimension (well-to-tank: extraction, refining, transport of the fuel, scope 3 category 3), and so has a car
 * trip in km ({@code car_upstream} by fuel, counted in its factor's category: business travel);</li>
 * <li>electricity whose region has both a generation intensity ({@code electricity_generation}) and a losses
 * intensity ({@code electricity_losses}) counts the generation as its direct scope 2 line and the transmission
 * and distribution losses (consumption minus generation intensity) as a scope 3 category 3 line, as the GHG
 * Protocol's Scope 2 Guidance asks; the two add up to the consumption intensity. Where either is missing (a
 * region outside Canada, a year whose table gives no generation intensity) the consumption factor stays the direct
 * line alone, so that nothing counts twice; the pair is taken only when it is of the consumption factor's own region
 * and data year, so that the two lines always add up to the consumption intensity the bill would otherwise take.</li>
 * </ul>
 */
public final class EmissionLines {

    public static final String ELECTRICITY = "electricity";
    public static final String GENERATION = "electricity_generation";
    public static final String ELECTRICITY_LOSSES = "electricity_losses";
    public static final String UPSTREAM_SUFFIX = "_upstream";

    private EmissionLines() {
    }

    /** A factor type that prices a line beside an activity's own, never an activity by itself. */
    public static boolean isLineType(String type) {
        return type.endsWith(UPSTREAM_SUFFIX) || GENERATION.equals(type) || ELECTRICITY_LOSSES.equals(type);
    }

    /**
     * The activity's lines, its direct one first.
     *
     * @param direct the result of the activity's own factor type, as selected today
     */
    public static List<EmissionLine> of(EmissionCalculator calculator, String type, double quantity, MeasurementUnit unit,
            Period period, String region, EmissionResult direct) {
        return of(calculator, type, quantity, unit, period, region, direct, Map.of());
    }

    /**
     * The same, with the criteria the activity's own factor was selected by, which its upstream factor takes too (a
     * car's {@code fuel}: the upstream per km of the same fuel's car).
     */
    public static List<EmissionLine> of(EmissionCalculator calculator, String type, double quantity, MeasurementUnit unit,
            Period period, String region, EmissionResult direct, Map<String, String> criteria) {
        List<EmissionLine> lines = new ArrayList<>();
        if (ELECTRICITY.equals(type)) {
            EmissionResult generation = optional(calculator, GENERATION, quantity, unit, period, region);
            EmissionResult losses = optional(calculator, ELECTRICITY_LOSSES, quantity, unit, period, region);
            if (generation != null && losses != null && pairs(direct.factor(), generation.factor())
                    && pairs(direct.factor(), losses.factor())) {
                lines.add(EmissionLine.of(EmissionLine.DIRECT, generation));
                lines.add(EmissionLine.of(EmissionLine.LOSSES, losses));
                return lines;
            }
            lines.add(EmissionLine.of(EmissionLine.DIRECT, direct));
            return lines;
        }
        lines.add(EmissionLine.of(EmissionLine.DIRECT, direct));
        EmissionResult upstream = optional(calculator, type + UPSTREAM_SUFFIX, quantity, unit, period, region, criteria);
        if (upstream != null) {
            lines.add(EmissionLine.of(EmissionLine.UPSTREAM, upstream));
        }
        return lines;
    }

    /** True when a part of the consumption intensity comes from the same table's row: same region, same data year. */
    private static boolean pairs(EmissionFactor consumption, EmissionFactor part) {
        return consumption.region().equals(part.region()) && consumption.year() == part.year();
    }

    /** The result of a factor type that may not exist for this region or unit: null then. */
    public static EmissionResult optional(EmissionCalculator calculator, String type, double quantity, MeasurementUnit unit,
            Period period, String region) {
        return optional(calculator, type, quantity, unit, period, region, Map.of());
    }

    /** The same, selected by the activity's criteria. */
    public static EmissionResult optional(EmissionCalculator calculator, String type, double quantity, MeasurementUnit unit,
            Period period, String region, Map<String, String> criteria) {
        if (!calculator.selector().types().contains(type)) {
            return null;
        }
        try {
            return calculator.calculate(type, quantity, unit, period, region, criteria);
        } catch (FactorSelectionException e) {
            return null;
        }
    }
}
