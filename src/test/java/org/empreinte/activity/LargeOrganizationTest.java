package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * An organization with 500,000 activities in one year (the size of the 16 MiB upload of the issue, written
 * straight into the database): its activities through the API and its page answer 200, each within a
 * second on a quiet machine. The bound asserted is 3 s, for a loaded 2-core CI machine; each time is
 * printed. Before paging, both answered 500 (SQLITE_TOOBIG) after 12 to 21 s.
 *
 * <p>{@code -Dempreinte.largeOrganization=N} sets the number of activities (500,000 by default).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
// SQLite only for now: its 500,000 activities are written by BulkActivities' SQLite SQL (scalar min(), ids chosen
// past MAX(id), which a PostgreSQL identity would not skip). Issue 12's benchmarks are to measure PostgreSQL at size.
@Tiers.SqliteOnly
class LargeOrganizationTest {

    private static final int ACTIVITIES = Integer.getInteger("empreinte.largeOrganization", 500_000);
    private static final long BOUND_MS = 3_000;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final Pattern NEXT_ON_PAGE = Pattern.compile("id=\"activities-next\" rel=\"next\" href=\"([^\"]+)\"");
    private static final Path DATABASE = TestApp.temporaryDatabase("empreinte-large");
    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(DATABASE);

    private static ApiCalls api;
    private static long org;


    @BeforeAll
    static void largeOrganization() throws Exception {
        api = new ApiCalls(APP);
        org = api.organization();
        long ms = BulkActivities.write(DATABASE, org, ACTIVITIES, 2024);
        System.out.printf("LargeOrganizationTest: %,d activities written in %,d ms%n", ACTIVITIES, ms);
    }

    @Test
    void activitiesThroughTheApiComeByPages() {
        Timed first = time("/api/organizations/" + org + "/activities");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.list()).hasSize(100);
        assertThat(first.next()).isNotNull();
        Timed second = time(first.next());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.list()).hasSize(100);
        assertThat(day(second.list().get(0))).isGreaterThanOrEqualTo(day(first.list().get(99)));
        // The largest page, a filter on the tag of one activity in ten, and a page in the year's last month.
        Timed largest = time("/api/organizations/" + org + "/activities?limit=1000");
        assertThat(largest.list()).hasSize(1000);
        Timed tagged = time("/api/organizations/" + org + "/activities?tag=bulk&type=electricity");
        assertThat(tagged.list()).hasSize(100).allSatisfy(a -> assertThat(a.get("tags")).isEqualTo(List.of("bulk")));
        Timed december = time("/api/organizations/" + org + "/activities?from=2024-12-01&to=2024-12-31");
        assertThat(december.list()).hasSize(100);
        for (Timed timed : List.of(first, second, largest, tagged, december)) {
            assertThat(timed.ms()).as(timed.path()).isLessThan(BOUND_MS);
        }
    }

    @Test
    void theOrganizationsPageShowsItsMostRecentActivities() throws Exception {
        Timed page = time("/organizations/" + org);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.ms()).isLessThan(BOUND_MS);
        assertThat(page.body()).contains("id=\"activity-table\"").contains("2024-12-31");
        assertThat(rows(page.body())).isEqualTo(50);
        Matcher next = NEXT_ON_PAGE.matcher(page.body());
        assertThat(next.find()).isTrue();
        Timed older = time("/organizations/" + org + next.group(1).replace("&amp;", "&").replace("&#61;", "=")
                .replace("#activities", ""));
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.ms()).isLessThan(BOUND_MS);
        assertThat(rows(older.body())).isEqualTo(50);
        assertThat(older.body()).contains("id=\"activities-first\"");

        // The footprint of the year and its summary, on the first view: the page reads the running totals, a few
        // hundred rows whatever the number of activities (it used to announce a footprint computed in the background).
        assertThat(page.body()).contains("id=\"footprint-total\"").contains("id=\"summary\"");
        Timed cached = time("/organizations/" + org);
        assertThat(cached.body()).contains("id=\"footprint-total\"");
        assertThat(cached.ms()).isLessThan(BOUND_MS);
    }

    private record Timed(String path, int status, long ms, String body, String next) {
        List<Map<String, Object>> list() {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, new com.fasterxml.jackson.core.type
                        .TypeReference<List<Map<String, Object>>>() { });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static Timed time(String path) {
        long t0 = System.nanoTime();
        Response response = api.request(path).get();
        String body = response.readEntity(String.class);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("LargeOrganizationTest: GET %s -> %d in %,d ms%n", path, response.getStatus(), ms);
        String link = response.getHeaderString("Link");
        Matcher next = link == null ? null : NEXT_LINK.matcher(link);
        return new Timed(path, response.getStatus(), ms, body, next != null && next.find() ? next.group(1) : null);
    }

    private static String day(Map<String, Object> activity) {
        return (String) activity.get("periodStart");
    }

    private static int rows(String html) {
        String table = html.substring(html.indexOf("id=\"activity-table\""), html.indexOf("</table>", html.indexOf("id=\"activity-table\"")));
        return table.split("<tr>", -1).length - 2; // the header's row, and the text before the first
    }
}
