package org.empreinte.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * The targets page's forms as a browser without scripts sends them: every attribute field of every type, of which
 * the page reads only those of the chosen type.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class TargetPagesTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    /**
     * DESNZ 2024: a gasoline car per km and its fuel's upstream per km ("WTT- cars (by size), Average car, Petrol, km":
     * 0.04599), intercity rail per passenger-km.
     */
    private static final double CAR_KM = 0.1645 + 0.04599;
    private static final double TRAIN_KM = 0.03546;

    private ApiCalls api;
    private long organization;

    @BeforeEach
    void organization() {
        api = new ApiCalls(APP);
        organization = api.organization();
    }

    @Test
    void anEstimateWithEveryFieldSentReadsOnlyThoseOfEachType() {
        Form form = estimate("20 000", "km", "intercity");
        try (Response response = post("/actions/estimate", form)) {
            assertThat(response.getStatus()).isEqualTo(303);
            List<Map<String, Object>> actions = api.list(actions());
            assertThat(actions).hasSize(1);
            assertThat(response.getLocation().toString()).endsWith("/organizations/" + organization + "/targets?added="
                    + actions.get(0).get("id") + "#action-" + actions.get(0).get("id"));
            assertThat(((Number) actions.get(0).get("expectedYearlyReductionCo2eKg")).doubleValue())
                    .isCloseTo(20_000 * (CAR_KM - TRAIN_KM), within(1e-6));
            assertThat(actions.get(0).get("category")).as("left to the activity replaced").isEqualTo("business_travel");
        }
    }

    @Test
    void aRefusedAttributeGoesBesideItsInput() {
        try (Response response = post("/actions/estimate", estimate("100", "km", "hyperloop"))) {
            String page = response.readEntity(String.class);
            assertThat(response.getStatus()).isEqualTo(422);
            // The service names it change.to.attributes.kind; the train's kind is its own input.
            assertThat(page).contains("id=\"error-change.to.trainKind\"").doesNotContain("error-change.to.attributes");
            assertThat(page).contains("value=\"Le train\"");
        }
        try (Response response = post("/actions/estimate", estimate("beaucoup", "km", "intercity"))) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("id=\"error-change.from.quantity\"");
        }
        assertThat(api.list(actions())).isEmpty();
    }

    @Test
    void aChangeThatAddsEmissionsIsRefusedBelowBothActivities() {
        Form form = estimate("100", "km", "intercity");
        form.asMap().putSingle("change.to.quantity", "1 000 000");
        try (Response response = post("/actions/estimate", form)) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("id=\"error-change\"");
        }
    }

    @Test
    void deletesAnActionAndATarget() {
        Map<String, Object> action = api.created(actions(), Map.of("title", "LED", "category", "purchased_electricity",
                "expectedYearlyReductionCo2eKg", 100, "startYear", 2025));
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 1000,
                "unit", "kWh", "periodStart", "2019-01-01", "periodEnd", "2019-12-31"));
        Map<String, Object> target = api.created("/api/organizations/" + organization + "/targets", Map.of("baseYear", 2019,
                "targetYear", 2030, "reductionPercent", 42, "scopes", List.of(1, 2, 3)));
        try (Response response = post("/actions/" + action.get("id") + "/delete", new Form())) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        try (Response response = post("/" + target.get("id") + "/delete", new Form())) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        assertThat(api.list(actions())).isEmpty();
        assertThat(api.list("/api/organizations/" + organization + "/targets")).isEmpty();
        try (Response response = post("/actions/" + action.get("id") + "/delete", new Form())) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
    }

    /** Car (gasoline) to train, as the page sends it without its script: the fields of the other types too. */
    private static Form estimate(String quantity, String unit, String trainKind) {
        Form form = new Form().param("title", "Le train").param("category", "").param("startYear", "2025")
                .param("status", "planned");
        for (String side : List.of("from", "to")) {
            String prefix = "change." + side + ".";
            form.param(prefix + "type", side.equals("from") ? "car" : "train").param(prefix + "quantity", "to".equals(side)
                    ? "20 000" : quantity).param(prefix + "unit", unit).param(prefix + "fuel", "gasoline")
                    .param(prefix + "busKind", "coach").param(prefix + "trainKind", trainKind)
                    .param(prefix + "material", "paper").param(prefix + "disposal", "landfill")
                    .param(prefix + "naics", "").param(prefix + "country", "").param(prefix + "from", "")
                    .param(prefix + "to", "").param(prefix + "passengers", "");
        }
        return form;
    }

    private Response post(String path, Form form) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "/targets"
                + path).property(ClientProperties.FOLLOW_REDIRECTS, false).request()
                .header("Accept-Language", "fr-CA").post(Entity.form(form));
    }

    private String actions() {
        return "/api/organizations/" + organization + "/actions";
    }
}
