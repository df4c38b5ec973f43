package org.empreinte.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.ApiCalls.JSON;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** Every write leaves who, when, what, before and after; a deleted activity comes back from the trail. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class AuditApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void recordsWhoChangedWhatAndRestoresADeletedActivity() {
        long org = api.organization();
        long user = ((Number) api.created("/api/users", Map.of("email", "editrice@example.org", "name", "Éditrice")).get("id"))
                .longValue();
        api.created("/api/organizations/" + org + "/members", Map.of("userId", user, "role", "editor"));
        String token = (String) api.created("/api/users/" + user + "/tokens", Map.of()).get("token");
        String activities = "/api/organizations/" + org + "/activities";

        // eccc-electricity-ca-qc-2020 (the newest data year): 12,000 kWh x 0.0019 = 22.8 kg, then 6,000 kWh = 11.4 kg.
        Map<String, Object> logged = as(token, "POST", activities, Map.of("type", "electricity", "quantity", 12_000, "unit", "kWh",
                "periodStart", "2024-01-01", "periodEnd", "2024-01-31", "tags", List.of("siège")));
        long id = ((Number) logged.get("id")).longValue();
        as(token, "PUT", activities + "/" + id, Map.of("type", "electricity", "quantity", 6_000, "unit", "kWh",
                "periodStart", "2024-01-01", "periodEnd", "2024-01-31", "tags", List.of("siège")));
        try (Response deleted = api.request(activities + "/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).delete()) {
            assertThat(deleted.getStatus()).isEqualTo(204);
        }

        List<Map<String, Object>> trail = api.request("/api/organizations/" + org + "/audit").get(new GenericType<>() { });
        // Newest first: the deletion, the change, the creation, then the membership and the organization.
        assertThat(trail.subList(0, 3)).extracting(e -> e.get("action")).containsExactly("delete", "update", "create");
        assertThat(trail.subList(0, 3)).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo("editrice@example.org");
            assertThat(e.get("entity")).isEqualTo("activity");
            assertThat(((Number) e.get("entityId")).longValue()).isEqualTo(id);
        });
        Map<?, ?> change = trail.get(1);
        // The activity's direct line, scope 2: Québec's generation, 1.5 g/kWh (NIR 2022, Table A13-6, 2020).
        assertThat(((Number) ((Map<?, ?>) change.get("before")).get("co2eKg")).doubleValue()).isCloseTo(12_000 * 0.0015, within(1e-9));
        assertThat(((Number) ((Map<?, ?>) change.get("after")).get("co2eKg")).doubleValue()).isCloseTo(6_000 * 0.0015, within(1e-9));
        assertThat(trail.get(0).get("after")).isNull();
        assertThat(trail).extracting(e -> e.get("entity")).contains("member", "organization");
        assertThat(trail).filteredOn(e -> "member".equals(e.get("entity"))).singleElement()
                .satisfies(e -> assertThat(e.get("actor")).isEqualTo("EMPREINTE_ADMIN_TOKEN"));

        // Restored: logged again as it was deleted (6,000 kWh, its tag), under a new id.
        Response restored = api.request(activities + "/" + id + "/restore").post(Entity.json(Map.of()));
        assertThat(restored.getStatus()).isEqualTo(201);
        Map<String, Object> back = restored.readEntity(JSON);
        assertThat(((Number) back.get("co2eKg")).doubleValue()).isCloseTo(6_000 * 0.0015, within(1e-9));
        assertThat(((Number) back.get("allLinesCo2eKg")).doubleValue()).isCloseTo(6_000 * 0.0019, within(1e-9));
        assertThat(back.get("tags")).isEqualTo(List.of("siège"));
        assertThat(((Number) back.get("id")).longValue()).isNotEqualTo(id);
        // Only once: the trail's last word on it is now its restoration.
        assertThat(api.request(activities + "/" + id + "/restore").post(Entity.json(Map.of())).getStatus()).isEqualTo(404);
        assertThat(api.request("/api/organizations/" + org + "/audit?limit=1").get(new GenericType<List<Map<String, Object>>>() { }))
                .singleElement().satisfies(e -> assertThat(e.get("action")).isEqualTo("restore"));
    }

    @Test
    void theTrailComesByPagesNewestFirst() {
        long org = api.organization();
        String activities = "/api/organizations/" + org + "/activities";
        for (int i = 0; i < 6; i++) {
            api.created(activities, Map.of("type", "electricity", "quantity", 100 + i, "unit", "kWh", "date", "2024-02-01"));
        }
        List<Map<String, Object>> whole = api.request("/api/organizations/" + org + "/audit?limit=1000")
                .get(new GenericType<>() { });
        assertThat(whole).hasSize(7); // the organization's creation, then six activities

        List<Object> walked = new java.util.ArrayList<>();
        String path = "/api/organizations/" + org + "/audit?limit=3";
        while (path != null) {
            Response page = api.request(path).get();
            assertThat(page.getStatus()).isEqualTo(200);
            String link = page.getHeaderString("Link");
            page.readEntity(new GenericType<List<Map<String, Object>>>() { }).forEach(e -> walked.add(e.get("id")));
            path = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        assertThat(walked).isEqualTo(whole.stream().map(e -> e.get("id")).toList());
        assertThat(walked).isSortedAccordingTo((a, b) -> Long.compare(((Number) b).longValue(), ((Number) a).longValue()));

        for (String refused : List.of("limit=0", "limit=1001", "after=nimporte")) {
            Response response = api.request("/api/organizations/" + org + "/audit?" + refused).get();
            assertThat(response.getStatus()).as(refused).isEqualTo(422);
            assertThat(response.readEntity(JSON)).containsEntry("field", refused.substring(0, refused.indexOf('=')));
        }
    }

    @Test
    void aViewerCannotReadTheTrail() {
        long org = api.organization();
        long user = ((Number) api.created("/api/users", Map.of("email", "lectrice@example.org", "name", "Lectrice")).get("id"))
                .longValue();
        api.created("/api/organizations/" + org + "/members", Map.of("userId", user, "role", "viewer"));
        String token = (String) api.created("/api/users/" + user + "/tokens", Map.of()).get("token");
        try (Response response = api.request("/api/organizations/" + org + "/audit")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).get()) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        try (Response response = api.request("/api/organizations/" + org).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private Map<String, Object> as(String token, String method, String path, Object body) {
        try (Response response = api.request(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).method(method,
                Entity.json(body))) {
            Map<String, Object> entity = response.readEntity(JSON);
            assertThat(response.getStatus()).as(entity.toString()).isBetween(200, 201);
            return entity;
        }
    }
}
