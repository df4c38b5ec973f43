package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.Tiers;
import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A factor file's type that no kind describes is logged through the API only, and the form does not offer it: its
 * edit page says so rather than show the form's first type, which saving would turn the activity into.
 */
@Tiers.Api
@ExtendWith(DropwizardExtensionsSupport.class)
class UnofferedTypeEditTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(Map.of("emissionFactors.directory",
            factorsWithFixture().toString(), "emissionFactors.selectionOrder",
            "eccc-canada,desnz-2024,useeio-1.3,unoffered-fixture"));

    @Test
    void itsEditPageRefusesAndNamesTheWayThatWorks() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        Map<String, Object> water = api.created("/api/organizations/" + organization + "/activities", Map.of("type",
                "tap_water", "quantity", 120, "unit", "m3", "date", "2024-01-01"));
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/organizations/"
                + organization + "/activities/" + water.get("id") + "/edit").request().header("Accept-Language", "fr-CA")
                .get()) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("Une activité de type « tap_water » ne se modifie pas")
                    .doesNotContain("id=\"activity-form\"");
        }
    }

    /** The shipped factor files and one of a type that no kind describes. */
    private static Path factorsWithFixture() {
        try {
            Path folder = Files.createTempDirectory("unoffered-type-factors");
            try (Stream<Path> files = Files.list(Path.of("emission-factors"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
            Files.writeString(folder.resolve("unoffered-fixture.yml"), """
                    id: unoffered-fixture
                    name: "Test fixture: a type no kind describes"
                    edition: "test fixture"
                    version: "1"
                    published: 2024-01-01
                    gwp: AR5
                    sources:
                      - key: fixture
                        citation: "Empreinte test fixture (invented values)"
                        licence: "test fixture"
                    factors:
                      - id: fixture-tap-water
                        type: tap_water
                        region: "*"
                        year: 2024
                        unit: m3
                        scope: 3
                        category: purchased_goods
                        co2e: 0.2
                        source: fixture
                        citation: "per m3"
                    """);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
