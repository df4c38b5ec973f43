package org.empreinte.activity.kind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.empreinte.calculation.FactorSelector;
import org.empreinte.calculation.MeasurementUnits;
import org.empreinte.calculation.MeasurementUnits.MeasurementUnit;
import org.empreinte.calculation.Period;
import org.empreinte.calculation.SalesTaxes;
import org.empreinte.calculation.SpendConversion;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.SpendCodes;
import org.empreinte.web.ValidationException;

/**
 * Purchases (GHG Protocol scope 3 category 1), as {@code API.md} fixes them: {@code quantity} is money
 * ({@code unit} CAD, USD or EUR) and {@code attributes.naics} the supplier's industry, for a spend-based factor
 * applied to the amount in 2022 US dollars (money.yml brings it there); or, where a physical factor exists, a
 * mass ({@code kg}, {@code t}) and {@code attributes.material} (paper, cardboard). A NAICS code of 2 to 5 digits
 * takes the mean of the industries under it. {@code attributes.taxesIncluded} (false when left out: amounts are
 * taken before taxes, as a registrant's books record them) says the amount includes GST and QST, or HST, which
 * then come out at the rates of the purchase's province and date (sales-taxes.yml) before the factor applies.
 */
public final class PurchaseKind implements ActivityKind {

    public static final String TYPE = "purchase";
    public static final String TAXES_INCLUDED = "taxesIncluded";
    private static final MeasurementUnit BASE = MeasurementUnits.find(SpendConversion.BASE_UNIT).orElseThrow();
    private static final MeasurementUnit KG = MeasurementUnits.find("kg").orElseThrow();

    private final FactorLibrary library;
    /** The NAICS codes that have a factor (industries and means), gathered once: an import checks one per row. */
    private final SpendCodes codes;

    public PurchaseKind(FactorLibrary library) {
        this.library = library;
        this.codes = SpendCodes.of(library);
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
        return List.of(Attribute.text("naics").list("naics-list"),
                Attribute.choice("material", List.of("paper", "cardboard"), "material_").optional().field("purchaseMaterial"),
                Attribute.flag(TAXES_INCLUDED));
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
            double beforeTaxes = taxes(attributes, entry.region(), entry.period())
                    .map(rates -> rates.withoutTaxes(entered.quantity())).orElse(entered.quantity());
            double dollars;
            try {
                dollars = library.money().toBaseUsd(beforeTaxes, unit, year);
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

    /**
     * The note of a purchase's result: the taxes taken out, and the year of the price index when the data stops
     * before the purchase's year; null when neither applies.
     */
    @Override
    public String resultNote(Map<String, Object> attributes, Period period, String region, String unit) {
        if (!library.money().knows(unit) || SpendConversion.BASE_UNIT.equals(unit)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String typed = attributes == null ? null : Attributes.text(attributes.get("naics"));
        if (typed != null && !codes.has(typed)) {
            codes.nearest(typed).ifPresent(nearest -> parts.add("NAICS " + typed + " has no factor of its own: that of "
                    + nearest + " applies"));
        }
        try {
            taxes(attributes == null ? Map.of() : attributes, region, period).ifPresent(rates -> parts.add(
                    "amount taxes included: " + rates.taxes().entrySet().stream()
                            .map(t -> t.getKey() + " " + percent(t.getValue())).collect(Collectors.joining(" + "))
                            + " taken out (amount / " + divisor(rates)
                            + ", rates in force from " + rates.from() + ")"));
        } catch (ValidationException e) {
            // Logged before the rates changed and no longer priceable: the recomputation reports it, not the note.
        }
        int year = period.referenceYear();
        int indexYear = library.money().indexYear(unit, year);
        if (indexYear != year) {
            parts.add(("USD".equals(unit) ? "US CPI-U" : "Canada CPI") + " of " + indexYear + " used for a " + year
                    + " purchase (the last year money.yml publishes)");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The taxes to take out, when the amount includes them; refused where the rates are not known. */
    private Optional<SalesTaxes.Rates> taxes(Map<String, Object> attributes, String region, Period period) {
        if (!taxesIncluded(attributes.get(TAXES_INCLUDED))) {
            return Optional.empty();
        }
        LocalDate day = period.start().plusDays((period.days() - 1) / 2);
        return Optional.of(library.salesTaxes().at(region, day).orElseThrow(() -> new ValidationException(
                "attributes." + TAXES_INCLUDED, "no GST/HST/QST rates for region " + region + " on " + day
                        + ": give the amount before taxes, or a Canadian province", "error_sales_taxes", region,
                day.toString())));
    }

    private static boolean taxesIncluded(Object value) {
        if (value == null || value.toString().isBlank()) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "vrai", "1" -> true;
            case "false", "no", "non", "faux", "0" -> false;
            default -> throw new ValidationException("attributes." + TAXES_INCLUDED, "taxesIncluded must be true or false",
                    "error_taxes_included");
        };
    }

    /** 1 plus the rates, in decimal so that the note reads 1.14 and not 1.1400000000000001. */
    private static String divisor(SalesTaxes.Rates rates) {
        return rates.taxes().values().stream().map(BigDecimal::valueOf).reduce(BigDecimal.ONE, BigDecimal::add)
                .stripTrailingZeros().toPlainString();
    }

    private static String percent(double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }

    @Override
    public ValidationException noFactor(String message, String region) {
        return new ValidationException("attributes.material", message, "error_no_factor_material");
    }

    /**
     * The code whose factor applies: the code itself when the library has a factor for it (a 6-digit industry, or a
     * 2-to-5-digit mean), or, for a class of NAICS Canada 2022 without one, the nearest coarser code that has one.
     */
    private String naics(Object value) {
        String code = value == null ? "" : value.toString().strip();
        if (code.isEmpty()) {
            throw new ValidationException("attributes.naics", "a purchase by amount needs the supplier's NAICS (SCIAN) code",
                    "error_required");
        }
        if (!code.matches("\\d{2,6}")) {
            throw new ValidationException("attributes.naics", "a NAICS (SCIAN) code has 2 to 6 digits", "error_sector");
        }
        if (codes.has(code)) {
            return code;
        }
        Optional<String> nearest = library.naics().find(code).flatMap(c -> codes.nearest(code));
        return nearest.orElseThrow(() -> new ValidationException("attributes.naics", "no spend-based factor for NAICS " + code
                + (library.naics().find(code).isPresent() ? " nor for a coarser code" : " (not a NAICS Canada 2022 class)"),
                "error_naics", code));
    }
}
