package org.empreinte.calculation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.measure.Dimension;
import javax.measure.IncommensurableException;
import javax.measure.MetricPrefix;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;

import systems.uom.common.USCustomary;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.BaseUnit;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * The units people find on their bills and receipts, by the symbols they type, mapped onto
 * JSR 385 units so that every conversion is done by Indriya rather than by constants typed here.
 */
public final class MeasurementUnits {

    /**
     * A unit as the application knows it: its canonical symbol, its JSR 385 definition and its
     * dimension, worked out once (Indriya derives it anew on every compatibility check).
     */
    public record MeasurementUnit(String symbol, Unit<?> unit, Dimension dimension) {
        public boolean isCommensurableWith(MeasurementUnit other) {
            return dimension.equals(other.dimension);
        }
    }

    private record Conversion(String from, String to) {
    }

    /** Converters built once per pair of units: every activity converts, and building one is not cheap. */
    private static final Map<Conversion, UnitConverter> CONVERTERS = new ConcurrentHashMap<>();

    private static final Map<String, MeasurementUnit> CANONICAL = new LinkedHashMap<>();
    private static final Map<String, MeasurementUnit> BY_SPELLING = new LinkedHashMap<>();

    static {
        Unit<?> kilowattHour = MetricPrefix.KILO(Units.WATT).multiply(Units.HOUR);
        define(kilowattHour, "kWh", "kwh");
        define(MetricPrefix.MEGA(Units.WATT).multiply(Units.HOUR), "MWh", "mwh");
        define(MetricPrefix.GIGA(Units.JOULE), "GJ", "gj");
        define(MetricPrefix.MEGA(Units.JOULE), "MJ", "mj");
        define(Units.CUBIC_METRE, "m3", "m³", "m^3");
        define(Units.LITRE, "L", "l", "litre", "liter", "litres", "liters");
        define(USCustomary.GALLON_LIQUID, "US gal", "us gal", "usgal", "gal");
        define(Units.KILOGRAM, "kg");
        define(MetricPrefix.MEGA(Units.GRAM), "t", "tonne", "tonnes");
        define(MetricPrefix.KILO(Units.METRE), "km");
        define(USCustomary.MILE, "mi", "mile", "miles");
        // Working hours, which home-working is counted in.
        define(Units.HOUR, "h", "hour", "hours", "heure", "heures");
        // A count: hotel room-nights.
        define(AbstractUnit.ONE, "night", "nights", "nuit", "nuits", "room-night", "room-nights");
        // Money: each currency is a dimension of its own, so no unit conversion ever turns one into
        // another; amounts go through SpendConversion (rates and price indices by year) instead.
        define(new BaseUnit<>("CAD", UnitDimension.parse('C')), "CAD", "$CA", "$ CA");
        define(new BaseUnit<>("USD", UnitDimension.parse('U')), "USD", "US$");
        define(new BaseUnit<>("EUR", UnitDimension.parse('E')), "EUR", "€");
        define(new BaseUnit<>("USD2022", UnitDimension.parse('D')), SpendConversion.BASE_UNIT);
    }

    private MeasurementUnits() {
    }

    private static void define(Unit<?> unit, String symbol, String... otherSpellings) {
        MeasurementUnit measurementUnit = new MeasurementUnit(symbol, unit, unit.getDimension());
        CANONICAL.put(symbol, measurementUnit);
        BY_SPELLING.put(symbol.toLowerCase(Locale.ROOT), measurementUnit);
        for (String spelling : otherSpellings) {
            BY_SPELLING.put(spelling.toLowerCase(Locale.ROOT), measurementUnit);
        }
    }

    /** Finds a unit by any accepted spelling, ignoring case and surrounding blanks. */
    public static Optional<MeasurementUnit> find(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_SPELLING.get(spelling.strip().toLowerCase(Locale.ROOT)));
    }

    public static List<MeasurementUnit> all() {
        return List.copyOf(CANONICAL.values());
    }

    /** Converts {@code value} from one unit to another of the same dimension. */
    public static double convert(double value, MeasurementUnit from, MeasurementUnit to) {
        if (from.symbol().equals(to.symbol())) {
            return value;
        }
        if (!from.isCommensurableWith(to)) {
            throw new IllegalArgumentException("cannot convert " + from.symbol() + " to " + to.symbol());
        }
        return CONVERTERS.computeIfAbsent(new Conversion(from.symbol(), to.symbol()), pair -> {
            try {
                return from.unit().getConverterToAny(to.unit());
            } catch (IncommensurableException | UnconvertibleException e) {
                throw new IllegalArgumentException("cannot convert " + from.symbol() + " to " + to.symbol(), e);
            }
        }).convert(value);
    }
}
