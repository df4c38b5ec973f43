package org.empreinte.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Password guessing at the sign-in form over HTTP, on an application of its own: the lock-outs it
 * causes must not reach other tests. config.yml's free failures (TestApp lifts them for the other
 * tests), and lock-outs of 3 s, so that the test waits a few seconds at most.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class SignInThrottleApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(Map.of(
            "auth.signInThrottle.accountFreeFailures", "5", "auth.signInThrottle.addressFreeFailures", "20",
            "auth.signInThrottle.firstLockout", "3 seconds", "auth.signInThrottle.maximumLockout", "3 seconds"));
    private static final String EMAIL = "devinee@example.org";
    private static final String PASSWORD = "une phrase que personne ne devine";
    private static final Pattern FRENCH = Pattern.compile("Trop de tentatives : réessayez dans (\\d+) secondes?\\.");

    private final ApiCalls api = new ApiCalls(APP);
    private Client plain;

    @BeforeEach
    void open() {
        plain = ClientBuilder.newClient().property(ClientProperties.FOLLOW_REDIRECTS, false);
    }

    @AfterEach
    void close() {
        plain.close();
    }

    @Test
    void thirtyWrongPasswordsAreCutShortBy429ThenTheRightOneWorksAfterTheDelay() throws InterruptedException {
        api.created("/api/users", Map.of("email", EMAIL, "name", "Devinée", "password", PASSWORD));

        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 30; i++) {
            Response response = signIn(EMAIL.toUpperCase(java.util.Locale.ROOT), "essai numéro " + i, "fr");
            statuses.add(response.getStatus());
            if (response.getStatus() == 429 && refused == null) {
                refused = response;
            } else {
                response.close();
            }
        }
        assertThat(statuses.subList(0, 6)).as("five free failures, the sixth starts the lock-out").containsOnly(401);
        assertThat(statuses.indexOf(429)).as("statuses %s", statuses).isBetween(6, 28);
        assertThat(refused).isNotNull();
        long retryAfter = Long.parseLong(refused.getHeaderString(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 3L);
        Matcher message = FRENCH.matcher(refused.readEntity(String.class));
        assertThat(message.find()).isTrue();
        assertThat(Long.parseLong(message.group(1))).isEqualTo(retryAfter);

        // While locked, even the right password is refused: it is not checked at all.
        Response locked = signIn(EMAIL, PASSWORD, "en");
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getCookies()).doesNotContainKey(AuthFilter.SESSION_COOKIE);
        assertThat(locked.readEntity(String.class)).containsPattern("Too many attempts: try again in \\d+ seconds?\\.");
        long wait = Long.parseLong(locked.getHeaderString(HttpHeaders.RETRY_AFTER));

        Thread.sleep(wait * 1000);
        Response right = signIn(EMAIL, PASSWORD, "fr");
        assertThat(right.getStatus()).isEqualTo(303);
        assertThat(right.getCookies()).containsKey(AuthFilter.SESSION_COOKIE);

        // The success cleared the account's count: a mistake now is an ordinary one.
        assertThat(signIn(EMAIL, "une faute de frappe", "fr").getStatus()).isEqualTo(401);
    }

    private Response signIn(String email, String password, String language) {
        return plain.target("http://localhost:" + APP.getLocalPort() + "/login").request()
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .post(Entity.form(new Form().param("email", email).param("password", password).param("next", "/account")));
    }
}
