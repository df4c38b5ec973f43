package org.empreinte.activity;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST} and {@code PUT .../activities} as {@code API.md} fixes it. Dates are
 * read as text so that a bad one is a 422 naming its field rather than an unreadable body.
 *
 * @param site the site's id, or its name
 */
public record ActivityRequest(
        String type,
        Double quantity,
        String unit,
        String periodStart,
        String periodEnd,
        String date,
        String region,
        Object site,
        List<String> tags,
        String dataQuality,
        Map<String, Object> attributes) {
}
