package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** Every answer of the application port carries the browser-side protections, whoever answers it. */
@DisplayName("Security headers")
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class SecurityHeadersTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private static Response get(String path, boolean signedIn) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + path).request();
        return signedIn ? request.get() : request.header("Authorization", "Bearer not-a-token").get();
    }

    private static void assertProtected(Response response, int status) {
        try (response) {
            assertThat(response.getStatus()).isEqualTo(status);
            String policy = response.getHeaderString("Content-Security-Policy");
            assertThat(policy).as("Content-Security-Policy").contains("default-src 'self'", "frame-ancestors 'none'",
                    "object-src 'none'");
            assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.getHeaderString("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("same-origin");
        }
    }

    @Test
    void pagesCarryThem() {
        long organization = new ApiCalls(APP).organization();
        assertProtected(get("/organizations/" + organization, true), 200);
        assertProtected(get("/emission-factors", true), 200);
        assertProtected(get("/organizations/" + organization, false), 401);
    }

    @Test
    void apiAnswersCarryThem() {
        assertProtected(get("/api", true), 200);
        assertProtected(get("/api/organizations", false), 401);
        try (Response created = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/organizations")
                .request().post(Entity.json(Map.of("name", "Coop", "sector", "813", "region", "CA-QC", "employees", 3)))) {
            assertProtected(created, 201);
        }
    }

    @Test
    void errorsCarryThem() {
        assertProtected(get("/api/organizations/987654", true), 404);
        assertProtected(get("/nowhere", true), 404);
        try (Response malformed = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/organizations")
                .request().post(Entity.entity("{", "application/json"))) {
            assertProtected(malformed, 400);
        }
    }

    @Test
    void assetsCarryThem() {
        assertProtected(get("/assets/empreinte.css", false), 200);
        assertProtected(get("/assets/empreinte.js", false), 200);
        // The asset servlet's own 404, which Jetty writes after resetting the answer.
        assertProtected(get("/assets/nowhere.css", false), 404);
    }
}
