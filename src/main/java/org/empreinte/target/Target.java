package org.empreinte.target;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A reduction target as the API returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(long id, long organizationId, String name, int baseYear, int targetYear, double reductionPercent,
        List<Integer> scopes, String kind, String metric, String preset, String createdAt) {

    public static final String ABSOLUTE = "absolute";
    public static final String INTENSITY = "intensity";

    public boolean intensity() {
        return INTENSITY.equals(kind);
    }
}
