package org.empreinte.network;

import java.util.List;

/** {@code POST /api/networks}: a name and, optionally, a network-wide target. */
public record NetworkRequest(String name, TargetRequest target) {

    /** Scopes are read as any JSON value so that a wrong one is a 422 naming {@code target.scopes}. */
    public record TargetRequest(Integer baseYear, Integer targetYear, Double reductionPercent, List<Object> scopes) {
    }
}
