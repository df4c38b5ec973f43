package org.empreinte.inventory;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The live year against its latest submission: what the organization's page explains ("since you submitted,
 * +3.2 t: 4 activities added, natural gas factor updated").
 *
 * @param changed false when the live figures equal the submitted ones (to a milligram) with the same factors
 * @param activities live activities of the year less the submitted count
 * @param factors factors whose set version or value differs, or that only one side applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Difference(boolean changed, double totalCo2eKg, long activities, Map<String, Double> byScope,
        List<FactorChange> factors) {

    /** A factor applied differently: {@code submitted*} null when it is new, {@code live*} null when no longer used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FactorChange(String factorId, String type, String factorSet, String submittedVersion,
            Double submittedCo2eKgPerUnit, String liveVersion, Double liveCo2eKgPerUnit) {
    }
}
