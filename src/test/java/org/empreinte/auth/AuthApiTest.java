package org.empreinte.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.empreinte.ApiCalls.JSON;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** Tokens, passwords and sessions over HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class AuthApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final String PASSWORD = "une phrase de passe assez longue";

    private final ApiCalls api = new ApiCalls(APP);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Client plain;

    @BeforeEach
    void watchTheLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        plain = ClientBuilder.newClient().property(ClientProperties.FOLLOW_REDIRECTS, false);
    }

    @AfterEach
    void stopWatching() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        plain.close();
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        long user = id(api.created("/api/users", Map.of("email", "revoque@example.org", "name", "Révoqué")));
        Map<String, Object> token = api.created("/api/users/" + user + "/tokens", Map.of("label", "script"));
        String secret = (String) token.get("token");
        assertThat(secret).startsWith("emp_").hasSizeGreaterThan(40);
        // Twice: the second use, within the minute, does not write its last use again.
        assertThat(me(secret).getStatus()).isEqualTo(200);
        assertThat(me(secret).getStatus()).isEqualTo(200);

        assertThat(api.request("/api/users/" + user + "/tokens/" + id(token)).delete().getStatus()).isEqualTo(204);

        Response refused = me(secret);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.readEntity(JSON)).containsEntry("code", 401);
        List<Map<String, Object>> listed = api.list("/api/users/" + user + "/tokens");
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t.get("revokedAt")).isNotNull();
            assertThat(t.get("lastUsedAt")).isNotNull();
        });
    }

    @Test
    void secretsAppearOnlyInTheResponseThatCreatesThemAndNeverInTheLogs() {
        Map<String, Object> created = api.created("/api/users", Map.of("email", "secret@example.org", "name", "Secrète",
                "password", PASSWORD));
        long user = id(created);
        String token = (String) api.created("/api/users/" + user + "/tokens", Map.of()).get("token");
        assertThat(me(token).getStatus()).isEqualTo(200);
        signIn("secret@example.org", PASSWORD);

        String everything = String.join("\n", created.toString(), api.request("/api/users").get(String.class),
                api.request("/api/users/" + user).get(String.class), api.request("/api/users/" + user + "/tokens").get(String.class),
                plain.target(base() + "/api/users/me").request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).get(String.class));
        assertThat(everything).doesNotContain(PASSWORD, token, "$argon2", "password", "Hash", "hash");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains(PASSWORD) || line.contains(token));
    }

    @Test
    void signingInGivesAnHttpOnlySecureCookieAndFormsNeedTheirCsrfToken() {
        api.created("/api/users", Map.of("email", "page@example.org", "name", "Page", "password", PASSWORD));
        Response wrong = plain.target(base() + "/login").request().post(Entity.form(new Form().param("email", "page@example.org")
                .param("password", "pas le bon mot de passe")));
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getCookies()).doesNotContainKey(AuthFilter.SESSION_COOKIE);

        NewCookie session = signIn("page@example.org", PASSWORD);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo(NewCookie.SameSite.LAX);

        // A signed-in page works; a form posted without the session's CSRF token is refused, nothing created.
        assertThat(plain.target(base() + "/account").request().cookie(session).get().getStatus()).isEqualTo(200);
        Response forged = plain.target(base() + "/organizations").request().cookie(session).post(Entity.form(new Form()
                .param("name", "Forgée").param("sector", "624410").param("region", "CA-QC").param("employees", "3")));
        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(api.list("/api/organizations")).noneMatch(o -> "Forgée".equals(o.get("name")));

        // Signed out, the cookie no longer opens anything.
        plain.target(base() + "/logout").request().cookie(session).header("X-CSRF-Token", csrfOf(session))
                .post(Entity.form(new Form()));
        Response after = plain.target(base() + "/account").request().cookie(session).get();
        assertThat(after.getStatus()).isEqualTo(303);
        assertThat(after.getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void changingOnesPasswordChecksTheCurrentOneAndClosesTheOtherSessions() {
        api.created("/api/users", Map.of("email", "change@example.org", "name", "Change", "password", PASSWORD));
        NewCookie here = signIn("change@example.org", PASSWORD);
        NewCookie elsewhere = signIn("change@example.org", PASSWORD);
        String csrf = csrfOf(here);

        Response wrong = plain.target(base() + "/account/password").request().cookie(here).post(Entity.form(new Form()
                .param("csrf", csrf).param("currentPassword", "pas celui-là").param("newPassword", "un tout nouveau mot de passe")));
        assertThat(wrong.getStatus()).isEqualTo(422);
        Response changed = plain.target(base() + "/account/password").request().cookie(here).post(Entity.form(new Form()
                .param("csrf", csrf).param("currentPassword", PASSWORD).param("newPassword", "un tout nouveau mot de passe")));
        assertThat(changed.getStatus()).isEqualTo(303);

        assertThat(plain.target(base() + "/account").request().cookie(here).get().getStatus()).isEqualTo(200);
        assertThat(plain.target(base() + "/account").request().cookie(elsewhere).get().getStatus()).isEqualTo(303);
        Response old = plain.target(base() + "/login").request().post(Entity.form(new Form().param("email", "change@example.org")
                .param("password", PASSWORD)));
        assertThat(old.getStatus()).isEqualTo(401);
        assertThat(signIn("change@example.org", "un tout nouveau mot de passe")).isNotNull();
    }

    @Test
    void withoutATokenTheApiAnswers401AndPagesLeadToSignIn() {
        Response api401 = plain.target(base() + "/api/organizations").request().get();
        assertThat(api401.getStatus()).isEqualTo(401);
        assertThat(api401.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(plain.target(base() + "/api/organizations").request().header(HttpHeaders.AUTHORIZATION, "Basic YTpi").get()
                .getStatus()).isEqualTo(401);
        Response page = plain.target(base() + "/organizations/1?year=2024").request().get();
        assertThat(page.getStatus()).isEqualTo(303);
        assertThat(page.getLocation().toString()).endsWith("/login?next=%2Forganizations%2F1%3Fyear%3D2024");
        assertThat(plain.target(base() + "/assets/empreinte.css").request().get().getStatus()).isEqualTo(200);
    }

    @ParameterizedTest(name = "next={0}")
    @ValueSource(strings = {"/account\t/x", "/\t/evil.example", "/account\r\nSet-Cookie: evil.example=1", "/account\nX: evil.example",
        "//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert('evil.example')", "evil.example/x",
        "/evil.example path", "/evil.example?%zz", "/\u0000evil.example", "/\u00e9vil.example"})
    void aMalformedNextLeadsHomeNeverToAnErrorNorIntoTheLog(String next) {
        Response response = plain.target(base() + "/login").request().post(Entity.form(new Form()
                .param("email", TestApp.ADMIN_EMAIL).param("password", TestApp.ADMIN_PASSWORD).param("next", next)));
        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.getLocation()).isEqualTo(java.net.URI.create(base() + "/"));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains("evil.example"));
        assertThat(logs.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR));
    }

    @Test
    void aRefusedSignInKeepsOnlyASafeNextInItsForm() {
        for (String next : List.of("/account\r\n/evil.example", "/\t/evil.example")) {
            Response refused = plain.target(base() + "/login").request().post(Entity.form(new Form()
                    .param("email", TestApp.ADMIN_EMAIL).param("password", "pas le bon mot de passe").param("next", next)));
            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(refused.readEntity(String.class)).contains("name=\"next\" value=\"/\"").doesNotContain("evil.example");
        }
        Response kept = plain.target(base() + "/login").request().post(Entity.form(new Form()
                .param("email", TestApp.ADMIN_EMAIL).param("password", TestApp.ADMIN_PASSWORD)
                .param("next", "/organizations?year=2024&lang=en")));
        assertThat(kept.getStatus()).isEqualTo(303);
        assertThat(kept.getLocation()).isEqualTo(java.net.URI.create(base() + "/organizations?year=2024&lang=en"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "email=pas-une-adresse;name=X                      | 422 | email",
        "email=court@example.org;name=X;password=court     | 422 | password",
        "email=sans-nom@example.org                        | 422 | name",
        "email=admin@empreinte.local;name=Doublon          | 409 | email",
        "email=faible@example.org;name=X;password=aaaaaaaaaaaa | 422 | password",
        "email=faible@example.org;name=X;password=password1234 | 422 | password",
    })
    void refusesABadUserByName(String fields, int status, String field) {
        Map<String, Object> body = new java.util.HashMap<>();
        for (String pair : fields.split(";")) {
            String[] kv = pair.split("=");
            body.put(kv[0].strip(), kv[1].strip());
        }
        Response response = api.request("/api/users").post(Entity.json(body));
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.readEntity(JSON)).containsEntry("field", field).containsEntry("code", status);
    }

    @Test
    void aPasswordTooLongOrTooEasyToGuessIsRefusedBeforeAnythingIsStored() {
        for (String password : List.of("une phrase que personne ne devine ".repeat(4).substring(0, 129), "x".repeat(100_000))) {
            Response refused = api.request("/api/users").post(Entity.json(Map.of("email", "long@example.org", "name", "Longue",
                    "password", password)));
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.readEntity(JSON)).containsEntry("field", "password")
                    .containsEntry("message", "a password has at most 128 characters");
        }
        assertThat(api.list("/api/users")).noneMatch(u -> "long@example.org".equals(u.get("email")));

        api.created("/api/users", Map.of("email", "faible@example.org", "name", "Faible", "password", PASSWORD));
        NewCookie session = signIn("faible@example.org", PASSWORD);
        String csrf = csrfOf(session);
        Response guessable = plain.target(base() + "/account/password").request().cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "fr").post(Entity.form(new Form().param("csrf", csrf)
                        .param("currentPassword", PASSWORD).param("newPassword", "password1234")));
        assertThat(guessable.getStatus()).isEqualTo(422);
        assertThat(guessable.readEntity(String.class)).contains("Ce mot de passe est trop facile à deviner");
        Response tooLong = plain.target(base() + "/account/password").request().cookie(session)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").post(Entity.form(new Form().param("csrf", csrf)
                        .param("currentPassword", PASSWORD).param("newPassword", "x".repeat(129))));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.readEntity(String.class)).contains("A password has at most 128 characters.");
        // Neither was stored: the old password still signs in.
        assertThat(signIn("faible@example.org", PASSWORD)).isNotNull();
    }

    @Test
    void refusesABadMembershipByName() {
        long org = api.organization();
        Response role = api.request("/api/organizations/" + org + "/members").post(Entity.json(Map.of("userId", 1, "role", "owner")));
        assertThat(role.getStatus()).isEqualTo(422);
        assertThat(role.readEntity(JSON)).containsEntry("field", "role");
        Response user = api.request("/api/organizations/" + org + "/members").post(Entity.json(Map.of("userId", 999_999,
                "role", "viewer")));
        assertThat(user.getStatus()).isEqualTo(422);
        assertThat(user.readEntity(JSON)).containsEntry("field", "userId");
        assertThat(api.list("/api/organizations/" + org + "/members")).isEmpty();
    }

    @Test
    void refusesABadCoordinatorAndABadAuditLimitByName() {
        long network = id(api.created("/api/networks", Map.of("name", "Pôle")));
        Response missing = api.request("/api/networks/" + network + "/coordinators").post(Entity.json(Map.of()));
        assertThat(missing.getStatus()).isEqualTo(422);
        assertThat(missing.readEntity(JSON)).containsEntry("field", "userId");
        Response unknown = api.request("/api/networks/" + network + "/coordinators").post(Entity.json(Map.of("userId", 999_999)));
        assertThat(unknown.getStatus()).isEqualTo(422);
        assertThat(api.list("/api/networks/" + network + "/coordinators")).isEmpty();
        Response limit = api.request("/api/organizations/" + api.organization() + "/audit?limit=beaucoup").get();
        assertThat(limit.getStatus()).isEqualTo(422);
        assertThat(limit.readEntity(JSON)).containsEntry("field", "limit");
        Response token = api.request("/api/users/1/tokens").post(Entity.json(Map.of("label", "x".repeat(101))));
        assertThat(token.getStatus()).isEqualTo(422);
        assertThat(token.readEntity(JSON)).containsEntry("field", "label");
    }

    private Response me(String token) {
        return plain.target(base() + "/api/users/me").request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token).get();
    }

    private NewCookie signIn(String email, String password) {
        Response response = plain.target(base() + "/login").request().post(Entity.entity(new Form().param("email", email)
                .param("password", password).param("next", "/account"), MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(response.getStatus()).isEqualTo(303);
        return response.getCookies().get(AuthFilter.SESSION_COOKIE);
    }

    /** The CSRF token the account page's forms carry for this session. */
    private String csrfOf(NewCookie session) {
        String page = plain.target(base() + "/account").request().cookie(session).get(String.class);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String base() {
        return "http://localhost:" + APP.getLocalPort();
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }
}
