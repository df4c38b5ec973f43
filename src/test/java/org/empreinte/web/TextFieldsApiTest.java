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

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Control characters and bidirectional overrides are refused in every name, tag, title, label and description,
 * over HTTP as JSON, as a form and as CSV rows: 422 naming the field (or the row and column), nothing stored.
 */
@DisplayName("Control characters in free text")
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class TextFieldsApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final String NUL = "\u0000";
    private static final String RLO = "\u202E";

    private static ApiCalls api;
    private static long organization;

    @BeforeAll
    static void anOrganizationWithASite() {
        api = new ApiCalls(APP);
        organization = api.organization();
        api.created(path("/sites"), Map.of("name", "Entrepôt", "region", "CA-QC"));
    }

    private static String path(String rest) {
        return "/api/organizations/" + organization + rest;
    }

    private static Map<String, Object> refused(Response response, String field) {
        try (response) {
            Map<String, Object> body = response.readEntity(ApiCalls.JSON);
            assertThat(response.getStatus()).as(body.toString()).isEqualTo(422);
            assertThat(body).containsEntry("code", 422).containsEntry("field", field);
            assertThat((String) body.get("message")).contains("control characters are not allowed");
            return body;
        }
    }

    private static Response post(String path, Map<String, Object> body) {
        return api.request(path).post(Entity.json(body));
    }

    private static Map<String, Object> electricity(String key, Object value) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", "electricity", "quantity", 100, "unit", "kWh",
                "date", "2024-03-01"));
        body.put(key, value);
        return body;
    }

    @Test
    void organizationsAndSites() {
        int before = api.list("/api/organizations").size();
        Map<String, Object> message = refused(post("/api/organizations", Map.of("name", "Coop " + RLO + "etreV", "sector", "813",
                "region", "CA-QC", "employees", 3)), "name");
        assertThat((String) message.get("message")).contains("U+202E at character 6");
        refused(api.request("/api/organizations/" + organization).put(Entity.json(Map.of("name", "Chantier" + NUL,
                "sector", "813", "region", "CA-QC", "employees", 30))), "name");
        refused(post(path("/sites"), Map.of("name", "Usine\u001B[31m", "region", "CA-QC")), "name");
        refused(post(path("/sites"), Map.of("name", "Usine\nNord", "region", "CA-QC")), "name");

        assertThat(api.list("/api/organizations")).hasSize(before);
        assertThat(api.request("/api/organizations/" + organization).get(ApiCalls.JSON)).containsEntry("name", "Chantier");
        assertThat((List<?>) api.request("/api/organizations/" + organization).get(ApiCalls.JSON).get("sites")).hasSize(1);
    }

    @Test
    void activityTagsSitesAndAttributes() {
        refused(post(path("/activities"), electricity("tags", List.of("chauffage", "hiver" + RLO))), "tags");
        refused(post(path("/activities"), electricity("site", "Entrepôt" + NUL)), "site");
        refused(post(path("/activities"), Map.of("type", "flight", "date", "2024-03-01",
                "attributes", Map.of("from", "YUL" + NUL, "to", "CDG"))), "attributes.from");
        refused(post(path("/activities"), Map.of("type", "hotel", "quantity", 2, "unit", "night", "date", "2024-03-01",
                "attributes", Map.of("country", "\u2066CA"))), "attributes.country");

        assertThat(api.list(path("/activities"))).isEmpty();
    }

    @Test
    void yearFiguresAndElectricityContracts() {
        refused(api.request(path("/years/2024")).put(Entity.json(Map.of("customLabel", "repas\u0085servis",
                "customValue", 1200))), "customLabel");
        assertThat(api.list(path("/years"))).isEmpty();

        refused(post(path("/electricity-contracts"), Map.of("kind", "renewable", "fromYear", 2024,
                "description", "Certificats" + NUL)), "description");
        refused(post(path("/electricity-contracts"), Map.of("kind", "renewable", "fromYear", 2024,
                "description", "Certificats " + RLO + "2024")), "description");
        assertThat(api.list(path("/electricity-contracts"))).isEmpty();
        // A description may hold several lines, as a person types them.
        api.created(path("/electricity-contracts"), Map.of("kind", "renewable", "fromYear", 2024,
                "description", "Certificats\r\nFournisseur : Bullfrog"));
    }

    @Test
    void targetsActionsAndNetworks() {
        refused(post(path("/targets"), Map.of("name", "Cible\u0007", "baseYear", 2019, "targetYear", 2030,
                "reductionPercent", 40, "scopes", List.of(1, 2))), "name");
        refused(post(path("/actions"), Map.of("title", "LED" + RLO, "category", "purchased_electricity", "startYear", 2025,
                "expectedYearlyReductionCo2eKg", 100)), "title");
        int networks = api.list("/api/networks").size();
        refused(post("/api/networks", Map.of("name", "Pôle\u202D")), "name");

        assertThat(api.list(path("/targets"))).isEmpty();
        assertThat(api.list(path("/actions"))).isEmpty();
        assertThat(api.list("/api/networks")).hasSize(networks);
    }

    @Test
    void csvRowsNameTheirRowAndColumn() {
        String file = "type,quantity,unit,date,site,tags\n"
                + "electricity,100,kWh,2024-01-01,Entrepôt,ok\n"
                + "electricity,100,kWh,2024-02-01,,\"chauffage;hiver" + RLO + "\"\n"
                + "electricity,100,kWh,2024-03-01,Entrepôt" + NUL + ",\n";
        try (Response response = api.request(path("/activities/import"))
                .post(Entity.entity(file.getBytes(StandardCharsets.UTF_8), "text/csv"))) {
            Map<String, Object> body = response.readEntity(ApiCalls.JSON);
            assertThat(response.getStatus()).as(body.toString()).isEqualTo(422);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
            assertThat(errors).extracting(e -> e.get("row"), e -> e.get("column"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "tags"), org.assertj.core.groups.Tuple.tuple(4, "site"));
            assertThat(errors).allSatisfy(e -> assertThat((String) e.get("message")).contains("control characters"));
        }
        assertThat(api.list(path("/activities"))).isEmpty();
    }

    @Test
    void aFormSaysItInTheReadersLanguage() {
        Form form = new Form().param("name", "Coop" + NUL).param("sector", "813").param("region", "CA-QC")
                .param("employees", "3");
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations").request()
                .header("Accept-Language", "fr-CA").post(Entity.entity(form, MediaType.APPLICATION_FORM_URLENCODED_TYPE))) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("Caractères de contrôle interdits (U+0000, au caractère 5).");
        }
    }

    @Test
    void peopleTheirTokensAndInvitations() {
        int before = api.list("/api/users").size();
        refused(post("/api/users", Map.of("email", "nul@example.org", "name", "Marie" + NUL)), "name");
        refused(post("/api/users", Map.of("email", "marie" + RLO + "@example.org", "name", "Marie")), "email");
        assertThat(api.list("/api/users")).hasSize(before);
        long user = ((Number) api.created("/api/users", Map.of("email", "propre@example.org", "name", "Propre")).get("id"))
                .longValue();
        refused(post("/api/users/" + user + "/tokens", Map.of("label", "script" + RLO + "txt.exe")), "label");
        refused(post(path("/members"), Map.of("email", "x" + NUL + "@example.org", "role", "viewer")), "email");
    }
}
