package org.empreinte.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The questions of the simplified yearly assessment and how the answers become activities: each answered question
 * gives one or more requests for the whole year, estimated, tagged with the questionnaire's tag of that year (what
 * a second answer replaces) and carrying the question as their note. No framework: the pages read the form into
 * {@link Answers}, this class says what to log or which question is refused.
 */
public final class QuestionnairePlan {

    public enum Input { NUMBER, CHOICE }

    /** A question: its form field, and for a choice the values offered. */
    public record Question(String name, Input input, List<String> choices) {

        static Question number(String name) {
            return new Question(name, Input.NUMBER, List.of());
        }

        static Question choice(String name, String... choices) {
            return new Question(name, Input.CHOICE, List.of(choices));
        }
    }

    /** A group of questions shown together (one step of the page). */
    public record Section(String name, List<Question> questions) {
    }

    /**
     * Typical purchases of a small organization, by NAICS code (six digits, so that one USEEIO industry prices each),
     * in the order offered.
     */
    public static final List<String> PURCHASE_CODES = List.of("311991", "322230", "325611", "334111", "337211", "339930",
            "541611", "561720");

    /** The usual destinations, reached from Montréal-Trudeau (YUL), there and back. */
    public static final List<String> DESTINATIONS = List.of("YQB", "YYZ", "YVR", "JFK", "CDG");
    static final String ORIGIN = "YUL";
    /** The attribute that names the question an activity answers: what a second visit reads the answers back from. */
    static final String QUESTION = "question";

    public static final List<Section> SECTIONS = List.of(
            new Section("people", List.of(Question.number("employees"), Question.number("commuteCar"),
                    Question.number("commuteTransit"), Question.number("commuteKm"), Question.number("commuteDays"))),
            new Section("building", List.of(Question.number("electricityKwh"),
                    Question.choice("heating", "", "electricity", "natural_gas", "heating_oil", "propane"),
                    Question.number("heatingQuantity"), Question.number("heatedArea"))),
            new Section("vehicles", List.of(Question.choice("vehicleFuel", "gasoline", "diesel"),
                    Question.number("vehicleLitres"), Question.number("vehicleKm"))),
            new Section("travel", List.of(Question.number("flights"), Question.choice("flightDestination",
                    DESTINATIONS.toArray(String[]::new)), Question.number("trainKm"), Question.number("carKm"))),
            new Section("purchases", PURCHASE_CODES.stream().map(code -> Question.number("purchase" + code)).toList()),
            new Section("waste", List.of(Question.number("wasteLandfillKg"), Question.number("wasteRecyclingKg"),
                    Question.number("wasteCompostKg"))));

    /** The answers as read from the form: numbers (null when left empty) and choices. */
    public record Answers(Map<String, Double> numbers, Map<String, String> choices) {

        Double number(String name) {
            return numbers.get(name);
        }

