package org.empreinte.activity.kind;

import java.util.List;
import java.util.Map;

import org.empreinte.web.ValidationException;

/** A mass of waste, {@code attributes.material} and {@code attributes.disposal}, both required. */
public final class WasteKind implements ActivityKind {

    public static final List<String> MATERIALS = List.of("mixed", "food", "garden", "paper", "cardboard", "plastic", "glass",
            "metal", "electronics", "wood", "textiles");
    public static final List<String> DISPOSALS = List.of("landfill", "recycling", "composting", "incineration");

    @Override
    public String type() {
        return "waste";
    }

    @Override
    public Group group() {
        return Group.WASTE;
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.choice("material", MATERIALS, "material_"),
                Attribute.choice("disposal", DISPOSALS, "disposal_"));
    }

    @Override
    public Measure measure(Entry entry) {
        Measure entered = entry.entered();
        return entered.withCriteria(Map.of(
                "material", Attributes.choice(entry.attributes(), "material", MATERIALS, null),
                "disposal", Attributes.choice(entry.attributes(), "disposal", DISPOSALS, null)));
    }

    @Override
    public ValidationException noFactor(String message, String region) {
        return new ValidationException("attributes.disposal", message, "error_no_factor_waste");
    }
}
