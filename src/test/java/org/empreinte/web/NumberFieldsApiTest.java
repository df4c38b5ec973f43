package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Quantities, FTE and revenue within their bounds over HTTP, as JSON, forms and CSV rows: -0, subnormals,
 * NaN, infinities and absurd magnitudes are a 422 naming the field, and nothing is stored.
 */
@DisplayName("Bounds of numbers")
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class NumberFieldsApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    private static ApiCalls api;
    private static long organization;

    @BeforeAll
    static void anOrganization() {
        api = new ApiCalls(APP);
        organization = api.organization();
    }

    private static String path(String rest) {
        return "/api/organizations/" + organization + rest;
    }

    private static Response send(String method, String path, String json) {
        return api.request(path).method(method, Entity.entity(json, MediaType.APPLICATION_JSON_TYPE));
    }

    private static void refused(Response response, String field, String message) {
        try (response) {
            Map<String, Object> body = response.readEntity(ApiCalls.JSON);
            assertThat(response.getStatus()).as(body.toString()).isEqualTo(422);
            assertThat(body).containsEntry("field", field);
            assertThat((String) body.get("message")).contains(message);
        }
    }

    private static String electricity(String quantity) {
        return "{\"type\": \"electricity\", \"quantity\": " + quantity + ", \"unit\": \"kWh\", \"date\": \"2024-03-01\"}";
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"-5", "-0.0", "0", "1e-320", "4.9e-324", "1e-7", "1000000000001", "1e308", "1e400", "-1e400"})
    void anActivityQuantityOutOfBoundsIsRefused(String quantity) {
        refused(send("POST", path("/activities"), electricity(quantity)), "quantity",
                "quantity must be a number from 0.000001 to 1000000000000");
        assertThat(api.list(path("/activities"))).isEmpty();
    }

    @Test
    void theBoundsThemselvesAreQuantities() {
        for (String quantity : List.of("0.000001", "1e12")) {
            Map<String, Object> created;
            try (Response response = send("POST", path("/activities"), electricity(quantity))) {
                created = response.readEntity(ApiCalls.JSON);
                assertThat(response.getStatus()).as(created.toString()).isEqualTo(201);
            }
            assertThat(api.request(path("/activities/" + created.get("id"))).delete().getStatus()).isEqualTo(204);
        }
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"NaN", "Infinity", "-0", "0"})
    void aFormQuantityOutOfBoundsIsShownBesideItsField(String quantity) {
        Form form = new Form().param("type", "electricity").param("quantity", quantity).param("unit", "kWh")
                .param("periodStart", "2024-03-01").param("periodEnd", "2024-03-31");
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations/"
                + organization + "/activities").request().header("Accept-Language", "fr-CA")
                .post(Entity.entity(form, MediaType.APPLICATION_FORM_URLENCODED_TYPE))) {
            assertThat(response.getStatus()).isEqualTo(422);
            String page = response.readEntity(String.class).replace('\u00a0', ' ').replace('\u202f', ' ');
            assertThat(page).contains("id=\"error-quantity\">Un nombre de 0,000001 à 1 000 000 000 000 est attendu.");
        }
        assertThat(api.list(path("/activities"))).isEmpty();
    }

    @Test
    void csvQuantitiesOutOfBoundsNameTheirRow() {
        String file = "type,quantity,unit,date\n"
                + "electricity,100,kWh,2024-01-01\n"
                + "electricity,1e-320,kWh,2024-02-01\n"
                + "electricity,-0,kWh,2024-03-01\n"
                + "electricity,2e12,kWh,2024-04-01\n";
        try (Response response = api.request(path("/activities/import"))
                .post(Entity.entity(file.getBytes(StandardCharsets.UTF_8), "text/csv"))) {
            Map<String, Object> body = response.readEntity(ApiCalls.JSON);
            assertThat(response.getStatus()).as(body.toString()).isEqualTo(422);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
            assertThat(errors).extracting(e -> e.get("row")).containsExactly(3, 4, 5);
            assertThat(errors).extracting(e -> e.get("column")).containsOnly("quantity");
        }
        assertThat(api.list(path("/activities"))).isEmpty();
    }

    @Test
    void anActionsChangeCannotGoToNothing() {
        refused(send("POST", path("/actions"), """
                {"title": "Plus de voiture", "startYear": 2025, "change": {
                  "from": {"type": "car", "quantity": 1000, "unit": "km", "attributes": {"fuel": "gasoline"}},
                  "to": {"type": "car", "quantity": 0, "unit": "km", "attributes": {"fuel": "gasoline"}}}}"""),
                "change.to.quantity", "quantity must be a number from 0.000001");
        assertThat(api.list(path("/actions"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"employees\": 1e308", "\"employees\": -0.0", "\"employees\": 1000001", "\"employees\": 0.001",
        "\"employees\": 1e-320", "\"employees\": 3, \"annualRevenueCad\": 1e14", "\"employees\": 3, \"annualRevenueCad\": -1",
        "\"employees\": 3, \"annualRevenueCad\": 1e-320"})
    void anOrganizationsFiguresOutOfBoundsAreRefused(String figures) {
        String field = figures.contains("annualRevenueCad") ? "annualRevenueCad" : "employees";
        int before = api.list("/api/organizations").size();
        refused(send("POST", "/api/organizations", "{\"name\": \"Coop\", \"sector\": \"813\", \"region\": \"CA-QC\", "
                + figures + "}"), field, field + " must be 0, or a number from 0.01 to ");
        refused(send("PUT", "/api/organizations/" + organization, "{\"name\": \"Chantier\", \"sector\": \"813\", "
                + "\"region\": \"CA-QC\", " + figures + "}"), field, field + " must be 0, or a number from 0.01 to ");
        assertThat(api.list("/api/organizations")).hasSize(before);
    }

    @Test
    void zeroAndTheUpperBoundsAreFigures() {
        for (String figures : List.of("\"employees\": 0, \"annualRevenueCad\": 0",
                "\"employees\": 1000000, \"annualRevenueCad\": 1e13")) {
            try (Response response = send("POST", "/api/organizations",
                    "{\"name\": \"Coop\", \"sector\": \"813\", \"region\": \"CA-QC\", " + figures + "}")) {
                assertThat(response.getStatus()).as(figures).isEqualTo(201);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"employees\": 1e308", "\"employees\": 0", "\"employees\": -0.0", "\"employees\": 1e-320",
        "\"employees\": 1000001", "\"revenueCad\": 1e14", "\"revenueCad\": 0.001",
        "\"customLabel\": \"repas\", \"customValue\": 1e-320", "\"customLabel\": \"repas\", \"customValue\": 1e308"})
    void aYearsFiguresOutOfBoundsAreRefused(String figures) {
        String field = figures.contains("customValue") ? "customValue" : figures.substring(1, figures.indexOf("\"", 1));
        refused(send("PUT", path("/years/2024"), "{" + figures + "}"), field, field + " must be a number from 0.01 to ");
        assertThat(api.list(path("/years"))).isEmpty();
    }
}
