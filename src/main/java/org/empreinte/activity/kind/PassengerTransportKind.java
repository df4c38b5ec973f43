package org.empreinte.activity.kind;

import java.util.List;
import java.util.Map;

/**
 * A bus ({@code kind} local or coach) or a train (intercity, urban, international): distance times
 * {@code passengers} (1 when left out). The form names each type's kind apart, as their choices differ.
 */
public record PassengerTransportKind(String type, List<String> kinds, String defaultKind) implements ActivityKind {

    public static final List<String> BUS_KINDS = List.of("local", "coach");
    public static final List<String> TRAIN_KINDS = List.of("intercity", "urban", "international");

    public static PassengerTransportKind bus() {
        return new PassengerTransportKind("bus", BUS_KINDS, "local");
    }

    public static PassengerTransportKind train() {
        return new PassengerTransportKind("train", TRAIN_KINDS, "intercity");
    }

    @Override
    public Group group() {
        return Group.TRAVEL;
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.choice("kind", kinds, "kind_").field(type + "Kind"), Attribute.count("passengers"));
    }

    @Override
    public Measure measure(Entry entry) {
        Measure entered = entry.entered();
        Attributes.requireDistance(entered);
        String kind = Attributes.choice(entry.attributes(), "kind", kinds, defaultKind);
        int passengers = Attributes.passengers(entry.attributes().get("passengers"));
        return new Measure(entered.quantity(), entered.unit(), entered.quantity() * passengers, entered.unit(),
                Map.of("kind", kind));
    }
}
