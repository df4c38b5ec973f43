package org.empreinte.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** Codes found without knowing them: NAICS classes by words, airports by city, countries by name. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@SuppressWarnings("unchecked")
class CodesApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private static final GenericType<List<Map<String, Object>>> LIST = new GenericType<>() { };
    /** CAD of 2024 to USD of 2022, from money.yml as PurchaseApiTest works it: US CPI 2022 / Canada CPI 2024 / 1.3013. */
    private static final double CAD_2024_TO_USD_2022 = 151.2 / 160.9 / 1.3013;
    private final ApiCalls api = new ApiCalls(APP);
    private long organization;

    @BeforeEach
    void organization() {
        organization = api.organization();
    }

    @Test
    void aFrenchQueryFindsTheClassByTheProjectsFrenchWords() {
        List<Map<String, Object>> found = api.request("/api/naics?q=Garderie&lang=fr").get(LIST);
        assertThat(found.get(0)).containsEntry("code", "624410").containsEntry("level", 5)
                .containsEntry("levelName", "Classe canadienne").containsEntry("title", "Child day-care services")
                .containsEntry("titleLanguage", "en").containsEntry("purchaseCode", "624410");
        assertThat((List<Object>) found.get(0).get("words")).contains("garderie");
    }

    @Test
    void anEnglishQueryFindsTheClassByStatisticsCanadasTitle() {
        List<Map<String, Object>> found = api.request("/api/naics?q=grocery%20supermarkets")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en-CA").get(LIST);
        assertThat(found.get(0)).containsEntry("code", "445110").containsEntry("levelName", "Canadian industry");
        assertThat((List<Object>) found.get(0).get("words")).contains("grocery store");
    }

    @Test
    void anUnknownQueryFindsNothing() {
        assertThat(api.request("/api/naics?q=xyzzy").get(LIST)).isEmpty();
        assertThat(api.request("/api/naics").get(LIST)).isEmpty();
    }

    @Test
    void aCanadianClassWithoutItsOwnFactorIsPricedWithTheNearestCoarserCode() {
        // 531111 (NAICS Canada: lessors of residential buildings, except social housing) has no USEEIO factor; 53111
        // averages the industries under it, here only useeio-531110 (0.033 kg per USD of 2022).
        Map<String, Object> found = api.request("/api/naics?q=531111").get(LIST).get(0);
        assertThat(found).containsEntry("purchaseCode", "53111");
        Map<String, Object> purchase = api.created(activities(), Map.of("type", "purchase", "quantity", 1000, "unit", "CAD",
                "date", "2024-05-01", "attributes", Map.of("naics", "531111")));
        assertThat(((Map<?, ?>) purchase.get("factor")).get("id")).isEqualTo("useeio-1.3-naics-53111-average");
        assertThat(((Number) purchase.get("co2eKg")).doubleValue()).isCloseTo(1000 * CAD_2024_TO_USD_2022 * 0.033, within(1e-9));
        // Canada's wholesale trade is sector 41, the United States' 42: no factor under it, and the search says so.
        assertThat(api.request("/api/naics?q=418930").get(LIST).get(0)).containsEntry("purchaseCode", null);
        Response refused = api.request(activities()).post(Entity.json(Map.of("type", "purchase", "quantity", 1000, "unit", "CAD",
                "date", "2024-05-01", "attributes", Map.of("naics", "418930"))));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(ApiCalls.JSON)).containsEntry("field", "attributes.naics");
    }

    @Test
    void aFlightBetweenCitiesIsStoredBetweenTheirAirports() {
        Map<String, Object> byCity = api.created(activities(), Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "Montréal", "to", "québec")));
        Map<String, Object> byCode = api.created(activities(), Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "yul", "to", "YQB")));
        assertThat((Map<Object, Object>) byCity.get("attributes")).containsEntry("from", "YUL").containsEntry("to", "YQB");
        assertThat(byCity.get("distanceKm")).isEqualTo(byCode.get("distanceKm"));
        assertThat(byCity.get("co2eKg")).isEqualTo(byCode.get("co2eKg"));
        Map<String, Object> distance = api.request("/api/airports/distance?from=montreal&to=Quebec").get(ApiCalls.JSON);
        assertThat(distance).containsEntry("from", "YUL").containsEntry("to", "YQB");
    }

    @Test
    void aCityWithSeveralMainAirportsIsRefusedWithThemInTheReadersLanguage() {
        Map<String, Object> flight = Map.of("type", "flight", "date", "2024-06-10", "attributes", Map.of("from", "YUL", "to", "Paris"));
        Response english = api.request(activities()).post(Entity.json(flight));
        assertThat(english.getStatus()).isEqualTo(422);
        Map<String, Object> body = english.readEntity(ApiCalls.JSON);
        assertThat(body).containsEntry("field", "attributes.to");
        assertThat(body.get("message").toString()).contains("CDG", "ORY").doesNotContain("LBG");
        Response french = api.request(activities()).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA").post(Entity.json(flight));
        assertThat(french.readEntity(ApiCalls.JSON).get("message").toString()).contains("plusieurs aéroports", "CDG", "ORY");
        Response unknown = api.request(activities()).post(Entity.json(Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "Atlantide", "to", "YUL"))));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(unknown.readEntity(ApiCalls.JSON)).containsEntry("field", "attributes.from");
        assertThat(api.list(activities())).hasSize(0);
    }

    @Test
    void aHotelsCountryByItsNameInFrenchOrEnglishOrByItsCode() {
        // desnz-2024-hotel-de: 13.2 kg CO2e per room-night in Germany; 2 nights = 26.4 kg, however the country is written.
        for (String country : List.of("Allemagne", "germany", "DE", "deu")) {
            Map<String, Object> stay = api.created(activities(), Map.of("type", "hotel", "quantity", 2, "unit", "night",
                    "date", "2024-05-01", "attributes", Map.of("country", country)));
            assertThat(((Number) stay.get("co2eKg")).doubleValue()).as(country).isCloseTo(2 * 13.2, within(1e-9));
            assertThat((Map<Object, Object>) stay.get("attributes")).containsEntry("country", "DE");
        }
        Response refused = api.request(activities()).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA")
                .post(Entity.json(Map.of("type", "hotel", "quantity", 2, "unit", "night", "date", "2024-05-01",
                        "attributes", Map.of("country", "Narnia"))));
        assertThat(refused.getStatus()).isEqualTo(422);
        Map<String, Object> body = refused.readEntity(ApiCalls.JSON);
        assertThat(body).containsEntry("field", "attributes.country");
        assertThat(body.get("message").toString()).contains("Pays inconnu", "Narnia", "Allemagne").doesNotContain("région");
    }

    private String activities() {
        return "/api/organizations/" + organization + "/activities";
    }
}
