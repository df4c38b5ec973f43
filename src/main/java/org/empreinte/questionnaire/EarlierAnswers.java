package org.empreinte.questionnaire;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.empreinte.activity.Activity;

/**
 * The answers a year's questionnaire activities were made from, read back from them (each names its question in
 * {@code attributes.question}), so that answering again starts from what was answered rather than from nothing.
 */
final class EarlierAnswers {

    private EarlierAnswers() {
    }

    /** The form's values, as the page's language writes numbers. */
    static Map<String, String> of(List<Activity> activities, String language) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Activity activity : activities) {
            Map<String, Object> attributes = activity.attributes() == null ? Map.of() : activity.attributes();
            Object question = attributes.get(QuestionnairePlan.QUESTION);
            if (question == null) {
                continue;
            }
            String name = question.toString();
            switch (name) {
                case "commuteCar", "commuteTransit" -> {
                    values.put(name, plain(attributes.get("employees"), language));
                    values.put("commuteKm", plain(activity.quantity(), language));
                    values.put("commuteDays", plain(attributes.get("days"), language));
                }
                case "heatingQuantity" -> {
                    values.put("heating", activity.type());
                    values.put(name, plain(activity.quantity(), language));
                }
                case "heatedArea" -> {
                    values.put("heating", activity.type());
                    values.put(name, plain(attributes.get("heatedAreaM2"), language));
                }
                case "vehicleLitres", "vehicleKm" -> {
                    values.put("vehicleFuel", String.valueOf(attributes.get("fuel")));
                    values.put(name, plain(activity.quantity(), language));
                }
                case "flights" -> {
                    values.put(name, plain(attributes.get("passengers"), language));
                    values.put("flightDestination", String.valueOf(attributes.get("to")));
                }
                default -> values.put(name, plain(activity.quantity(), language));
            }
        }
        return values;
    }

    private static String plain(Object value, String language) {
        if (!(value instanceof Number number)) {
            return value == null ? "" : value.toString();
        }
        String text = BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
        return "fr".equals(language) ? text.replace('.', ',') : text;
    }
}
