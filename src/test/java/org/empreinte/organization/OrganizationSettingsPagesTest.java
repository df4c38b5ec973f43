package org.empreinte.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * An organization run from its settings page, as a browser without scripts sends the forms: its fields (French
 * numbers), its sites renamed, moved and deleted, each change in the audit trail, and refusals beside their fields.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class OrganizationSettingsPagesTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private ApiCalls api;
    private long organization;

    @BeforeEach
    void organization() {
        api = new ApiCalls(APP);
        organization = api.organization();
    }

    @Test
    void thePageShowsTheStoredValuesAsAPersonTypesThem() {
        api.request("/api/organizations/" + organization).put(Entity.json(Map.of("name", "CPE Les Pousses", "sector", "624410",
                "region", "CA-QC", "employees", 12.5, "annualRevenueCad", 1_250_000, "legalForm", "nonprofit"))).close();
        String page = get("/settings");
        assertThat(page).contains("value=\"CPE Les Pousses\"", "value=\"624410\"", "value=\"12,5\"", "value=\"1250000\"")
                .contains("<option value=\"nonprofit\" selected>")
                .contains("id=\"includeRadiativeForcing\" name=\"includeRadiativeForcing\" value=\"on\" checked");
    }

    @Test
    void anEditorChangesTheOrganizationFromThePage() {
        try (Response response = post("/settings", new Form().param("name", "Coop La Récolte").param("sector", "445110")
                .param("region", "CA-ON").param("employees", "7,5").param("annualRevenueCad", "900 000,50")
                .param("legalForm", "cooperative"))) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getLocation().toString()).endsWith("/organizations/" + organization + "/settings?saved=organization");
        }
        Map<String, Object> stored = api.request("/api/organizations/" + organization).get(ApiCalls.JSON);
        assertThat(stored).containsEntry("name", "Coop La Récolte").containsEntry("sector", "445110")
                .containsEntry("region", "CA-ON").containsEntry("legalForm", "cooperative")
                .containsEntry("includeRadiativeForcing", false);
        assertThat(((Number) stored.get("employees")).doubleValue()).isEqualTo(7.5);
        assertThat(((Number) stored.get("annualRevenueCad")).doubleValue()).isEqualTo(900_000.50);
        assertThat(get("/settings?saved=organization")).contains("id=\"settings-notice\"", "Paramètres enregistrés.");
        List<Map<String, Object>> audit = api.list("/api/organizations/" + organization + "/audit");
        assertThat(audit).anySatisfy(event -> assertThat(event).containsEntry("entity", "organization")
                .containsEntry("action", "update"));
    }

    @Test
    void aRefusedFieldIsShownBesideItsInputAndNothingIsStored() {
        try (Response response = post("/settings", new Form().param("name", "Coop").param("sector", "garderie")
                .param("region", "CA-QC").param("employees", "3"))) {
            assertThat(response.getStatus()).isEqualTo(422);
            String page = response.readEntity(String.class);
            assertThat(page).contains("id=\"error-sector\"").contains("value=\"garderie\"");
        }
        assertThat(api.request("/api/organizations/" + organization).get(ApiCalls.JSON)).containsEntry("name", "Chantier");
    }

    @Test
    void sitesAreRenamedMovedAndDeletedUnlessTheyHoldActivities() {
        long office = id(api.created("/api/organizations/" + organization + "/sites", Map.of("name", "Bureau", "region", "CA-QC")));
        long depot = id(api.created("/api/organizations/" + organization + "/sites", Map.of("name", "Entrepôt", "region", "CA-QC")));
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 1000,
                "unit", "kWh", "date", "2024-03-01", "site", office));
        assertThat(get("/settings")).contains("id=\"site-form-" + office + "\"", "id=\"site-delete-" + depot + "\"");

        try (Response response = post("/settings/sites/" + office, new Form().param("name", "Bureau de Laval")
                .param("region", "CA-QC"))) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        try (Response response = post("/settings/sites/" + depot, new Form().param("name", "Bureau de Laval")
                .param("region", "CA-QC"))) {
            assertThat(response.getStatus()).as("a name another site has").isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("id=\"site-form-" + depot + "\"", "value=\"Bureau de Laval\"");
        }
        try (Response response = post("/settings/sites/" + office + "/delete", new Form())) {
            assertThat(response.getStatus()).as("a site with an activity").isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("id=\"error-site-" + office + "\"",
                    "Ce site a encore des activités.");
        }
        try (Response response = post("/settings/sites/" + depot + "/delete", new Form())) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        List<Map<String, Object>> sites = api.list("/api/organizations/" + organization + "/sites");
        assertThat(sites).extracting(site -> site.get("name")).containsExactly("Bureau de Laval");
    }

    @Test
    void anotherOrganizationsSiteIsNotFoundThroughThisOne() {
        long other = api.organization();
        long theirs = id(api.created("/api/organizations/" + other + "/sites", Map.of("name", "Chez eux", "region", "CA-QC")));
        try (Response response = post("/settings/sites/" + theirs + "/delete", new Form())) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
        assertThat(api.list("/api/organizations/" + other + "/sites")).hasSize(1);
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    private String get(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + path)
                .request().header("Accept-Language", "fr-CA").get(String.class);
    }

    private Response post(String path, Form form) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + path)
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request()
                .header("Accept-Language", "fr-CA").post(Entity.form(form));
    }
}
