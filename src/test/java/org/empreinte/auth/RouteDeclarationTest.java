package org.empreinte.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** Every route Jersey serves declares who may call it. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class RouteDeclarationTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /** The resource classes the running application registered, as Jersey's configuration holds them. */
    static Collection<Class<?>> registered(DropwizardAppExtension<EmpreinteConfiguration> app) {
        var config = app.getEnvironment().jersey().getResourceConfig();
        List<Class<?>> classes = new ArrayList<>(config.getClasses());
        config.getInstances().forEach(instance -> classes.add(instance.getClass()));
        return classes;
    }

    @Test
    void everyRouteOfTheApplicationDeclaresItsAccess() {
        List<AccessFilter.Route> routes = AccessFilter.routes(registered(APP));
        assertThat(routes).hasSizeGreaterThan(90);
        assertThat(routes).filteredOn(route -> route.allow() == null).isEmpty();
    }

    @Test
    void onlyTheSignInPageAndInvitationLinksAreOpenToNobody() {
        // An invitation's link is opened by someone who has no account yet: its 256-bit secret is the credential.
        assertThat(AccessFilter.routes(registered(APP)))
                .filteredOn(route -> List.of(route.allow().value()).contains(Permission.PUBLIC))
                .extracting(route -> route.method() + " " + route.path())
                .containsExactlyInAnyOrder("GET /login", "POST /login", "GET /invitations/{secret}", "POST /invitations/{secret}");
    }

    /** A route that names an organization, a network or a person checks it: it is never open to anyone signed in. */
    @Test
    void aRouteNamingAnIdChecksIt() {
        assertThat(AccessFilter.routes(registered(APP)))
                .filteredOn(route -> route.path().matches(".*\\{(orgId|networkId|userId)}.*"))
                .filteredOn(route -> List.of(route.allow().value()).stream()
                        .allMatch(p -> p == Permission.SIGNED_IN || p == Permission.PUBLIC))
                .extracting(route -> route.method() + " " + route.path()).isEmpty();
    }

    /** Jersey's automatic OPTIONS answer is refused, and quietly: anyone could otherwise fill the log. */
    @Test
    void anOptionsRequestIsRefusedWithoutAnError() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(AccessFilter.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> written =
                new ch.qos.logback.core.read.ListAppender<>();
        written.start();
        logger.addAppender(written);
        try {
            var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                    + APP.getLocalPort() + "/api/organizations")).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(written.list).isEmpty();
        } finally {
            logger.detachAppender(written);
        }
    }

    @Path("/api/forgotten")
    public static class Forgotten {
        @GET
        @Allow(Permission.SIGNED_IN)
        public String declared() {
            return "";
        }

        @POST
        @Path("{orgId}")
        public String undeclared() {
            return "";
        }
    }

    @Test
    void aRouteWithoutDeclarationIsFound() {
        assertThat(AccessFilter.routes(List.of(Forgotten.class)))
                .filteredOn(route -> route.allow() == null)
                .extracting(route -> route.method() + " " + route.path())
                .containsExactly("POST /api/forgotten/{orgId}");
    }

    @Path("/api/forgotten-too")
    public static class ForgottenInProduction {
        @GET
        public String undeclared() {
            return "";
        }
    }

    /** A route that slipped through is refused when called, rather than open. */
    @Test
    void anUndeclaredRouteIsRefusedWhenCalled() {
        // Registered after start-up through a second application built like the first, so the real one stays as shipped.
        DropwizardAppExtension<EmpreinteConfiguration> app;
        try {
            app = TestApp.create(UndeclaredApp.class, java.nio.file.Files.createTempFile("empreinte-undeclared", ".db"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            app.before();
            try (var response = app.client().target("http://localhost:" + app.getLocalPort() + "/api/forgotten-too")
                    .request().get()) {
                assertThat(response.getStatus()).isEqualTo(403);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            app.after();
        }
    }

    public static class UndeclaredApp extends org.empreinte.EmpreinteApplication {
        @Override
        public void run(EmpreinteConfiguration configuration, io.dropwizard.core.setup.Environment environment) {
            super.run(configuration, environment);
            environment.jersey().register(new ForgottenInProduction());
        }
    }
}
