package org.empreinte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Review finding: the sign-in form carries no CSRF token (there is no session yet), so another site's
 * page could post it and sign the visitor into an account of the attacker's choosing. The browser's
 * word on where the form came from (Sec-Fetch-Site, else Origin) now decides.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class SignInForgeryTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private int signIn(String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=admin%40empreinte.local&password="
                        + java.net.URLEncoder.encode(TestApp.ADMIN_PASSWORD, java.nio.charset.StandardCharsets.UTF_8)));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anotherSitesFormCannotSignAnyoneIn() throws Exception {
        assertThat(signIn("Sec-Fetch-Site", "cross-site")).isEqualTo(403);
        assertThat(signIn("Origin", "https://evil.example")).isEqualTo(403);
        assertThat(signIn("Origin", "http://localhost:" + (APP.getLocalPort() + 1))).isEqualTo(403);
    }

    @Test
    void ourOwnFormAndScriptsStillSignIn() throws Exception {
        assertThat(signIn("Sec-Fetch-Site", "same-origin")).isEqualTo(303);
        assertThat(signIn("Origin", "http://localhost:" + APP.getLocalPort())).isEqualTo(303);
        assertThat(signIn(null, null)).isEqualTo(303);
    }
}
