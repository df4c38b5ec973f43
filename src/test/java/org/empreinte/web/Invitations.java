package org.empreinte.web;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;

/** An invitation's one-time link, for the tests that look at its page. */
final class Invitations {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Invitations() {
    }

    /**
     * The path of a new link to the organization: an editor of it invites someone (an administrator would add the
     * person at once, without a link).
     */
    static String link(DropwizardAppExtension<?> app, long organization) {
        ApiCalls api = new ApiCalls(app);
        int n = SEQUENCE.incrementAndGet();
        long editor = ((Number) api.created("/api/users", Map.of("email", "editrice" + n + "@example.org", "name",
                "Éditrice")).get("id")).longValue();
        api.created("/api/organizations/" + organization + "/members", Map.of("userId", editor, "role", "editor"));
        String token = (String) api.created("/api/users/" + editor + "/tokens", Map.of("label", "lien")).get("token");
        try (Response invited = api.request("/api/organizations/" + organization + "/members")
                .header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("email", "invitee" + n + "@example.org", "role", "viewer")))) {
            return URI.create((String) invited.readEntity(ApiCalls.JSON).get("link")).getPath();
        }
    }
}
