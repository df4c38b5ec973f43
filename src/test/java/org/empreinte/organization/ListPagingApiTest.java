package org.empreinte.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The lists of organizations and networks by pages, API and pages: in their order (name, then id), each
 * row once, only the rows the caller may see on every page, the next page behind {@code Link} or a link.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class ListPagingApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final GenericType<List<Map<String, Object>>> LIST = new GenericType<>() { };

    private static ApiCalls api;
    private static String memberToken;
    private static final List<Long> MEMBER_OF = new ArrayList<>();

    @BeforeAll
    static void organizationsAndNetworks() {
        api = new ApiCalls(APP);
        long user = ((Number) api.created("/api/users", Map.of("email", "membre@example.org", "name", "Membre")).get("id"))
                .longValue();
        memberToken = (String) api.created("/api/users/" + user + "/tokens", Map.of()).get("token");
        // 105 organizations, some with the same name (the id orders them); the member belongs to one in seven.
        for (int i = 0; i < 105; i++) {
            String name = i % 10 == 0 ? "Coop homonyme" : "Coop " + (char) ('A' + i % 26) + " " + i;
            long id = ((Number) api.created("/api/organizations", Map.of("name", name, "sector", "624410", "region", "CA-QC",
                    "employees", 3)).get("id")).longValue();
            if (i % 7 == 0) {
                api.created("/api/organizations/" + id + "/members", Map.of("userId", user, "role", "viewer"));
                MEMBER_OF.add(id);
            }
        }
        for (int i = 0; i < 9; i++) {
            long id = ((Number) api.created("/api/networks", Map.of("name", i % 3 == 0 ? "Réseau" : "Réseau " + i)).get("id"))
                    .longValue();
            if (i % 2 == 0) {
                api.created("/api/networks/" + id + "/coordinators", Map.of("userId", user));
            }
        }
    }

    @Test
    void organizationsComeByPagesInTheirOrder() {
        List<Map<String, Object>> all = api.request("/api/organizations?limit=1000").get(LIST);
        assertThat(all).hasSize(105);
        assertThat(walk("/api/organizations?limit=7", null)).isEqualTo(ids(all));
        assertThat(walk("/api/organizations", null)).isEqualTo(ids(all));
        Response first = api.request("/api/organizations").get();
        assertThat(first.readEntity(LIST)).hasSize(100);
        assertThat(first.getHeaderString("Link")).contains("rel=\"next\"");
        // A member sees their organizations only, on every page, and as many as there are.
        List<Long> seen = walk("/api/organizations?limit=2", memberToken);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(MEMBER_OF);
        assertThat(seen).isEqualTo(ids(all).stream().filter(MEMBER_OF::contains).toList());
    }

    @Test
    void networksComeByPagesInTheirOrder() {
        List<Map<String, Object>> all = api.request("/api/networks?limit=1000").get(LIST);
        assertThat(all).hasSize(9);
        assertThat(walk("/api/networks?limit=2", null)).isEqualTo(ids(all));
        assertThat(walk("/api/networks?limit=1", memberToken)).hasSize(5);
        assertThat(api.request("/api/networks?limit=0").get().getStatus()).isEqualTo(422);
    }

    @Test
    void theHomePageAndTheNetworksPageLinkToTheNextPage() {
        String home = page("/");
        assertThat(home.split("<a href=\"/organizations/", -1)).hasSize(101);
        String next = attribute(home, "organizations-next");
        String second = page(next);
        assertThat(second.split("<a href=\"/organizations/", -1)).hasSize(6);
        assertThat(second).contains("id=\"organizations-first\"").doesNotContain("id=\"organizations-next\"");
        assertThat(page("/networks")).doesNotContain("id=\"networks-next\"");
    }

    private static List<Long> walk(String path, String token) {
        List<Long> ids = new ArrayList<>();
        String next = path;
        while (next != null) {
            var request = api.request(next);
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            Response response = request.get();
            assertThat(response.getStatus()).isEqualTo(200);
            String link = response.getHeaderString("Link");
            ids.addAll(ids(response.readEntity(LIST)));
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        return ids;
    }

    private static List<Long> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    }

    private static String page(String path) {
        Response response = api.request(path).get();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.readEntity(String.class);
    }

    private static String attribute(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isPositive();
        int href = html.indexOf("href=\"", at) + 6;
        return html.substring(href, html.indexOf('"', href)).replace("&amp;", "&").replace("&#61;", "=");
    }
}
