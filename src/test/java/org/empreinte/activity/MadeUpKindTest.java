package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.Tiers;
import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteApplication;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.activity.kind.ActivityKind;
import org.empreinte.activity.kind.Attribute;
import org.empreinte.activity.kind.Entry;
import org.empreinte.activity.kind.Group;
import org.empreinte.activity.kind.Measure;
import org.empreinte.web.Messages;
import org.empreinte.web.ValidationException;

/**
 * A kind that does not exist, added as one class (TapWater) and nothing else: the API logs it, the form offers it
 * with its field, the CSV layout has its column and imports it. Its factors are a test fixture of invented round
 * numbers (0.2 and 0.5 kg CO2e per m3), so that each figure below is plain arithmetic.
 */
@Tiers.Api
@ExtendWith(DropwizardExtensionsSupport.class)
class MadeUpKindTest {

    /** The made-up kind: tap water by the cubic metre, its factor chosen by what the utility does with it. */
    static final class TapWater implements ActivityKind {

        static final List<String> TREATMENTS = List.of("supply", "supply_and_treatment");

        @Override
        public String type() {
            return "tap_water";
        }

        @Override
        public Group group() {
            return Group.PURCHASES;
        }

        @Override
        public List<Attribute> attributes() {
            return List.of(Attribute.choice("treatment", TREATMENTS, "treatment_").labelled("Traitement", "Treatment"));
        }

        @Override
        public Measure measure(Entry entry) {
            Object treatment = entry.attributes().get("treatment");
            if (treatment == null || !TREATMENTS.contains(treatment.toString())) {
                throw new ValidationException("attributes.treatment",
                        "treatment must be one of " + TREATMENTS, "error_choice", String.join(", ", TREATMENTS));
            }
            return entry.entered().withCriteria(Map.of("treatment", treatment.toString()));
        }

        @Override
        public String label(Messages messages) {
            return "fr".equals(messages.language()) ? "Eau du robinet" : "Tap water";
        }
    }

    /** Empreinte with the made-up kind registered. */
    public static final class WithTapWater extends EmpreinteApplication {
        public WithTapWater() {
            super(Clock.systemUTC(), new TapWater());
        }
    }

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(WithTapWater.class,
            TestApp.temporaryDatabase("made-up-kind"), Map.of("emissionFactors.directory", factorsWithFixture().toString(),
                    "emissionFactors.selectionOrder", "eccc-canada,desnz-2024,useeio-1.3,made-up-fixture"));

    private final ApiCalls api = new ApiCalls(APP);
    private long organization;

    /** The shipped factor files and the fixture's, in a folder of the test's own. */
    private static Path factorsWithFixture() {
        try {
            Path folder = Files.createTempDirectory("made-up-kind-factors");
            try (Stream<Path> files = Files.list(Path.of("emission-factors"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
            try (InputStream fixture = MadeUpKindTest.class.getResourceAsStream("/made-up-kind/made-up-fixture.yml")) {
                Files.copy(fixture, folder.resolve("made-up-fixture.yml"));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void organization() {
        organization = api.organization();
    }

    @Test
    void theApiLogsItWithItsAttributeChoosingTheFactor() {
        Map<String, Object> logged = api.created(activities(), Map.of("type", "tap_water", "quantity", 120, "unit", "m3",
                "periodStart", "2024-01-01", "periodEnd", "2024-03-31", "attributes", Map.of("treatment",
                        "supply_and_treatment")));
        // 120 m3 x 0.5 kg CO2e/m3 (fixture-tap-water-supply-and-treatment) = 60 kg.
        assertThat(((Number) logged.get("co2eKg")).doubleValue()).isCloseTo(60.0, within(1e-9));
        assertThat(((Map<?, ?>) logged.get("factor")).get("id")).isEqualTo("fixture-tap-water-supply-and-treatment");
        assertThat(logged.get("scope")).isEqualTo(3);

        try (Response refused = api.request(activities()).post(Entity.json(Map.of("type", "tap_water", "quantity", 1,
                "unit", "m3", "date", "2024-01-01", "attributes", Map.of("treatment", "bottled"))))) {
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.readEntity(ApiCalls.JSON).get("field")).isEqualTo("attributes.treatment");
        }
        assertThat(api.list(activities())).hasSize(1);
    }

    @Test
    void theFormOffersItWithItsFieldAndLogsIt() {
        String page = page("/organizations/" + organization + "/activities/new");
        assertThat(page).contains("<option value=\"tap_water\" data-units=\"m3|", ">Eau du robinet</option>",
                "data-types=\"tap_water\"", "<label for=\"treatment\">Traitement</label>",
                "<option value=\"supply_and_treatment\"");

        Form form = new Form().param("type", "tap_water").param("quantity", "40").param("unit", "m3")
                .param("periodStart", "2024-05-01").param("periodEnd", "2024-05-31").param("treatment", "supply")
                .param("dataQuality", "measured");
        try (Response response = APP.client().target(url("/organizations/" + organization + "/activities"))
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request().header("Accept-Language", "fr-CA")
                .post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        List<Map<String, Object>> logged = api.list(activities());
        // 40 m3 x 0.2 kg CO2e/m3 (fixture-tap-water-supply) = 8 kg.
        assertThat(logged).singleElement().satisfies(activity -> {
            assertThat(((Number) activity.get("co2eKg")).doubleValue()).isCloseTo(8.0, within(1e-9));
            assertThat(activity.get("attributes")).isEqualTo(Map.of("treatment", "supply"));
        });
    }

    @Test
    void theCsvLayoutHasItsColumnAndImportsIt() {
        String file = "type,quantity,unit,periodStart,periodEnd,treatment\n"
                + "tap_water,10,m3,2024-01-01,2024-01-31,supply\n"
                + "tap_water,10,m3,2024-02-01,2024-02-29,supply_and_treatment\n";
        try (Response imported = api.request(activities() + "/import")
                .post(Entity.entity(file.getBytes(StandardCharsets.UTF_8), "text/csv"))) {
            assertThat(imported.getStatus()).as(imported.readEntity(String.class)).isEqualTo(200);
        }
        // 10 x 0.2 + 10 x 0.5 = 7 kg.
        assertThat(api.list(activities()).stream().mapToDouble(a -> ((Number) a.get("co2eKg")).doubleValue()).sum())
                .isCloseTo(7.0, within(1e-9));

        String exported = api.request(activities() + "/export").accept("text/csv").get(String.class);
        assertThat(exported.lines().findFirst().orElseThrow()).endsWith(",heating,taxesIncluded,flightFactors,chargedKwh,treatment");
        assertThat(exported).contains("tap_water,10,m3,2024-02-01,2024-02-29,,,,,measured,",
                ",supply_and_treatment\n");
    }

    private String activities() {
        return "/api/organizations/" + organization + "/activities";
    }

    private String page(String path) {
        return APP.client().target(url(path)).request().header("Accept-Language", "fr-CA").get(String.class);
    }

    private static String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }
}
