package org.empreinte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.TestApp;

/**
 * The requests of someone probing the running service from outside: raw paths sent as written (so
 * that {@code +1} or {@code %EF%BC%91} reach the server untouched), with the token of whoever is
 * calling. People and organizations are set up through the API as the administrator.
 */
final class Outsider {

    record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        Map<String, Object> json() {
            try {
                return new ObjectMapper().readValue(body, new TypeReference<>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        List<Map<String, Object>> list() {
            try {
                return new ObjectMapper().readValue(body, new TypeReference<>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }
    }

    record Person(long id, String email, String token) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final DropwizardAppExtension<?> app;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    Outsider(DropwizardAppExtension<?> app) {
        this.app = app;
    }

    Answer call(String token, String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.getLocalPort() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
            if (body != null) {
                request.header("Content-Type", "application/json");
                publisher = HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
            }
            HttpRequest built = request.method(method, publisher).build();
            HttpResponse<String> response;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // Jetty closes a kept-alive connection after refusing a body it did not read: call again on a new one.
                response = http.send(built, HttpResponse.BodyHandlers.ofString());
            }
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer admin(String method, String path, Object body) {
        return call(TestApp.ADMIN_TOKEN, method, path, body);
    }

    /** As the administrator, expecting success; the answer's JSON. */
    Map<String, Object> setUp(String method, String path, Object body) {
        Answer answer = admin(method, path, body);
        assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
        return answer.body().isEmpty() ? Map.of() : answer.json();
    }

    long organization(String name) {
        return id(setUp("POST", "/api/organizations", Map.of("name", name, "sector", "624410", "region", "CA-QC", "employees", 10)));
    }

    /** A new person with no role anywhere, and a token of theirs. */
    Person person(String role) {
        String email = role + "-" + SEQUENCE.incrementAndGet() + "@example.org";
        long id = id(setUp("POST", "/api/users", Map.of("email", email, "name", role)));
        String token = (String) setUp("POST", "/api/users/" + id + "/tokens", Map.of("label", "probe")).get("token");
        return new Person(id, email, token);
    }

    static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    /** The ways of writing id 1 that Jersey turns into 1, as the attack wrote them. */
    static List<String> spellings(long id) {
        String digits = Long.toString(id);
        StringBuilder fullWidth = new StringBuilder();
        digits.chars().forEach(c -> fullWidth.append(java.net.URLEncoder.encode(String.valueOf((char) ('\uFF10' + c - '0')),
                java.nio.charset.StandardCharsets.UTF_8)));
        return List.of("+" + digits, "%2B" + digits, fullWidth.toString(), "0".repeat(20 - digits.length()) + digits);
    }
}
