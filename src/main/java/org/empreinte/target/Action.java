package org.empreinte.target;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.empreinte.activity.ActivityEstimate;

/**
 * An action of the plan as the API returns it. {@code estimate} is set when the reduction was estimated
 * from a change of activity: both activities with the factors they were computed with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(long id, long organizationId, String title, String category, int scope,
        double expectedYearlyReductionCo2eKg, Estimate estimate, int startYear, String status, String createdAt,
        String updatedAt) {

    public static final String PLANNED = "planned";
    public static final String IN_PROGRESS = "in_progress";
    public static final String DONE = "done";

    public record Estimate(ActivityEstimate from, ActivityEstimate to) {
    }
}
