package org.empreinte.target;

import java.util.List;

/**
 * The body of {@code POST .../targets} as {@code API.md} fixes it, plus an optional name, the intensity's
 * {@code metric} and a {@code preset} that fills the reduction from the years. Scopes are read as any JSON
 * value so that a wrong one is a 422 naming {@code scopes}, not an unreadable body.
 */
public record TargetRequest(String name, Integer baseYear, Integer targetYear, Double reductionPercent, List<Object> scopes,
        String kind, String metric, String preset) {
}
