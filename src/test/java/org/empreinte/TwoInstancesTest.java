package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.empreinte.ApiCalls.JSON;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.auth.AuthFilter;

/**
 * Two instances of the service on one database (a PostgreSQL schema in the PostgreSQL run, the same SQLite file
 * otherwise) behave as one: what one writes or revokes, the other sees on its next request. Neither keeps tokens,
 * sessions or computed figures that another instance's write could leave stale (reports are cached under the
 * organization's data revision, read from the database on each request).
 */
@ExtendWith({TwoInstancesTest.ForgetSettings.class, DropwizardExtensionsSupport.class})
@Tiers.Api
@Tiers.Slow
class TwoInstancesTest {

    private static final Path DATABASE = TestApp.temporaryDatabase("two-instances");
    static final DropwizardAppExtension<EmpreinteConfiguration> FIRST = TestApp.create(DATABASE);
    static final DropwizardAppExtension<EmpreinteConfiguration> SECOND = TestApp.create(DATABASE);
    private static final String PASSWORD = "deux instances, une seule base";

    /**
     * Each instance's settings are system properties (dw.database.url...), and Dropwizard puts back, when an instance
     * stops, the value a property had when it started: the second instance found the first's and put them back after
     * both stopped, so that a later class in the same JVM (ImportCommandTest) read this class's database. Registered
     * before Dropwizard's extension, this one's after-all runs last.
     */
    static final class ForgetSettings implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith("dw.")) {
                    System.clearProperty(name);
                }
            }
        }
    }

    private final ApiCalls first = new ApiCalls(FIRST);
    private final ApiCalls second = new ApiCalls(SECOND);
    private Client plain;

    @BeforeEach
    void client() {
        plain = ClientBuilder.newClient().property(ClientProperties.FOLLOW_REDIRECTS, false);
    }

    @AfterEach
    void close() {
        plain.close();
    }

    @Test
    void aTokenRevokedOnOneIsRefusedByTheOtherAtOnce() {
        long user = id(first.created("/api/users", Map.of("email", "jeton@example.org", "name", "Jeton")));
        Map<String, Object> token = first.created("/api/users/" + user + "/tokens", Map.of("label", "script"));
        String secret = (String) token.get("token");
        assertThat(me(SECOND, secret)).isEqualTo(200);
        assertThat(me(SECOND, secret)).isEqualTo(200);

        assertThat(first.request("/api/users/" + user + "/tokens/" + id(token)).delete().getStatus()).isEqualTo(204);

        assertThat(me(SECOND, secret)).isEqualTo(401);
        assertThat(me(FIRST, secret)).isEqualTo(401);
    }

    @Test
    void aSessionClosedOnOneIsClosedOnTheOther() {
        first.created("/api/users", Map.of("email", "session@example.org", "name", "Session", "password", PASSWORD));
        NewCookie session = signIn(FIRST, "session@example.org");
        assertThat(account(SECOND, session).getStatus()).isEqualTo(200);

        Response out = plain.target(base(FIRST) + "/logout").request().cookie(session)
                .header("X-CSRF-Token", csrf(SECOND, session)).post(Entity.form(new Form()));
        assertThat(out.getStatus()).isEqualTo(303);

        Response after = account(SECOND, session);
        assertThat(after.getStatus()).isEqualTo(303);
        assertThat(after.getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void aWriteOnOneIsInTheOthersNextReportAlthoughItHadCachedTheLastOne() {
        long org = first.organization();
        String footprint = "/api/organizations/" + org + "/footprint?year=2024";
        first.created("/api/organizations/" + org + "/activities", bill(12_000, "2024-01-01", "2024-01-31"));
        double before = total(second, footprint);
        assertThat(total(second, footprint)).isEqualTo(before);
        assertThat(before).isPositive();

        first.created("/api/organizations/" + org + "/activities", bill(12_000, "2024-02-01", "2024-02-29"));

        double after = total(second, footprint);
        // The same bill again: the year's total doubles, on the instance that did not write as on the one that did.
        assertThat(after).isCloseTo(2 * before, offset(1e-9 * before));
        assertThat(total(first, footprint)).isEqualTo(after);
    }

    @Test
    void aFileImportedOnOneIsRefusedAsADuplicateByTheOther() {
        long org = first.organization();
        String file = "type,quantity,unit,periodStart,periodEnd\nelectricity,500,kWh,2024-03-01,2024-03-31\n";
        String path = "/api/organizations/" + org + "/activities/import";
        try (Response imported = first.request(path).post(Entity.entity(file, "text/csv"))) {
            assertThat(imported.getStatus()).as(imported.readEntity(String.class)).isEqualTo(200);
        }
        try (Response again = second.request(path).post(Entity.entity(file, "text/csv"))) {
            assertThat(again.getStatus()).isEqualTo(409);
        }
        assertThat(second.list("/api/organizations/" + org + "/activities")).hasSize(1);
    }

    private static Map<String, Object> bill(double kwh, String start, String end) {
        return Map.of("type", "electricity", "quantity", kwh, "unit", "kWh", "periodStart", start, "periodEnd", end);
    }

    private static double total(ApiCalls api, String path) {
        return ((Number) api.request(path).get(JSON).get("totalCo2eKg")).doubleValue();
    }

    private int me(DropwizardAppExtension<?> app, String token) {
        try (Response response = plain.target(base(app) + "/api/users/me").request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).get()) {
            return response.getStatus();
        }
    }

    private NewCookie signIn(DropwizardAppExtension<?> app, String email) {
        Response response = plain.target(base(app) + "/login").request().post(Entity.entity(new Form().param("email", email)
                .param("password", PASSWORD).param("next", "/account"), MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(response.getStatus()).isEqualTo(303);
        return response.getCookies().get(AuthFilter.SESSION_COOKIE);
    }

    private Response account(DropwizardAppExtension<?> app, NewCookie session) {
        return plain.target(base(app) + "/account").request().cookie(session).get();
    }

    /** The session's CSRF token, as the account page's forms carry it. */
    private String csrf(DropwizardAppExtension<?> app, NewCookie session) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(account(app, session).readEntity(String.class));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String base(DropwizardAppExtension<?> app) {
        return "http://localhost:" + app.getLocalPort();
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }
}