        String choice(String name) {
            String value = choices.get(name);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** One activity to log, and the question it answers. */
    public record Planned(String question, Map<String, Object> request) {
    }

    /** A question answered in a way no activity can be made of, with the message key that says why. */
    public static final class Refused extends RuntimeException {

        private final String question;
        private final String messageKey;

        Refused(String question, String messageKey) {
            super(question + ": " + messageKey);
            this.question = question;
            this.messageKey = messageKey;
        }

        public String question() {
            return question;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private QuestionnairePlan() {
    }

    /** The tag that marks the activities the questionnaire logged for a year, and only those. */
    public static String tag(int year) {
        return "bilan-simplifie-" + year;
    }

    /**
     * The activities the answers give, in the order of the questions. {@code note} gives a question's text, stored
     * as the activity's note.
     *
     * @throws Refused naming the first question that cannot be turned into an activity
     */
    public static List<Planned> plan(int year, Answers answers, BuildingEnergy energy, Function<String, String> note) {
        Plan plan = new Plan(year, note);
        // People: the commuting survey of CommutingKind, one activity per mode, each employee twice a day.
        Double employees = answers.number("employees");
        Double byCar = answers.number("commuteCar");
        Double byTransit = answers.number("commuteTransit");
        if (employees != null && employees < (nonNull(byCar) + nonNull(byTransit))) {
            throw new Refused("commuteCar", "q_error_more_than_employees");
        }
        if (nonNull(byCar) + nonNull(byTransit) > 0) {
            Double km = answers.number("commuteKm");
            Double days = answers.number("commuteDays");
            if (km == null) {
                throw new Refused("commuteKm", "q_error_required_for_commute");
            }
            if (days == null) {
                throw new Refused("commuteDays", "q_error_required_for_commute");
            }
            if (nonNull(byCar) > 0) {
                plan.add("commuteCar", "commuting", km, "km", Map.of("mode", "car", "fuel", "gasoline", "employees", byCar,
                        "days", days));
            }
            if (nonNull(byTransit) > 0) {
                plan.add("commuteTransit", "commuting", km, "km", Map.of("mode", "bus", "employees", byTransit, "days", days));
            }
        }
        // The building: its bills' totals, or failing them its floor area.
        String heating = answers.choice("heating");
        Double electricity = answers.number("electricityKwh");
        Double heatingQuantity = answers.number("heatingQuantity");
        Double area = answers.number("heatedArea");
        if (electricity != null) {
            plan.add("electricityKwh", "electricity", electricity, "kWh", Map.of());
        }
        if (heatingQuantity != null) {
            if (heating == null) {
                throw new Refused("heating", "q_error_heating_source");
            }
            if (heating.equals("electricity")) {
                throw new Refused("heatingQuantity", "q_error_heating_electric");
            }
            plan.add("heatingQuantity", heating, heatingQuantity, heating.equals("natural_gas") ? "m3" : "L", Map.of());
        }
        if (area != null) {
            boolean known = heatingQuantity != null || ("electricity".equals(heating) && electricity != null);
            if (!known) {
                if (heating == null) {
                    throw new Refused("heating", "q_error_heating_source");
                }
                plan.add("heatedArea", heating, energy.kwhPerYear(area), "kWh", Map.of("heatedAreaM2", area));
            }
        }
        // Vehicles: their fuel in litres (scope 1), or their distance.
        String fuel = answers.choice("vehicleFuel");
        Double litres = answers.number("vehicleLitres");
        Double vehicleKm = answers.number("vehicleKm");
        if (litres != null || vehicleKm != null) {
            Map<String, Object> attributes = Map.of("fuel", fuel == null ? "gasoline" : fuel);
            if (litres != null) {
                plan.add("vehicleLitres", "car", litres, "L", attributes);
            } else {
                plan.add("vehicleKm", "car", vehicleKm, "km", attributes);
            }
        }
        // Business travel.
        Double flights = answers.number("flights");
        if (flights != null && flights > 0) {
            String destination = answers.choice("flightDestination");
            if (destination == null || !DESTINATIONS.contains(destination)) {
                throw new Refused("flightDestination", "q_error_destination");
            }
            plan.add("flights", "flight", null, null, Map.of("from", ORIGIN, "to", destination, "roundTrip", true,
                    "passengers", flights));
        }
        plan.addIfPositive("trainKm", "train", answers.number("trainKm"), "km", Map.of("kind", "intercity"));
        plan.addIfPositive("carKm", "car", answers.number("carKm"), "km", Map.of());
        // Purchases, from the financial statements, in Canadian dollars of the year.
        for (String code : PURCHASE_CODES) {
            plan.addIfPositive("purchase" + code, "purchase", answers.number("purchase" + code), "CAD", Map.of("naics", code));
        }
        // Waste, by weight.
        plan.addIfPositive("wasteLandfillKg", "waste", answers.number("wasteLandfillKg"), "kg",
                Map.of("material", "mixed", "disposal", "landfill"));
        plan.addIfPositive("wasteRecyclingKg", "waste", answers.number("wasteRecyclingKg"), "kg",
                Map.of("material", "paper", "disposal", "recycling"));
        plan.addIfPositive("wasteCompostKg", "waste", answers.number("wasteCompostKg"), "kg",
                Map.of("material", "food", "disposal", "composting"));
        return plan.planned;
    }

    private static double nonNull(Double value) {
        return value == null ? 0 : value;
    }

    /** The activities gathered, each over the whole year. */
    private static final class Plan {

        private final int year;
        private final Function<String, String> note;
        private final List<Planned> planned = new ArrayList<>();

        Plan(int year, Function<String, String> note) {
            this.year = year;
            this.note = note;
        }

        void addIfPositive(String question, String type, Double quantity, String unit, Map<String, Object> attributes) {
            if (quantity != null && quantity != 0) {
                add(question, type, quantity, unit, attributes);
            }
        }

        void add(String question, String type, Double quantity, String unit, Map<String, Object> attributes) {
            Map<String, Object> all = new LinkedHashMap<>(attributes);
            all.put("note", note.apply(question));
            all.put(QUESTION, question);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("type", type);
            request.put("quantity", quantity);
            request.put("unit", unit);
            request.put("periodStart", year + "-01-01");
            request.put("periodEnd", year + "-12-31");
            request.put("tags", List.of(tag(year)));
            request.put("dataQuality", "estimated");
            request.put("attributes", all);
            planned.add(new Planned(question, request));
        }
    }
}
