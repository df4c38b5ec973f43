package org.empreinte.organization;

import java.util.Locale;

import org.empreinte.calculation.Period;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * An instrument for market-based scope 2 (GHG Protocol Scope 2 Guidance): a supplier's own emission
 * rate, or renewable electricity bought with its attributes (certificates, a power purchase
 * agreement) at 0 kg CO2e per kWh. It covers the electricity of one site, or of every site when
 * {@code siteId} is null, in the years {@code fromYear} to {@code toYear}.
 */
public record ElectricityContract(Long id, Long siteId, String kind, Double co2eKgPerKwh, Integer fromYear, Integer toYear,
        String description) {

    public static final String SUPPLIER = "supplier";
    public static final String RENEWABLE = "renewable";

    public ElectricityContract validated() {
        String cleanKind = kind == null ? "" : kind.strip().toLowerCase(Locale.ROOT);
        if (!cleanKind.equals(SUPPLIER) && !cleanKind.equals(RENEWABLE)) {
            throw new ValidationException("kind", "kind must be supplier or renewable", "error_choice", "supplier, renewable");
        }
        double rate;
        if (cleanKind.equals(RENEWABLE)) {
            if (co2eKgPerKwh != null && co2eKgPerKwh != 0) {
                throw new ValidationException("co2eKgPerKwh", "renewable electricity with its attributes counts 0 kg per kWh",
                        "error_renewable_rate");
            }
            rate = 0;
        } else {
            if (co2eKgPerKwh == null) {
                throw new ValidationException("co2eKgPerKwh", "a supplier's rate is required", "error_required");
            }
            // The dirtiest grids run near 1.2 kg/kWh; above 2 is a unit mistake (g for kg).
            if (co2eKgPerKwh.isNaN() || co2eKgPerKwh < 0 || co2eKgPerKwh > 2) {
                throw new ValidationException("co2eKgPerKwh", "co2eKgPerKwh must be between 0 and 2", "error_rate_range");
            }
            rate = co2eKgPerKwh;
        }
        if (fromYear == null || fromYear < Period.EARLIEST_YEAR || fromYear > Period.LATEST_YEAR) {
            throw new ValidationException("fromYear", "fromYear must be a year between "
                    + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR, "error_year");
        }
        int end = toYear == null ? fromYear : toYear;
        if (end < fromYear || end > Period.LATEST_YEAR) {
            throw new ValidationException("toYear", "toYear must be a year from fromYear to " + Period.LATEST_YEAR, "error_year");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            throw new ValidationException("description", "say what the contract is (supplier, certificates...)", "error_required");
        }
        if (text.length() > 500) {
            throw new ValidationException("description", "description must be at most 500 characters", "error_too_long", 500);
        }
        TextFields.text("description", text);
        return new ElectricityContract(id, siteId, cleanKind, rate, fromYear, end, text);
    }
}
