package org.empreinte.activity.kind;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.calculation.SpendConversion;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.web.ValidationException;

/**
 * Purchases (GHG Protocol scope 3 category 1), as {@code API.md} fixes them: {@code quantity} is money
 * ({@code unit} CAD, USD or EUR) and {@code attributes.naics} the supplier's industry, for a spend-based factor
 * applied to the amount in 2022 US dollars (money.yml brings it there); or, where a physical factor exists, a
 * mass ({@code kg}, {@code t}) and {@code attributes.material} (paper, cardboard). A NAICS code of 2 to 5 digits
 * takes the mean of the industries under it.
 */
public final class PurchaseKind implements ActivityKind {

    public static final String TYPE = "purchase";
    private static final MeasurementUnit BASE = MeasurementUnits.find(SpendConversion.BASE_UNIT).orElseThrow();
    private static final MeasurementUnit KG = MeasurementUnits.find("kg").orElseThrow();

    private final FactorLibrary library;
    /** The NAICS codes that have a factor (industries and means), gathered once: an import checks one per row. */
    private final Set<String> codes;

    public PurchaseKind(FactorLibrary library) {
        this.library = library;
        this.codes = library.selector().sets().stream().flatMap(s -> s.factors().stream())
                .filter(f -> TYPE.equals(f.type()) && f.conditions().containsKey("naics"))
                .map(f -> f.conditions().get("naics"))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Group group() {
        return Group.PURCHASES;
    }

    @Override
    public List<Attribute> attributes() {
        return List.of(Attribute.text("naics"),
                Attribute.choice("material", List.of("paper", "cardboard"), "material_").optional().field("purchaseMaterial"));
    }

    @Override
    public List<String> units(FactorSelector selector) {
        return List.of("CAD", "USD", "EUR", "kg", "t");
    }

    @Override
    public Measure measure(Entry entry) {
        Measure entered = entry.entered();
        Map<String, Object> attributes = entry.attributes();
        int year = entry.period().referenceYear();
        String unit = entered.unit().symbol();
        if (library.money().knows(unit) && !unit.equals(SpendConversion.BASE_UNIT)) {
            String naics = naics(attributes.get("naics"));
            double dollars;
            try {
                dollars = library.money().toBaseUsd(entered.quantity(), unit, year);
            } catch (IllegalArgumentException e) {
                // The currency is known, so it is the year the data does not reach: the date is what to change.
                throw new ValidationException("periodStart", e.getMessage() + " (year " + year + ")", "error_money", unit, year);
            }
            return new Measure(entered.quantity(), entered.unit(), dollars, BASE, Map.of("naics", naics));
        }
        if (entered.unit().isCommensurableWith(KG)) {
            Object material = attributes.get("material");
            String name = material == null ? "" : material.toString().strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new ValidationException("attributes.material", "a purchase by mass needs its material (paper, cardboard)",
                        "error_required");
            }
            return entered.withCriteria(Map.of("material", name));
        }
        throw new ValidationException("unit", "a purchase is an amount of money (CAD, USD, EUR) or a mass (kg, t)",
                "error_unit", unit, "CAD, USD, EUR, kg, t");
    }

    @Override
    public ValidationException noFactor(String message, String region) {
        return new ValidationException("attributes.material", message, "error_no_factor_material");
    }

    /** The code if the library has a factor for it (a 6-digit industry, or a 2-to-5-digit mean). */
    private String naics(Object value) {
        String code = value == null ? "" : value.toString().strip();
        if (code.isEmpty()) {
            throw new ValidationException("attributes.naics", "a purchase by amount needs the supplier's NAICS (SCIAN) code",
                    "error_required");
        }
        if (!code.matches("\\d{2,6}")) {
            throw new ValidationException("attributes.naics", "a NAICS (SCIAN) code has 2 to 6 digits", "error_sector");
        }
        if (!codes.contains(code)) {
            throw new ValidationException("attributes.naics", "no spend-based factor for NAICS " + code, "error_naics", code);
        }
        return code;
    }
}
