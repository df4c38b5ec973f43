package org.empreinte.inventory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An organization's year: its state, the submission others read and what changed since.
 *
 * @param submitted the submission networks and benchmarks read (the latest), null while never submitted
 * @param versions every submission, oldest first, without their figures
 * @param sinceSubmitted the live figures against the latest submission; null while never submitted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Inventory(long organizationId, int year, String state, String comment, String updatedAt, String updatedBy,
        InventoryVersion submitted, List<VersionSummary> versions, Difference sinceSubmitted) {

    public record VersionSummary(int version, String submittedAt, String submittedBy, double totalCo2eKg) {
    }
}
