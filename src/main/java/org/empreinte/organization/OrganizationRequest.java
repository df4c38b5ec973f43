package org.empreinte.organization;

import java.util.Set;
import java.util.regex.Pattern;

import org.empreinte.calculation.Regions;
import org.empreinte.web.NumberFields;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/** The body of {@code POST} and {@code PUT /api/organizations}, checked field by field. */
public record OrganizationRequest(
        String name,
        String sector,
        String region,
        Double employees,
        Double annualRevenueCad,
        String legalForm,
        Boolean includeRadiativeForcing) {

    /** A request that keeps the default flight reporting (with radiative forcing). */
    public OrganizationRequest(String name, String sector, String region, Double employees, Double annualRevenueCad,
            String legalForm) {
        this(name, sector, region, employees, annualRevenueCad, legalForm, null);
    }

    /** Flights include radiative forcing unless the organization says otherwise. */
    public boolean radiativeForcing() {
        return includeRadiativeForcing == null || includeRadiativeForcing;
    }

    /**
     * The smallest FTE or revenue above zero: a hundredth (about 20 hours a year, a cent). Below it an
     * intensity per FTE or per dollar would be a division by next to nothing.
     */
    public static final double MIN_FIGURE = 0.01;
    /** Above the largest employer there is; 0 stays allowed, for an organization run by volunteers. */
    public static final double MAX_EMPLOYEES = 1_000_000;
    /** Ten trillion dollars, above any organization's revenue. */
    public static final double MAX_REVENUE_CAD = 1e13;
    public static final Set<String> LEGAL_FORMS = Set.of("cooperative", "nonprofit", "mutual", "other");
    private static final Pattern NAICS = Pattern.compile("\\d{2,6}");

    /** Returns the request with blanks trimmed, or throws naming the first field at fault. */
    public OrganizationRequest validated() {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new ValidationException("name", "name is required", "error_required");
        }
        if (cleanName.length() > 200) {
            throw new ValidationException("name", "name must be at most 200 characters", "error_too_long", 200);
        }
        TextFields.line("name", cleanName);
        String cleanSector = sector == null ? "" : sector.strip();
        if (!NAICS.matcher(cleanSector).matches()) {
            throw new ValidationException("sector", "sector must be a NAICS (SCIAN) code of 2 to 6 digits", "error_sector");
        }
        String cleanRegion = region == null ? "" : region.strip().toUpperCase();
        if (!Regions.isKnown(cleanRegion)) {
            throw new ValidationException("region", "region must be an ISO 3166-2 code such as CA-QC, or an ISO 3166-1 country code",
                    "error_region");
        }
        if (employees == null) {
            throw new ValidationException("employees", "employees (full-time equivalents) is required", "error_required");
        }
        NumberFields.zeroOrBetween("employees", employees, MIN_FIGURE, MAX_EMPLOYEES);
        if (annualRevenueCad != null) {
            NumberFields.zeroOrBetween("annualRevenueCad", annualRevenueCad, MIN_FIGURE, MAX_REVENUE_CAD);
        }
        String cleanForm = TextFields.blankToNull(legalForm);
        if (cleanForm != null && !LEGAL_FORMS.contains(cleanForm)) {
            throw new ValidationException("legalForm", "legalForm must be one of cooperative, nonprofit, mutual, other",
                    "error_legal_form");
        }
        return new OrganizationRequest(cleanName, cleanSector, cleanRegion, employees, annualRevenueCad, cleanForm,
                includeRadiativeForcing);
    }
}
