package org.empreinte.activity.kind;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.empreinte.calculation.FactorSelector;

/**
 * Employee commuting (GHG Protocol category 7), a survey's answer: quantity the one-way distance,
 * {@code attributes.employees}, {@code attributes.days} (working days in the period) and {@code attributes.mode}
 * (car, with its {@code fuel}; bus; train; metro). It is the trips one by one: employees x days x 2 trips of
 * that distance, with the mode's factor, one employee per car. It has no factor of its own.
 */
public final class CommutingKind implements ActivityKind {

    public static final List<String> MODES = List.of("car", "bus", "train", "metro");

    private final CarKind car;

    public CommutingKind(CarKind car) {
        this.car = car;
    }

    @Override
    public String type() {
        return "commuting";
    }

    @Override
    public Group group() {
        return Group.TRAVEL;
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.choice("mode", MODES, "mode_"), Attribute.choice("fuel", CarKind.FUELS, "fuel_"),
                Attribute.number("employees"), Attribute.number("days"));
    }

    @Override
    public boolean available(Set<String> factorTypes) {
        return factorTypes.contains(CarKind.TYPE);
    }

    @Override
    public List<String> units(FactorSelector selector) {
        return List.of("km", "mi");
    }

    @Override
    public Measure measure(Entry entry) {
        Measure entered = entry.entered();
        Map<String, Object> attributes = entry.attributes();
        Attributes.requireDistance(entered);
        String mode = Attributes.choice(attributes, "mode", MODES, null);
        int employees = Attributes.count(attributes, "employees", 100_000);
        int days = Attributes.count(attributes, "days", Attributes.periodDays(entry));
        double trips = 2.0 * employees * days;
        Measure trip = switch (mode) {
            case "car" -> car.trip(attributes, entered, false);
            case "bus" -> entered.withCriteria(Map.of("kind", "local"));
            case "train" -> entered.withCriteria(Map.of("kind", "intercity"));
            default -> entered.withCriteria(Map.of("kind", "urban"));
        };
        String factorType = trip.factorType() != null ? trip.factorType() : mode.equals("metro") ? "train" : mode;
        return new Measure(entered.quantity(), entered.unit(), trip.factorQuantity() * trips, trip.factorUnit(),
                trip.criteria(), factorType, null, 3, "employee_commuting");
    }
}
