package org.empreinte.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The answers as the page reads them, turned into the year's estimated activities by hand. */
class QuestionnairePlanTest {

    private static final BuildingEnergy ENERGY = BuildingEnergy.shipped();

    private static QuestionnairePlan.Answers answers(Map<String, Double> numbers, Map<String, String> choices) {
        return new QuestionnairePlan.Answers(new HashMap<>(numbers), new HashMap<>(choices));
    }

    private static List<QuestionnairePlan.Planned> plan(Map<String, Double> numbers, Map<String, String> choices) {
        return QuestionnairePlan.plan(2024, answers(numbers, choices), ENERGY, question -> "Q " + question);
    }

    @Test
    void theShippedIntensityIsThePublishedOneWithItsSource() {
        assertThat(ENERGY.gjPerSquareMetre()).isEqualTo(1.31);
        assertThat(ENERGY.source()).contains("Statistics Canada", "2019", "1.31 GJ/m2");
        assertThat(ENERGY.licence()).isEqualTo("Statistics Canada Open Licence");
        // 250 m2 x 1.31 GJ/m2 = 327.5 GJ; 1 GJ = 1,000,000 kJ / 3,600 kJ per kWh = 277.777... kWh: 90,972.2 kWh.
        assertThat(ENERGY.kwhPerYear(250)).isCloseTo(327.5 * 1e6 / 3600, within(1e-6));
    }

    @Test
    void aSmallChildcareCentresAnswersBecomeTheYearsEstimatedActivities() {
        List<QuestionnairePlan.Planned> planned = plan(Map.of("employees", 12.0, "commuteCar", 8.0, "commuteTransit", 3.0,
                "commuteKm", 10.0, "commuteDays", 220.0, "heatingQuantity", 8000.0, "vehicleLitres", 1500.0,
                "purchase311991", 20000.0, "wasteLandfillKg", 2000.0), Map.of("heating", "natural_gas", "vehicleFuel", "gasoline"));

        assertThat(planned).extracting(QuestionnairePlan.Planned::question).containsExactly("commuteCar", "commuteTransit",
                "heatingQuantity", "vehicleLitres", "purchase311991", "wasteLandfillKg");
        Map<String, Object> gas = planned.get(2).request();
        assertThat(gas).containsEntry("type", "natural_gas").containsEntry("quantity", 8000.0).containsEntry("unit", "m3")
                .containsEntry("periodStart", "2024-01-01").containsEntry("periodEnd", "2024-12-31")
                .containsEntry("dataQuality", "estimated").containsEntry("tags", List.of("bilan-simplifie-2024"));
        assertThat(gas.get("attributes")).isEqualTo(Map.of("note", "Q heatingQuantity", "question", "heatingQuantity"));
        assertThat(planned.get(0).request().get("attributes")).isEqualTo(Map.of("mode", "car", "fuel", "gasoline",
                "employees", 8.0, "days", 220.0, "note", "Q commuteCar", "question", "commuteCar"));
        assertThat(planned.get(3).request()).containsEntry("type", "car").containsEntry("unit", "L");
        assertThat(planned.get(4).request()).containsEntry("type", "purchase").containsEntry("unit", "CAD");
    }

    @Test
    void theHeatedAreaIsUsedOnlyWithoutTheYearsQuantity() {
        List<QuestionnairePlan.Planned> byArea = plan(Map.of("heatedArea", 250.0), Map.of("heating", "natural_gas"));
        assertThat(byArea).hasSize(1);
        assertThat(byArea.get(0).request()).containsEntry("type", "natural_gas").containsEntry("unit", "kWh");
        assertThat((Double) byArea.get(0).request().get("quantity")).isCloseTo(250 * 1.31 * 1e6 / 3600, within(1e-6));

        assertThat(plan(Map.of("heatedArea", 250.0, "heatingQuantity", 8000.0), Map.of("heating", "natural_gas")))
                .extracting(QuestionnairePlan.Planned::question).containsExactly("heatingQuantity");
        assertThat(plan(Map.of("heatedArea", 250.0, "electricityKwh", 40000.0), Map.of("heating", "electricity")))
                .extracting(QuestionnairePlan.Planned::question).containsExactly("electricityKwh");
    }

    @Test
    void anAnswerThatCannotBecomeAnActivityNamesItsQuestion() {
        assertThatThrownBy(() -> plan(Map.of("heatedArea", 250.0), Map.of()))
                .isInstanceOfSatisfying(QuestionnairePlan.Refused.class, e -> assertThat(e.question()).isEqualTo("heating"));
        assertThatThrownBy(() -> plan(Map.of("commuteCar", 4.0), Map.of()))
                .isInstanceOfSatisfying(QuestionnairePlan.Refused.class, e -> assertThat(e.question()).isEqualTo("commuteKm"));
        assertThatThrownBy(() -> plan(Map.of("employees", 3.0, "commuteCar", 4.0, "commuteKm", 5.0, "commuteDays", 200.0),
                Map.of())).isInstanceOfSatisfying(QuestionnairePlan.Refused.class,
                        e -> assertThat(e.question()).isEqualTo("commuteCar"));
        assertThatThrownBy(() -> plan(Map.of("flights", 2.0), Map.of()))
                .isInstanceOfSatisfying(QuestionnairePlan.Refused.class,
                        e -> assertThat(e.question()).isEqualTo("flightDestination"));
    }

    @Test
    void nothingAnsweredIsNothingToLog() {
        assertThat(plan(Map.of(), Map.of())).isEmpty();
    }
}
