package org.empreinte.activity.kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.empreinte.web.ValidationException;

/** Room-nights in {@code attributes.country}, whose factor applies whatever the organization's region. */
public final class HotelKind implements ActivityKind {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

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

    @Override
    public Measure measure(Entry entry) {
        Measure entered = entry.entered();
        Object value = entry.attributes().get("country");
        String country = value == null ? "" : value.toString().strip().toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            throw new ValidationException("attributes.country", "a hotel stay needs its country (ISO 3166-1, such as CA)",
                    "error_required");
        }
        if (!COUNTRIES.contains(country)) {
            throw new ValidationException("attributes.country", "unknown country code '" + country + "'", "error_region");
        }
        return new Measure(entered.quantity(), entered.unit(), entered.quantity(), entered.unit(), Map.of(), null, country,
                null, null);
    }

    @Override
    public ValidationException noFactor(String message, String region) {
        return new ValidationException("attributes.country", message, "error_no_factor_country");
    }
}
