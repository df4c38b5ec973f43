package org.empreinte.organization;

import org.empreinte.calculation.Regions;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/** The body of {@code POST /api/organizations/{orgId}/sites}. */
public record SiteRequest(String name, String region) {

    public SiteRequest validated() {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new ValidationException("name", "name is required", "error_required");
        }
        if (cleanName.length() > 200) {
            throw new ValidationException("name", "name must be at most 200 characters", "error_too_long", 200);
        }
        TextFields.line("name", cleanName);
        String cleanRegion = region == null ? "" : region.strip().toUpperCase();
        if (!Regions.isKnown(cleanRegion)) {
            throw new ValidationException("region", "region must be an ISO 3166-2 code such as CA-QC, or an ISO 3166-1 country code",
                    "error_region");
        }
        return new SiteRequest(cleanName, cleanRegion);
    }
}
