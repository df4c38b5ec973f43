package org.empreinte.organization;

import org.empreinte.calculation.Period;
import org.empreinte.web.NumberFields;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * What an organization counts in one year, to divide its emissions by: FTE, revenue, and one
 * denominator of its own (members, meals served, volunteer hours). Any may be left out.
 */
public record YearFigures(Integer year, Double employees, Double revenueCad, String customLabel, Double customValue) {

    /** The body of {@code PUT .../years/{year}}, checked; the year comes from the path. */
    public YearFigures validated(int pathYear) {
        if (pathYear < Period.EARLIEST_YEAR || pathYear > Period.LATEST_YEAR) {
            throw new ValidationException("year", "year must be a year between "
                    + Period.EARLIEST_YEAR + " and " + Period.LATEST_YEAR, "error_year");
        }
        if (year != null && year != pathYear) {
            throw new ValidationException("year", "the body's year differs from the address's", "error_year_mismatch");
        }
        // Denominators: above zero, with the profile's bounds (a custom count, such as meals served, as revenue).
        between("employees", employees, OrganizationRequest.MAX_EMPLOYEES);
        between("revenueCad", revenueCad, OrganizationRequest.MAX_REVENUE_CAD);
        between("customValue", customValue, OrganizationRequest.MAX_REVENUE_CAD);
        String label = TextFields.blankToNull(customLabel);
        if (label != null && label.length() > 100) {
            throw new ValidationException("customLabel", "customLabel must be at most 100 characters", "error_too_long", 100);
        }
        TextFields.line("customLabel", label);
        if ((label == null) != (customValue == null)) {
            throw new ValidationException(label == null ? "customLabel" : "customValue",
                    "a denominator of your own needs both its label and its value", "error_custom_denominator");
        }
        return new YearFigures(pathYear, employees, revenueCad, label, customValue);
    }

    private static void between(String field, Double value, double max) {
        if (value != null) {
            NumberFields.between(field, value, OrganizationRequest.MIN_FIGURE, max);
        }
    }
}
