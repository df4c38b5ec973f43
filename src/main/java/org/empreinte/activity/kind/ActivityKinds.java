package org.empreinte.activity.kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.empreinte.calculation.EmissionLines;
import org.empreinte.calculation.FactorSelector;
import org.empreinte.factor.FactorLibrary;

/**
 * The registry of activity kinds, by type: the one place that says which types exist. A type is loggable when
 * its kind is available with the library loaded; a factor type no class describes (a new factor file's) is
 * loggable as a {@link SimpleKind}, through the API and CSV only, as it was before kinds had classes.
 */
public final class ActivityKinds {

    /** Attributes given to an existing kind, in the order they were added: their columns follow all others. */
    private static final List<String> ADDED_LATER = List.of(PurchaseKind.TAXES_INCLUDED, FlightKind.FLIGHT_FACTORS,
            CarKind.CHARGED_KWH);

    private final FactorSelector selector;
    /** Loggable kinds in registration order: the CSV's attribute columns follow it. */
    private final Map<String, ActivityKind> byType;
    /** The loggable types as the library lists its factors, then the kinds priced by others' factors. */
    private final Set<String> types;
    /** Every registered kind's attributes, once by key, available or not: a file's layout does not follow the library. */
    private final List<Attribute> attributes;

    private ActivityKinds(FactorLibrary library, List<ActivityKind> registered, int shipped) {
        this.selector = library.selector();
        Set<String> factorTypes = selector.types();
        Set<String> served = new LinkedHashSet<>();
        registered.forEach(kind -> served.addAll(kind.servedFactorTypes()));
        Map<String, ActivityKind> kinds = new LinkedHashMap<>();
        for (ActivityKind kind : registered) {
            if (kinds.containsKey(kind.type())) {
                throw new IllegalArgumentException("two kinds of type " + kind.type());
            }
            if (kind.available(factorTypes)) {
                kinds.put(kind.type(), kind);
            }
        }
        for (String type : factorTypes) {
            if (!served.contains(type) && !kinds.containsKey(type) && !EmissionLines.isLineType(type)) {
                kinds.put(type, new SimpleKind(type, Group.NONE));
            }
        }
        this.byType = Collections.unmodifiableMap(kinds);
        Set<String> ordered = new LinkedHashSet<>();
        factorTypes.stream().filter(kinds::containsKey).forEach(ordered::add);
        ordered.addAll(kinds.keySet());
        this.types = Collections.unmodifiableSet(ordered);
        // Attributes added to a shipped kind after its columns were published follow the shipped kinds' others, so
        // that older files keep their layout; those of kinds registered after the shipped ones come after them.
        Map<String, Attribute> byKey = new LinkedHashMap<>();
        Map<String, Attribute> late = new LinkedHashMap<>();
        for (int i = 0; i < registered.size(); i++) {
            if (i == shipped) {
                ADDED_LATER.stream().filter(late::containsKey).forEach(key -> byKey.putIfAbsent(key, late.get(key)));
                late.clear();
            }
            for (Attribute attribute : registered.get(i).attributes()) {
                (ADDED_LATER.contains(attribute.key()) ? late : byKey).putIfAbsent(attribute.key(), attribute);
            }
        }
        ADDED_LATER.stream().filter(late::containsKey).forEach(key -> byKey.putIfAbsent(key, late.get(key)));
        this.attributes = List.copyOf(byKey.values());
    }

    /** The kinds Empreinte ships, and {@code more} (a test's made-up kind) after them. */
    public static ActivityKinds of(FactorLibrary library, ActivityKind... more) {
        CarKind car = new CarKind(library);
        List<ActivityKind> kinds = new ArrayList<>();
        // In the order they were published, so that files written before a kind was added keep their columns.
        for (String fuel : List.of("electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline")) {
            kinds.add(new SimpleKind(fuel, Group.ENERGY));
        }
        kinds.add(new FlightKind(library.airports()));
        kinds.add(car);
        kinds.add(new HotelKind());
        kinds.add(new PurchaseKind(library));
        kinds.add(new WasteKind());
        kinds.add(PassengerTransportKind.bus());
        kinds.add(PassengerTransportKind.train());
        kinds.add(new SimpleKind("taxi", Group.TRAVEL));
        kinds.add(new CommutingKind(car));
        kinds.add(new HomeworkingKind(library));
        int shipped = kinds.size();
        kinds.addAll(List.of(more));
        return new ActivityKinds(library, kinds, shipped);
    }

    public Optional<ActivityKind> find(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type));
    }

    /** The types an activity can be logged as. */
    public Set<String> types() {
        return types;
    }

    /** The loggable kinds, in {@link #types()}'s order. */
    public List<ActivityKind> kinds() {
        return types.stream().map(byType::get).toList();
    }

    /** The units a type can be entered in, for forms and refusals; an unknown type's are those of its factors. */
    public List<String> unitsFor(String type) {
        return find(type).map(kind -> kind.units(selector)).orElseGet(() -> selector.acceptedUnits(type));
    }

    /**
     * Every attribute of the registered kinds, once by key (its first kind's), in registration order: the CSV's
     * attribute columns.
     */
    public List<Attribute> attributes() {
        return attributes;
    }
}
