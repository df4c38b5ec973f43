package org.empreinte.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;
import org.empreinte.auth.AuthFilter;

/**
 * The simplified assessment as a browser without scripts posts it: a small childcare centre's answers weigh what the
 * cited factors give by hand, a second answer for the year replaces the first (and only the questionnaire's
 * activities still estimated: one corrected to measured stays), and an answer refused by the activity rules stores
 * nothing and names its question.
 */
@Tiers.Api
@Tiers.Slow
@ExtendWith(DropwizardExtensionsSupport.class)
public class QuestionnairePagesTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /** eccc-natural-gas-ca-qc: CO2 1.926 kg/m3, CH4 0.000037 kg/m3 x 28, N2O 0.000035 kg/m3 x 265 (AR5). */
    public static final double GAS_KG_PER_M3 = 1.926 + 0.000037 * 28 + 0.000035 * 265;

    /**
     * The CPE of the browser test, by hand: the activities it gives and their kg CO2e, each from its cited factor.
     */
    public static double cpeKg() {
        double commuteCar = 8 * 220 * 2 * 10 * 0.1645;        // desnz-2024-car-gasoline, 0.1645 kg/km: 5,790.4
        double commuteBus = 3 * 220 * 2 * 10 * 0.12999;       // desnz-2024-bus-local, 0.12999 kg/km: 1,715.868
        double electricity = 60_000 * 0.0019;                 // eccc-electricity-ca-qc-2020, 1.9 g/kWh: 114
        double gas = 8_000 * GAS_KG_PER_M3;                   // 15,490.488
        double van = 1_500 * 2.307;                           // eccc-gasoline-ca, 2.307 kg/L: 3,460.5
        // 2024 CAD to 2022 USD (money.yml): x CPI 151.2 / 160.9, / 1.3013 CAD per USD; then USEEIO kg per 2022 USD.
        double usd2022PerCad2024 = 151.2 / 160.9 / 1.3013;
        double food = 20_000 * usd2022PerCad2024 * 0.401;     // useeio-311991
        double toys = 3_000 * usd2022PerCad2024 * 0.146;      // useeio-339930
        double landfill = 2.0 * 520.3342;                     // desnz-2024-waste-mixed-landfill, per tonne
        double compost = 0.5 * 8.88386;                       // desnz food composting, per tonne
        // Upstream of the fuels, DESNZ 2024 WTT- fuels: natural gas 0.3366 kg/m3 (2,692.8), petrol 0.58094 kg/L (871.41)
        double upstream = 8_000 * 0.3366 + 1_500 * 0.58094;
        return commuteCar + commuteBus + electricity + gas + van + food + toys + landfill + compost + upstream;
    }

    private static Client plain;
    private static NewCookie session;
    private static String csrf;
    private ApiCalls api;
    private long organization;

    @BeforeAll
    static void signIn() {
        plain = ClientBuilder.newClient().property(ClientProperties.FOLLOW_REDIRECTS, false);
        try (Response response = plain.target(base() + "/login").request().post(Entity.form(new Form()
                .param("email", TestApp.ADMIN_EMAIL).param("password", TestApp.ADMIN_PASSWORD).param("next", "/account")))) {
            assertThat(response.getStatus()).isEqualTo(303);
            session = response.getCookies().get(AuthFilter.SESSION_COOKIE);
        }
        String account = page("/account", "fr-CA");
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(account);
        assertThat(m.find()).isTrue();
        csrf = m.group(1);
    }

    @AfterAll
    static void close() {
        plain.close();
    }

    @BeforeEach
    void organization() {
        api = new ApiCalls(APP);
        organization = api.organization();
    }

    static Form cpe(String csrf) {
        return cpe(csrf, 2024);
    }

    static Form cpe(String csrf, int year) {
        return new Form().param("csrf", csrf).param("year", Integer.toString(year)).param("employees", "12").param("commuteCar", "8")
                .param("commuteTransit", "3").param("commuteKm", "10").param("commuteDays", "220")
                .param("electricityKwh", "60 000").param("heating", "natural_gas").param("heatingQuantity", "8 000")
                .param("heatedArea", "").param("vehicleFuel", "gasoline").param("vehicleLitres", "1 500")
                .param("flights", "").param("flightDestination", "YQB").param("purchase311991", "20 000")
                .param("purchase339930", "3 000").param("wasteLandfillKg", "2 000").param("wasteCompostKg", "500");
    }

    @Test
    void aChildcareCentresAnswersWeighWhatTheCitedFactorsGiveByHand() {
        String form = page("/organizations/" + organization + "/questionnaire?year=2024", "fr-CA");
        assertThat(form).contains("Bilan simplifié 2024").contains("<label for=\"heatingQuantity\">")
                .contains("1,31 GJ par m²").contains("value=\"30\"");

        try (Response response = post(cpe(csrf), "fr-CA")) {
            assertThat(response.getStatus()).as(body(response)).isEqualTo(303);
            assertThat(response.getLocation().toString())
                    .endsWith("/organizations/" + organization + "/questionnaire/result?year=2024&saved=1");
        }
        List<Map<String, Object>> stored = api.list("/api/organizations/" + organization + "/activities?limit=1000");
        assertThat(stored).hasSize(9).allSatisfy(a -> {
            assertThat(a.get("dataQuality")).isEqualTo("estimated");
            assertThat(a.get("tags")).isEqualTo(List.of("bilan-simplifie-2024"));
            assertThat(a.get("periodStart")).isEqualTo("2024-01-01");
            assertThat(a.get("periodEnd")).isEqualTo("2024-12-31");
            assertThat((String) ((Map<?, ?>) a.get("attributes")).get("note")).startsWith("Bilan simplifié 2024 : ");
        });
        assertThat(stored).extracting(a -> (Object) ((Map<?, ?>) a.get("factor")).get("id")).contains("eccc-natural-gas-ca-qc",
                "eccc-gasoline-ca", "desnz-2024-car-gasoline", "desnz-2024-bus-local", "useeio-311991");
        double expected = cpeKg();
        assertThat(stored.stream().mapToDouble(a -> ((Number) a.get("allLinesCo2eKg")).doubleValue()).sum())
                .isCloseTo(expected, within(1e-6));
        assertThat(total(organization, 2024)).isCloseTo(expected, within(1e-6));

        String result = page("/organizations/" + organization + "/questionnaire/result?year=2024&saved=1", "fr-CA");
        // The gas is the heaviest answer (15,490 kg of about 33,000): first, to replace through the monthly grid.
        assertThat(result).contains("id=\"questionnaire-saved\"")
                .containsPattern("class=\"replace-first\">\\s*<td>Quantité de combustible")
                .contains("/organizations/" + organization + "/activities/grid?year&#61;2024");
        String english = page("/organizations/" + organization + "/questionnaire/result?year=2024", "en-CA");
        assertThat(english).contains("Replace first:");

        // Coming back to the year starts from its answers, which a second answer replaces.
        String again = page("/organizations/" + organization + "/questionnaire?year=2024", "fr-CA");
        assertThat(again).contains("id=\"heatingQuantity\" name=\"heatingQuantity\" inputmode=\"decimal\" autocomplete=\"off\" value=\"8000\"")
                .contains("<option value=\"natural_gas\" selected>").contains("value=\"220\"")
                .contains("id=\"purchase311991\" name=\"purchase311991\" inputmode=\"decimal\" autocomplete=\"off\" value=\"20000\"");
        assertThat(page("/organizations/" + organization + "/questionnaire?year=2023", "fr-CA"))
                .doesNotContain("value=\"8000\"");
        // The trail names the answer beside the activities it logged.
        assertThat(page("/organizations/" + organization + "/audit", "fr-CA")).contains("Bilan simplifié — réponses enregistrées");
    }

    @Test
    void answeringTheSameYearAgainReplacesOnlyTheQuestionnairesActivities() {
        String activities = "/api/organizations/" + organization + "/activities?limit=1000";
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 1000,
                "unit", "kWh", "periodStart", "2024-03-01", "periodEnd", "2024-03-31"));
        try (Response response = post(cpe(csrf), "fr-CA")) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        try (Response response = post(cpe(csrf, 2023), "fr-CA")) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        assertThat(api.list(activities)).hasSize(1 + 9 + 9);
        // The van's litres, corrected with the measured value (the tag left as it was): no longer the questionnaire's.
        Map<String, Object> van = api.list(activities).stream().filter(a -> "car".equals(a.get("type"))
                && "2024-01-01".equals(a.get("periodStart"))).findFirst().orElseThrow();
        try (Response response = api.request("/api/organizations/" + organization + "/activities/" + van.get("id"))
                .put(Entity.json(Map.of("type", "car", "quantity", 1_400, "unit", "L", "periodStart", "2024-01-01",
                        "periodEnd", "2024-12-31", "tags", List.of("bilan-simplifie-2024"), "dataQuality", "measured",
                        "attributes", Map.of("fuel", "gasoline"))))) {
            assertThat(response.getStatus()).isEqualTo(200);
        }

        Form again = new Form().param("csrf", csrf).param("year", "2024").param("heating", "natural_gas")
                .param("heatingQuantity", "5 000");
        try (Response response = post(again, "fr-CA")) {
            assertThat(response.getStatus()).as(body(response)).isEqualTo(303);
        }
        List<Map<String, Object>> stored = api.list(activities);
        assertThat(stored).hasSize(1 + 1 + 1 + 9);
        assertThat(stored).filteredOn(a -> List.of("bilan-simplifie-2024").equals(a.get("tags"))
                && "estimated".equals(a.get("dataQuality"))).singleElement()
                .satisfies(a -> assertThat(((Number) a.get("allLinesCo2eKg")).doubleValue())
                        .isCloseTo(5_000 * (GAS_KG_PER_M3 + 0.3366), within(1e-6)));
        assertThat(stored).filteredOn(a -> "measured".equals(a.get("dataQuality"))).hasSize(2);
        // 1,000 kWh x 1.9 g + 1,400 L of gasoline x 2.307 kg (eccc-gasoline-ca) + 5,000 m3 of gas, and the fuels'
        // upstream (DESNZ 2024 WTT- fuels: petrol 0.58094 kg/L, natural gas 0.3366 kg/m3).
        assertThat(total(organization, 2024)).isCloseTo(1_000 * 0.0019 + 1_400 * 2.307 + 5_000 * GAS_KG_PER_M3
                + 1_400 * 0.58094 + 5_000 * 0.3366, within(1e-6));
    }

    @Test
    void aHeatedAreaIsTheShippedIntensityTimesTheArea() {
        Form area = new Form().param("csrf", csrf).param("year", "2024").param("heating", "natural_gas")
                .param("heatedArea", "250");
        try (Response response = post(area, "fr-CA")) {
            assertThat(response.getStatus()).as(body(response)).isEqualTo(303);
        }
        Map<String, Object> stored = api.list("/api/organizations/" + organization + "/activities").get(0);
        // 250 m2 x 1.31 GJ/m2 (SCIEU 2019) x 277.78 kWh/GJ = 90,972.2 kWh of gas, at desnz-2024-natural-gas-kwh's 0.1829 kg.
        double kwh = 250 * 1.31 * 1e9 / 3.6e6;
        assertThat(((Number) stored.get("quantity")).doubleValue()).isCloseTo(kwh, within(1e-6));
        assertThat(((Map<?, ?>) stored.get("factor")).get("id")).isEqualTo("desnz-2024-natural-gas-kwh");
        assertThat(((Number) stored.get("co2eKg")).doubleValue()).isCloseTo(kwh * 0.1829, within(1e-6));
        assertThat(((Map<?, ?>) stored.get("attributes")).get("heatedAreaM2")).isEqualTo(250.0);
    }

    @Test
    void aRefusedAnswerStoresNothingAndNamesItsQuestion() {
        String activities = "/api/organizations/" + organization + "/activities?limit=1000";
        Form first = new Form().param("csrf", csrf).param("year", "2024").param("heating", "natural_gas")
                .param("heatingQuantity", "8 000");
        try (Response response = post(first, "fr-CA")) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        List<Map<String, Object>> before = api.list(activities);
        String audit = "/api/organizations/" + organization + "/audit?limit=1000";
        int trail = api.list(audit).size();

        // More commuting days than the year has: the commuting kind refuses it, after the gas was checked.
        Form refused = new Form().param("csrf", csrf).param("year", "2024").param("heating", "natural_gas")
                .param("heatingQuantity", "5 000").param("commuteCar", "4").param("commuteKm", "12").param("commuteDays", "400");
        try (Response response = post(refused, "fr-CA")) {
            String page = body(response);
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(page).contains("id=\"error-commuteCar\">Combien viennent travailler surtout en voiture ? : ")
                    .contains("value=\"5 000\"");
        }
        // An answer that cannot become an activity at all: its question is named before anything is tried.
        Form noSource = new Form().param("csrf", csrf).param("year", "2024").param("heatedArea", "250");
        try (Response response = post(noSource, "en-CA")) {
            String page = body(response);
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(page).contains("id=\"error-heating\">How is the building heated?: Choose the heating source first.");
        }
        try (Response response = post(new Form().param("csrf", csrf).param("year", "2024").param("wasteLandfillKg", "-3"),
                "fr-CA")) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(body(response)).contains("id=\"error-wasteLandfillKg\">").contains("Un nombre positif est attendu.");
        }
        assertThat(api.list(activities)).isEqualTo(before);
        assertThat(api.list(audit)).as("the trail records nothing either").hasSize(trail);
    }

    private double total(long org, int year) {
        return ((Number) api.request("/api/organizations/" + org + "/footprint?year=" + year).get(ApiCalls.JSON)
                .get("totalCo2eKg")).doubleValue();
    }

    private Response post(Form form, String language) {
        return request("/organizations/" + organization + "/questionnaire", language).post(Entity.form(form));
    }

    private static String page(String path, String language) {
        Response response = request(path, language).get();
        String body = body(response);
        assertThat(response.getStatus()).as(body).isEqualTo(200);
        return body;
    }

    private static Invocation.Builder request(String path, String language) {
        return plain.target(base() + path).request().cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, language);
    }

    private static String body(Response response) {
        return response.hasEntity() ? response.readEntity(String.class) : "";
    }

    private static String base() {
        return "http://localhost:" + APP.getLocalPort();
    }
}
