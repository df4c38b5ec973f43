package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

/** Requests to the application under test, for the API tests of activity types. */
public final class ApiCalls {

    public static final GenericType<Map<String, Object>> JSON = new GenericType<>() { };

    private final DropwizardAppExtension<?> app;

    public ApiCalls(DropwizardAppExtension<?> app) {
        this.app = app;
    }

    public Invocation.Builder request(String path) {
        return app.client().target("http://localhost:" + app.getLocalPort() + path).request();
    }

    /** A new organization in Québec; its id. */
    public long organization() {
        return ((Number) created("/api/organizations",
                Map.of("name", "Chantier", "sector", "813", "region", "CA-QC", "employees", 30)).get("id")).longValue();
    }

    /** POSTs the body, asserts 201 and returns what was created. */
    public Map<String, Object> created(String path, Map<String, Object> body) {
        Response response = request(path).post(Entity.json(body));
        Map<String, Object> entity = response.readEntity(JSON);
        assertThat(response.getStatus()).as(entity.toString()).isEqualTo(201);
        return entity;
    }

    public List<Map<String, Object>> list(String path) {
        return request(path).get(new GenericType<>() { });
    }
}
