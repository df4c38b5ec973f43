package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An API refusal in the reader's language: English for a client that asks nothing (scripts, the API's
 * documentation), French for one that asks for it by Accept-Language or {@code ?lang=fr}, the field named either way.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class ApiLanguageTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void aRefusedActivityIsExplainedInTheLanguageAsked() {
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        Map<String, Object> coal = Map.of("type", "charbon", "quantity", 10, "unit", "kg", "date", "2024-03-01");

        Map<String, Object> english = refused(api.request(activities).post(Entity.json(coal)));
        assertThat(english.get("field")).isEqualTo("type");
        assertThat((String) english.get("message")).doesNotContain("inconnu");

        Map<String, Object> french = refused(api.request(activities).header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
                .post(Entity.json(coal)));
        assertThat(french.get("field")).isEqualTo("type");
        assertThat(french.get("message")).isEqualTo("Type d'activité : Type d'activité inconnu : charbon.");
        assertThat(refused(api.request(activities + "?lang=fr").post(Entity.json(coal))).get("message"))
                .isEqualTo(french.get("message"));
        // English first among those asked: English.
        assertThat(refused(api.request(activities).header("Accept-Language", "en-CA,fr;q=0.8").post(Entity.json(coal)))
                .get("message")).isEqualTo(english.get("message"));
    }

    @Test
    void anImportsRowErrorsAreInTheLanguageAsked() {
        long organization = api.organization();
        String csv = "type,quantity,unit,date\nélectrique,100,kWh,2024-03-01\n";
        Map<String, Object> french = refused(api.request("/api/organizations/" + organization + "/activities/import")
                .header("Accept-Language", "fr").post(Entity.entity(csv, "text/csv")));
        List<?> errors = (List<?>) french.get("errors");
        assertThat(errors).singleElement().satisfies(line ->
                assertThat((String) ((Map<?, ?>) line).get("message")).startsWith("Type « électrique » inconnu ; types acceptés : "));
        Map<String, Object> english = refused(api.request("/api/organizations/" + organization + "/activities/import")
                .post(Entity.entity(csv, "text/csv")));
        assertThat((String) ((Map<?, ?>) ((List<?>) english.get("errors")).get(0)).get("message")).doesNotContain("inconnu");
    }

    private static Map<String, Object> refused(Response response) {
        Map<String, Object> body = response.readEntity(ApiCalls.JSON);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(422);
        return body;
    }
}
