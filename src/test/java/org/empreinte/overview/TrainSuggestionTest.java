package org.empreinte.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The organization page suggests the train for its short flights, estimated as the action plan estimates, and its
 * button's fields post that change to the plan as a browser without scripts would.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class TrainSuggestionTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /** desnz-2024-flight-short-average-rf and desnz-2024-train-intercity, per passenger-km. */
    private static final double SHORT_HAUL_RF = 0.18592;
    private static final double TRAIN = 0.03546;

    @Test
    void shortFlightsByTrainInOneClick() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        // Québec (YQB 46.7911, -71.393303) - Toronto (YYZ 43.6772003174, -79.6305999756): great circle 731.549 km,
        // short haul (500 to 3,700 km); a return trip for two: 4 passenger legs, 2,926.196 passenger-km.
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "flight", "date", "2025-05-04",
                "attributes", Map.of("from", "YQB", "to", "YYZ", "roundTrip", true, "passengers", 2)));
        Pattern suggestion = Pattern.compile("<li id=\"suggestion-\\d+\"><strong>Prendre le train.*?</li>", Pattern.DOTALL);
        Matcher found = suggestion.matcher(APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations/"
                + organization + "?year=2025").request().header("Accept-Language", "fr-CA").get(String.class));
        Matcher item = found.find() ? found : null;
        assertThat(item).as("a train suggestion").isNotNull();
        // 2,926.196 x (0.18592 - 0.03546) = 440.275 kg less a year.
        double reduction = 2_926.196 * (SHORT_HAUL_RF - TRAIN);
        assertThat(reduction).isCloseTo(440.275, within(0.001));
        assertThat(item.group()).contains("Environ 440 kg éq. CO₂ de moins par an");

        Form form = new Form();
        Matcher field = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(item.group());
        while (field.find()) {
            form.param(field.group(1), field.group(2).replace("&#39;", "'"));
        }
        assertThat(form.asMap()).containsEntry("change.from.passengers", List.of("4"))
                .containsEntry("change.to.trainKind", List.of("intercity"));
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations/"
                + organization + "/targets/actions/estimate").property(ClientProperties.FOLLOW_REDIRECTS, false).request()
                .header("Accept-Language", "fr-CA").post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        List<Map<String, Object>> actions = api.list("/api/organizations/" + organization + "/actions");
        assertThat(((Number) actions.get(0).get("expectedYearlyReductionCo2eKg")).doubleValue()).isCloseTo(reduction, within(0.01));
        assertThat(actions.get(0).get("category")).isEqualTo("business_travel");
    }
}
