package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.GenericType;
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
 * {@code GET .../activities} by pages: walking every page with its {@code Link: rel="next"} gives each
 * activity exactly once, in the list's order (start of the period, then id), with every filter; the body
 * stays a plain JSON list; a bad limit or cursor is a 422 naming it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class ActivityPagingApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final GenericType<List<Map<String, Object>>> LIST = new GenericType<>() { };
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    private static ApiCalls api;
    private static long org;
    /** What was logged: id, start, type, tags. */
    private static final List<Logged> LOGGED = new ArrayList<>();

    private record Logged(long id, LocalDate start, LocalDate end, String type, List<String> tags) {
    }

    @BeforeAll
    static void activities() {
        api = new ApiCalls(APP);
        org = api.organization();
        long other = api.organization();
        // Several activities a day (ties broken by id), two types, some tagged, periods over month ends.
        for (int i = 0; i < 37; i++) {
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays((i * 11) % 90);
            LocalDate end = start.plusDays(i % 3 == 0 ? 20 : 0);
            String type = i % 4 == 0 ? "natural_gas" : "electricity";
            List<String> tags = i % 3 == 1 ? List.of("sommet") : List.of();
            Map<String, Object> body = new HashMap<>(Map.of("type", type, "quantity", 100 + i, "unit",
                    type.equals("electricity") ? "kWh" : "m3", "periodStart", start.toString(), "periodEnd", end.toString(),
                    "tags", tags));
            long id = ((Number) api.created("/api/organizations/" + org + "/activities", body).get("id")).longValue();
            LOGGED.add(new Logged(id, start, end, type, tags));
        }
        api.created("/api/organizations/" + other + "/activities", Map.of("type", "electricity", "quantity", 1, "unit", "kWh",
                "date", "2024-01-15"));
    }

    @Test
    void walkingThePagesGivesEachActivityOnceInOrder() {
        assertThat(walk("?limit=4")).isEqualTo(expected(a -> true));
        assertThat(walk("?limit=1")).isEqualTo(expected(a -> true));
        assertThat(walk("")).isEqualTo(expected(a -> true));
    }

    @Test
    void filtersHoldOnEveryPage() {
        LocalDate from = LocalDate.of(2024, 2, 1);
        LocalDate to = LocalDate.of(2024, 3, 10);
        assertThat(walk("?limit=3&type=natural_gas")).isEqualTo(expected(a -> a.type().equals("natural_gas")));
        assertThat(walk("?limit=3&tag=sommet")).isEqualTo(expected(a -> a.tags().contains("sommet")));
        assertThat(walk("?limit=2&from=2024-02-01&to=2024-03-10&type=electricity")).isEqualTo(expected(a ->
                a.type().equals("electricity") && !a.end().isBefore(from) && !a.start().isAfter(to)));
        assertThat(walk("?limit=5&from=2024-02-01")).isEqualTo(expected(a -> !a.end().isBefore(from)));
    }

    @Test
    void aPageIsAPlainListAndTheLastHasNoNextLink() {
        Response first = api.request("/api/organizations/" + org + "/activities?limit=36").get();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.readEntity(LIST)).hasSize(36).allSatisfy(a -> assertThat(a).containsKeys("id", "co2eKg", "tags"));
        String next = next(first);
        assertThat(next).startsWith("/api/organizations/" + org + "/activities?").contains("limit=36").contains("after=");
        Response last = get(next);
        assertThat(last.readEntity(LIST)).hasSize(1);
        assertThat(next(last)).isNull();
        // A filter that matches nothing: an empty list, no link.
        Response none = api.request("/api/organizations/" + org + "/activities?type=propane").get();
        assertThat(none.readEntity(LIST)).isEmpty();
        assertThat(next(none)).isNull();
    }

    @Test
    void aBadLimitOrCursorIsRefusedNamingIt() {
        for (String limit : List.of("0", "1001", "-1", "beaucoup", "99999")) {
            Response response = api.request("/api/organizations/" + org + "/activities?limit=" + limit).get();
            assertThat(response.getStatus()).as(limit).isEqualTo(422);
            assertThat(response.readEntity(ApiCalls.JSON)).containsEntry("field", "limit").containsEntry("code", 422);
        }
        for (String after : List.of("pas-un-curseur", "MTIz", "%25%25")) {
            Response response = api.request("/api/organizations/" + org + "/activities?after=" + after).get();
            assertThat(response.getStatus()).as(after).isEqualTo(422);
            assertThat(response.readEntity(ApiCalls.JSON)).containsEntry("field", "after");
        }
        assertThat(api.request("/api/organizations/" + org + "/activities?limit=1000").get().getStatus()).isEqualTo(200);
    }

    /** The ids of every page, following the next links from the first. */
    private static List<Long> walk(String query) {
        List<Long> ids = new ArrayList<>();
        String path = "/api/organizations/" + org + "/activities" + query;
        int pages = 0;
        while (path != null) {
            Response response = get(path);
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            String next = next(response);
            List<Map<String, Object>> page = response.readEntity(LIST);
            if (next != null) {
                assertThat(page).as("a page with a next link is full").isNotEmpty();
            }
            page.forEach(a -> ids.add(((Number) a.get("id")).longValue()));
            path = next;
            assertThat(++pages).as("pages").isLessThan(100);
        }
        return ids;
    }

    private static List<Long> expected(Predicate<Logged> filter) {
        return LOGGED.stream().filter(filter).sorted(Comparator.comparing(Logged::start).thenComparingLong(Logged::id))
                .map(Logged::id).toList();
    }

    private static Response get(String path) {
        return api.request(path).get();
    }

    private static String next(Response response) {
        String link = response.getHeaderString("Link");
        if (link == null) {
            return null;
        }
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        return matcher.group(1);
    }
}
