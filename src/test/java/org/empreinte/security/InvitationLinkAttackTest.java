package org.empreinte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.empreinte.EmpreinteApplication;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * An invitation's one-time link, attacked: it is e-mailed in French, opens its own organization only, cannot be
 * used twice, guessed, altered or used after its 14 days, never sets the password of an existing account, and a
 * client trying links in bulk is throttled like one trying passwords.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class InvitationLinkAttackTest {

    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(AtTheTestsClock.class,
            TestApp.temporaryDatabase("invitation-links"), Map.of("mail.host", "127.0.0.1", "mail.port",
                    Integer.toString(SMTP_PORT), "mail.tls", "none", "mail.from", "equipe@empreinte.test",
                    "mail.baseUrl", "https://empreinte.example/",
                    // The limits of config.yml, which TestApp lifts for other classes.
                    "auth.signInThrottle.accountFreeFailures", "5", "auth.signInThrottle.addressFreeFailures", "20"));

    /** Empreinte at the test's clock. */
    public static class AtTheTestsClock extends EmpreinteApplication {
        public AtTheTestsClock() {
            super(CLOCK);
        }
    }

    private final Outsider out = new Outsider(APP);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theLinkOpensItsOwnOrganizationOnceAndNothingElse() throws Exception {
        long a = out.organization("Coop A");
        long b = out.organization("Coop B");
        Outsider.Person editorA = out.person("editeur-a");
        Outsider.Person editorB = out.person("editeur-b");
        out.setUp("POST", "/api/organizations/" + a + "/members", Map.of("userId", editorA.id(), "role", "editor"));
        out.setUp("POST", "/api/organizations/" + b + "/members", Map.of("userId", editorB.id(), "role", "editor"));

        String link = invite(editorA, a, "nouvelle@example.org");
        // E-mailed in French, with the configured address's link.
        MimeMessage mail = java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals("nouvelle@example.org");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Invitation à rejoindre « Coop A » sur Empreinte");
        String body = (String) mail.getContent();
        assertThat(body).contains("vous invite à rejoindre son équipe").contains("https://empreinte.example" + link);
        // Only the secret's hash is kept, and no listing shows it.
        assertThat(out.call(editorA.token(), "GET", "/api/organizations/" + a + "/members/invitations", null).body())
                .doesNotContain(link.substring(link.lastIndexOf('/') + 1));

        // Guessed, or altered by one character: the same 404 as a link that never existed.
        assertThat(get(link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A"))).isEqualTo(404);
        assertThat(get("/invitations/" + "A".repeat(43))).isEqualTo(404);
        // Another person, signed in, cannot accept someone else's invitation through its link.
        assertThat(out.call(editorB.token(), "POST", link + "/accept", null).status()).isEqualTo(404);

        // Weak password: refused, nothing created, the link still good.
        assertThat(join(link, "Nouvelle", "motdepasse").statusCode()).isEqualTo(422);
        HttpResponse<String> joined = join(link, "Nouvelle", "les hérons du canal Lachine");
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.headers().firstValue("Location").orElseThrow()).endsWith("/organizations/" + a);
        String cookie = joined.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("empreinte_session="))
                .findFirst().orElseThrow().split(";")[0];
        // Signed in on A, and on A alone: B is as unknown to her as to anyone.
        assertThat(withCookie(cookie, "/api/organizations/" + a)).isEqualTo(200);
        assertThat(withCookie(cookie, "/api/organizations/" + b)).isEqualTo(404);
        assertThat(out.admin("GET", "/api/organizations/" + a + "/members", null).body()).contains("nouvelle@example.org");
        assertThat(out.admin("GET", "/api/organizations/" + b + "/members", null).body()).doesNotContain("nouvelle@example.org");

        // Used once: neither opening nor joining works again.
        assertThat(get(link)).isEqualTo(404);
        assertThat(join(link, "Autre", "un tout autre mot de passe").statusCode()).isEqualTo(404);

        // An address that has an account already: the link never sets its password (409), and signing in accepts.
        Outsider.Person existing = out.person("existante");
        String forExisting = invite(editorA, a, existing.email());
        assertThat(join(forExisting, "Intruse", "un mot de passe choisi par d'autres").statusCode()).isEqualTo(409);
        assertThat(out.call(existing.token(), "POST", forExisting + "/accept", null).status()).isEqualTo(303);
        assertThat(out.call(existing.token(), "GET", "/api/organizations/" + a, null).status()).isEqualTo(200);

        // Past its 14 days: gone.
        String expiring = invite(editorA, a, "tardive@example.org");
        CLOCK.set(CLOCK.instant().plus(Duration.ofDays(14)).plusSeconds(60));
        assertThat(get(expiring)).isEqualTo(404);
        assertThat(join(expiring, "Tardive", "les hérons du canal Lachine").statusCode()).isEqualTo(404);

        // An editor removed from A: the invitations they sent no longer open anything.
        Outsider.Person leaving = out.person("partante");
        out.setUp("POST", "/api/organizations/" + a + "/members", Map.of("userId", leaving.id(), "role", "editor"));
        String fromLeaving = invite(leaving, a, "amie@example.org");
        assertThat(out.call(editorA.token(), "DELETE", "/api/organizations/" + a + "/members/" + leaving.id(), null).status())
                .isEqualTo(204);
        assertThat(get(fromLeaving)).isEqualTo(404);

        // Trying links in bulk from one address: throttled like sign-in attempts (429 with Retry-After).
        int status = 0;
        for (int i = 0; i < 40 && status != 429; i++) {
            status = get("/invitations/guess" + i + "x".repeat(38));
        }
        assertThat(status).isEqualTo(429);
    }

    /** The path of the link an editor's invitation returns. */
    private String invite(Outsider.Person editor, long organization, String email) {
        Outsider.Answer answer = out.call(editor.token(), "POST", "/api/organizations/" + organization + "/members",
                Map.of("email", email, "role", "viewer"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return URI.create((String) answer.json().get("link")).getPath();
    }

    private int get(String path) {
        return send(HttpRequest.newBuilder(url(path)).GET().build()).statusCode();
    }

    private int withCookie(String cookie, String path) {
        return send(HttpRequest.newBuilder(url(path)).header("Cookie", cookie).GET().build()).statusCode();
    }

    private HttpResponse<String> join(String link, String name, String password) {
        String form = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(url(link)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRequestLogNeverWritesALinksSecret() {
        // Read from the log, a link set the invitee's password before she did (found in review).
        var log = (io.dropwizard.request.logging.LogbackAccessRequestLogFactory)
                ((io.dropwizard.core.server.AbstractServerFactory) APP.getConfiguration().getServerFactory()).getRequestLogFactory();
        assertThat(log.getAppenders()).isNotEmpty();
        for (var appender : log.getAppenders()) {
            var filters = ((io.dropwizard.logging.common.AbstractAppenderFactory<ch.qos.logback.access.common.spi.IAccessEvent>) appender)
                    .getFilterFactories();
            assertThat(filters).hasAtLeastOneElementOfType(org.empreinte.auth.InvitationLinkLog.class);
            var filter = filters.stream().filter(org.empreinte.auth.InvitationLinkLog.class::isInstance).findFirst().orElseThrow().build();
            assertThat(filter.decide(request("/invitations/k3Jd9sQ0vLr7xW2mZp5TnB8cYh4fGa1e")))
                    .isEqualTo(ch.qos.logback.core.spi.FilterReply.DENY);
            assertThat(filter.decide(request("/invitations/k3Jd9sQ0vLr7xW2mZp5TnB8cYh4fGa1e/accept")))
                    .isEqualTo(ch.qos.logback.core.spi.FilterReply.DENY);
            assertThat(filter.decide(request("/organizations/12/team/invitations")))
                    .isEqualTo(ch.qos.logback.core.spi.FilterReply.NEUTRAL);
            assertThat(filter.decide(request("/api/users/me/invitations/3/accept")))
                    .isEqualTo(ch.qos.logback.core.spi.FilterReply.NEUTRAL);
        }
    }

    /** A request-log event for this path (the filter reads nothing else). */
    private static ch.qos.logback.access.common.spi.IAccessEvent request(String path) {
        return (ch.qos.logback.access.common.spi.IAccessEvent) java.lang.reflect.Proxy.newProxyInstance(
                InvitationLinkAttackTest.class.getClassLoader(),
                new Class<?>[] {ch.qos.logback.access.common.spi.IAccessEvent.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getRequestURI")) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
