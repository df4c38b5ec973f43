package org.empreinte.target;

import java.util.Map;

/**
 * The body of {@code POST} and {@code PUT .../actions}: the expected yearly reduction is either entered
 * ({@code expectedYearlyReductionCo2eKg}) or estimated from a {@code change} of activity.
 */
public record ActionRequest(String title, String category, Double expectedYearlyReductionCo2eKg, Change change,
        Integer startYear, String status) {

    /** An activity replaced by another: 20,000 km by car become 20,000 km by train. */
    public record Change(ActivityChange from, ActivityChange to) {
    }

    /** One year of an activity, as it would be logged. */
    public record ActivityChange(String type, Double quantity, String unit, String region, Map<String, Object> attributes) {
    }
}
