package org.empreinte.activity.kind;

import java.util.List;
import java.util.Map;

import org.empreinte.calculation.Countries;
import org.empreinte.web.ValidationException;

/**
 * Room-nights in {@code attributes.country} (its ISO 3166-1 code, or its name in French or English), whose factor
 * applies whatever the organization's region.
 */
public final class HotelKind implements ActivityKind {

    @Override
    public String type() {
        return "hotel";
    }

    @Override
    public Group group() {
        return Group.TRAVEL;
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.text("country"));
    }

    /** A country written by its name (Allemagne, Germany) is stored as its code (DE), as the API documents it. */
    @Override
    public Map<String, Object> canonical(Map<String, Object> attributes) {
        String text = Attributes.text(attributes.get("country"));
        if (text != null) {
            attributes.put("country", Countries.code(text).orElseThrow(() -> new ValidationException("attributes.country",
                    "unknown country '" + text + "': give its ISO 3166-1 code (CA, FR, DE) or its name in French or English"
                            + " (Allemagne, Germany)", "error_country", text)));
        }
        return attributes;
    }

    @Override
    public Measure measure(Entry entry) {
        Measure entered = entry.entered();
        String text = Attributes.text(entry.attributes().get("country"));
        if (text == null) {
            throw new ValidationException("attributes.country", "a hotel stay needs its country (ISO 3166-1 code such as CA,"
                    + " or its name)", "error_required");
        }
        String country = Countries.code(text).orElseThrow(() -> new ValidationException("attributes.country",
                "unknown country '" + text + "': give its ISO 3166-1 code (CA, FR, DE) or its name in French or English",
                "error_country", text));
        return new Measure(entered.quantity(), entered.unit(), entered.quantity(), entered.unit(), Map.of(), null, country,
                null, null);
    }

    @Override
    public ValidationException noFactor(String message, String region) {
        return new ValidationException("attributes.country", message, "error_no_factor_country");
    }
}
