package org.empreinte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;
import org.empreinte.auth.SecretMasking;

/**
 * Finding 3: the admin port listened on every interface, and anyone reaching it listed every
 * organization's total ({@code POST /tasks/recompute?dryRun=true}), ran a recompute, or turned on
 * logging that wrote a Bearer token in clear.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class AdminPortTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Test
    void theAdminPortListensOnThisMachineOnlyByDefault() {
        DefaultServerFactory server = (DefaultServerFactory) APP.getConfiguration().getServerFactory();
        assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getBindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theTasksRefuseAnyoneButAnAdministrator() {
        // The attack as it was made: no credentials at all.
        for (String task : List.of("/tasks/recompute?dryRun=true", "/tasks/recompute", "/tasks/log-level?logger=org&level=DEBUG",
                "/tasks/gc")) {
            try (Response response = admin(task).request().header(HttpHeaders.AUTHORIZATION, "None")
                    .post(Entity.text(""))) {
                assertThat(response.getStatus()).as(task).isEqualTo(401);
                assertThat(response.readEntity(String.class)).doesNotContain("organization");
            }
        }
        String someone = tokenOfSomeoneWhoIsNotAnAdministrator();
        try (Response response = admin("/tasks/recompute?dryRun=true").request()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + someone).post(Entity.text(""))) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
        try (Response response = admin("/metrics").request().header(HttpHeaders.AUTHORIZATION, "None").get()) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
        try (Response response = admin("/tasks/recompute?dryRun=true").request().post(Entity.text(""))) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).startsWith("Dry run:");
        }
    }

    @Test
    void theHealthCheckStaysOpenForSupervisors() {
        try (Response response = admin("/healthcheck").request().header(HttpHeaders.AUTHORIZATION, "None").get()) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aLoggerTurnedToDebugNeverWritesATokenOrASessionCookie() {
        try (Response response = admin("/tasks/log-level?logger=org.empreinte.security.headers&level=DEBUG").request()
                .post(Entity.text(""))) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
        Logger logger = (Logger) LoggerFactory.getLogger("org.empreinte.security.headers");
        assertThat(logger.getLevel()).isEqualTo(Level.DEBUG);
        ListAppender<ILoggingEvent> written = new ListAppender<>();
        written.start();
        logger.addAppender(written);
        try {
            String token = "emp_" + "Zt8kQ2vX9mWc4rLp7nB1yD6s";
            logger.debug("REQUEST GET /api/users/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {}\r\n"
                    + "Cookie: empreinte_session={}; lang=fr\r\n", token, "a1b2c3d4e5f6a7b8c9d0");
            logger.debug("authorization=Bearer {} in a client's wire log", "plain-environment-token-0123456789abcdef");
            logger.debug("nothing secret here: {} activities", 12);
            assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "REQUEST GET /api/users/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ***\r\nCookie: ***\r\n",
                    "authorization=Bearer *** in a client's wire log",
                    "nothing secret here: 12 activities");
        } finally {
            logger.detachAppender(written);
            logger.setLevel(null);
        }
    }

    @Test
    void aTokenAloneIsMaskedWhereverItAppears() {
        assertThat(SecretMasking.mask("token emp_Zt8kQ2vX9mWc4rLp7nB1yD6s was used")).isEqualTo("token emp_*** was used");
    }

    /** The shapes a secret takes in real DEBUG output: header maps, JSON, form bodies, the environment's token. */
    @Test
    void secretsAreMaskedInEveryShapeTheyAreWritten() {
        assertThat(SecretMasking.mask("headers {Authorization=[Bearer abc.def-123], Accept=[*/*]}"))
                .isEqualTo("headers {Authorization=[Bearer ***], Accept=[*/*]}");
        assertThat(SecretMasking.mask("{\"authorization\":\"Bearer abcdef123456\",\"x\":1}"))
                .isEqualTo("{\"authorization\":\"Bearer ***\",\"x\":1}");
        assertThat(SecretMasking.mask("sent Bearer abcdef123456 upstream")).isEqualTo("sent Bearer *** upstream");
        assertThat(SecretMasking.mask("email=a%40b.org&password=hunter2hunter2&next=%2F"))
                .isEqualTo("email=a%40b.org&password=***&next=%2F");
        assertThat(SecretMasking.mask("csrf=x&currentPassword=old&newPassword=new")).isEqualTo("csrf=x&currentPassword=***&newPassword=***");
        // The environment's token has no prefix: it is masked by its value, installed at start-up.
        assertThat(SecretMasking.mask("checked " + TestApp.ADMIN_TOKEN)).isEqualTo("checked ***");
    }

    @Test
    void anExceptionWhoseMessageHoldsATokenIsWrittenMasked() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.empreinte.security.failures");
        ListAppender<ILoggingEvent> written = new ListAppender<>();
        written.start();
        logger.addAppender(written);
        try {
            logger.warn("call failed", new IllegalStateException("refused: Authorization: Bearer emp_Zt8kQ2vX9mWc4rLp7nB1yD6s",
                    new RuntimeException("inner Bearer sekret-value-123")));
            assertThat(written.list).hasSize(1);
            ch.qos.logback.classic.spi.IThrowableProxy thrown = written.list.get(0).getThrowableProxy();
            assertThat(thrown.getMessage()).doesNotContain("Zt8kQ2").contains("IllegalStateException");
            assertThat(thrown.getCause().getMessage()).doesNotContain("sekret-value").contains("Bearer ***");
        } finally {
            logger.detachAppender(written);
        }
    }

    private static jakarta.ws.rs.client.WebTarget admin(String path) {
        return APP.client().target("http://localhost:" + APP.getAdminPort() + path);
    }

    private static String tokenOfSomeoneWhoIsNotAnAdministrator() {
        String api = "http://localhost:" + APP.getLocalPort() + "/api/users";
        Map<String, Object> user = APP.client().target(api).request()
                .post(Entity.json(Map.of("email", "pas-admin@example.org", "name", "Pas admin")), new GenericType<>() { });
        Map<String, Object> token = APP.client().target(api + "/" + user.get("id") + "/tokens").request()
                .post(Entity.json(Map.of("label", "essai")), new GenericType<>() { });
        return (String) token.get("token");
    }
}
