package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;
import org.empreinte.auth.AuthFilter;

/**
 * The monthly grid as a browser without scripts posts it, signed in with a session and its CSRF token: a year of
 * bills typed the French way weighs what the same bills sent through the API weigh, a refused month stores none of
 * them, and "copy last year" fills the months from the previous year's bills of the same meter.
 */
@Tiers.Api
@Tiers.Slow
@ExtendWith(DropwizardExtensionsSupport.class)
class MonthlyGridPagesTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /** eccc-electricity-ca-qc-2020, the latest Québec grid factor, which 2024 bills take: 1.9 g CO2e per kWh. */
    private static final double QUEBEC_KG_PER_KWH = 0.0019;
    /** A year of a meter, as typed in French from the bills, and the same quantities as numbers. */
    private static final List<String> TYPED = List.of("1 200,5", "1 100", "980,25", "870", "640,5", "512",
            "498", "505,75", "610", "790", "1 020", "1 180,125");
    private static final List<Double> KWH = List.of(1200.5, 1100.0, 980.25, 870.0, 640.5, 512.0,
            498.0, 505.75, 610.0, 790.0, 1020.0, 1180.125);

    private static Client plain;
    private static NewCookie session;
    private static String csrf;
    private ApiCalls api;
    private long organization;

    @BeforeAll
    static void signIn() {
        plain = ClientBuilder.newClient().property(ClientProperties.FOLLOW_REDIRECTS, false);
        try (Response response = plain.target(base() + "/login").request().post(Entity.form(new Form()
                .param("email", TestApp.ADMIN_EMAIL).param("password", TestApp.ADMIN_PASSWORD).param("next", "/account")))) {
            assertThat(response.getStatus()).isEqualTo(303);
            session = response.getCookies().get(AuthFilter.SESSION_COOKIE);
        }
        String account = page("/account", "fr-CA").readEntity(String.class);
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(account);
        assertThat(m.find()).isTrue();
        csrf = m.group(1);
    }

    @AfterAll
    static void close() {
        plain.close();
    }

    @BeforeEach
    void organization() {
        api = new ApiCalls(APP);
        organization = api.organization();
    }

    @Test
    void aYearTypedInTheGridWeighsWhatTheSameBillsSentThroughTheApiWeigh() {
        String grid = page("/organizations/" + organization + "/activities/grid?year=2024", "fr-CA").readEntity(String.class);
        assertThat(grid).contains("<label for=\"month1\">Janvier</label>").contains("<label for=\"month12\">Décembre</label>")
                .contains("name=\"csrf\" value=\"" + csrf + "\"").contains("value=\"2024\"");

        Form form = grid(2024, "electricity", "kWh", "");
        for (int month = 1; month <= 12; month++) {
            form.param("month" + month, TYPED.get(month - 1));
        }
        try (Response response = post(form, "fr-CA")) {
            assertThat(response.getStatus()).as(body(response)).isEqualTo(303);
            assertThat(response.getLocation().toString()).endsWith("/organizations/" + organization + "?year=2024&saved=12");
        }
        String year = page("/organizations/" + organization + "?year=2024&saved=12", "fr-CA").readEntity(String.class);
        assertThat(year).contains("12 factures enregistrées.");

        List<Map<String, Object>> stored = api.list("/api/organizations/" + organization + "/activities?from=2024-01-01&to=2024-12-31");
        assertThat(stored).hasSize(12);
        assertThat(stored).extracting(a -> a.get("periodStart") + "/" + a.get("periodEnd")).contains("2024-02-01/2024-02-29",
                "2024-12-01/2024-12-31");
        assertThat(stored).allSatisfy(a -> {
            assertThat(a.get("dataQuality")).isEqualTo("measured");
            assertThat(((Map<?, ?>) a.get("factor")).get("id")).isEqualTo("eccc-electricity-generation-ca-qc-2020");
        });

        long same = api.organization();
        for (int month = 1; month <= 12; month++) {
            java.time.YearMonth period = java.time.YearMonth.of(2024, month);
            api.created("/api/organizations/" + same + "/activities", Map.of("type", "electricity", "quantity",
                    KWH.get(month - 1), "unit", "kWh", "periodStart", period.atDay(1).toString(), "periodEnd",
                    period.atEndOfMonth().toString()));
        }
        double kwh = KWH.stream().mapToDouble(Double::doubleValue).sum();
        assertThat(kwh).isEqualTo(9907.125);
        double expected = kwh * QUEBEC_KG_PER_KWH;
        assertThat(total(organization)).isCloseTo(expected, within(1e-9)).isCloseTo(total(same), within(1e-9));
    }

    @Test
    void oneRefusedMonthStoresNoneAndIsNamedBesideItsInput() {
        String audit = "/api/organizations/" + organization + "/audit?limit=1000";
        int trail = api.list(audit).size();
        Form form = grid(2024, "electricity", "kWh", "");
        for (int month = 1; month <= 12; month++) {
            // March's 0 reads as a number and is refused by the activity's own rules, after the others were checked.
            form.param("month" + month, month == 3 ? "0" : TYPED.get(month - 1));
        }
        try (Response response = post(form, "fr-CA")) {
            String page = body(response);
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(page).contains("id=\"error-month3\">Mars : Un nombre de").contains("Rien n&#39;a été enregistré")
                    .doesNotContain("id=\"error-month4\"").contains("value=\"1 200,5\"");
        }
        assertThat(api.list("/api/organizations/" + organization + "/activities")).isEmpty();

        Form english = grid(2024, "electricity", "kWh", "");
        english.param("month1", "1,200.5").param("month4", "a lot");
        try (Response response = post(english, "en-CA")) {
            String page = body(response);
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(page).contains("id=\"error-month4\">April: A number is expected.").doesNotContain("error-month1\"");
        }
        try (Response response = post(grid(2024, "electricity", "kWh", ""), "fr-CA")) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(body(response)).contains("Remplissez au moins un mois.");
        }
        assertThat(api.list("/api/organizations/" + organization + "/activities")).isEmpty();
        assertThat(api.list(audit)).as("the trail records nothing either").hasSize(trail);
    }

    @Test
    void copyLastYearFillsTheMonthsOfTheSameMeterAndStoresNothing() {
        long site = ((Number) api.created("/api/organizations/" + organization + "/sites", Map.of("name", "Atelier",
                "region", "CA-QC")).get("id")).longValue();
        String activities = "/api/organizations/" + organization + "/activities";
        api.created(activities, bill(site, 1200.5, "kWh", "2023-01-01", "2023-01-31"));
        // Two bills in one month add up; a bill of another site, another unit or across two months is not this meter's.
        api.created(activities, bill(site, 300, "kWh", "2023-03-01", "2023-03-15"));
        api.created(activities, bill(site, 250.25, "kWh", "2023-03-16", "2023-03-31"));
        api.created(activities, bill(null, 999, "kWh", "2023-05-01", "2023-05-31"));
        api.created(activities, bill(site, 7, "MWh", "2023-06-01", "2023-06-30"));
        api.created(activities, bill(site, 888, "kWh", "2023-07-15", "2023-08-14"));
        int before = api.list(activities).size();

        Form form = grid(2024, "electricity", "kWh", Long.toString(site)).param("copy", "1").param("month2", "5");
        try (Response response = post(form, "fr-CA")) {
            String page = body(response);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(page).contains("id=\"grid-copied\">Quantités de 2023 recopiées (2 mois)");
            assertThat(input(page, "month1")).isEqualTo("1200,5");
            assertThat(input(page, "month2")).as("a month without a bill last year is emptied").isEmpty();
            assertThat(input(page, "month3")).isEqualTo("550,25");
            assertThat(input(page, "month5")).isEmpty();
            assertThat(input(page, "month6")).isEmpty();
            assertThat(input(page, "month7")).isEmpty();
            assertThat(page).contains("<option value=\"" + site + "\" selected>Atelier</option>");
        }
        assertThat(api.list(activities)).hasSize(before);
    }

    @Test
    void saveAndAddAnotherComesBackToAnEmptyFormForTheSameTypeAndSite() {
        long site = ((Number) api.created("/api/organizations/" + organization + "/sites", Map.of("name", "Entrepôt",
                "region", "CA-QC")).get("id")).longValue();
        Form form = new Form().param("csrf", csrf).param("type", "natural_gas").param("quantity", "1 234,5").param("unit", "m3")
                .param("periodStart", "2024-01-01").param("periodEnd", "2024-01-31").param("site", Long.toString(site))
                .param("tags", "").param("dataQuality", "measured").param("another", "1");
        String next;
        try (Response response = request("/organizations/" + organization + "/activities", "fr-CA").post(Entity.form(form))) {
            assertThat(response.getStatus()).as(body(response)).isEqualTo(303);
            next = response.getLocation().toString();
            assertThat(next).contains("/organizations/" + organization + "/activities/new?type=natural_gas&unit=m3&site=" + site
                    + "&saved=1");
        }
        String page = page(next.substring(next.indexOf("/organizations")), "fr-CA").readEntity(String.class);
        assertThat(page).contains("id=\"saved-notice\"").contains("<option value=\"natural_gas\" data-units")
                .contains("<option value=\"" + site + "\" selected>Entrepôt</option>")
                .containsPattern("<option value=\"natural_gas\" data-units=\"[^\"]*\"[^>]* selected>")
                .contains("id=\"grid-link\"");
        assertThat(input(page, "quantity")).isEmpty();
        assertThat(input(page, "periodStart")).isEmpty();
        List<Map<String, Object>> stored = api.list("/api/organizations/" + organization + "/activities");
        assertThat(stored).hasSize(1);
        assertThat(((Number) stored.get(0).get("quantity")).doubleValue()).isEqualTo(1234.5);
    }

    private static Map<String, Object> bill(Long site, double quantity, String unit, String start, String end) {
        Map<String, Object> bill = new java.util.HashMap<>(Map.of("type", "electricity", "quantity", quantity, "unit", unit,
                "periodStart", start, "periodEnd", end));
        if (site != null) {
            bill.put("site", site);
        }
        return bill;
    }

    private double total(long org) {
        return ((Number) api.request("/api/organizations/" + org + "/footprint?year=2024").get(ApiCalls.JSON)
                .get("totalCo2eKg")).doubleValue();
    }

    private Form grid(int year, String type, String unit, String site) {
        return new Form().param("csrf", csrf).param("year", Integer.toString(year)).param("type", type).param("unit", unit)
                .param("site", site).param("tags", "");
    }

    private Response post(Form form, String language) {
        return request("/organizations/" + organization + "/activities/grid", language).post(Entity.form(form));
    }

    private static Response page(String path, String language) {
        Response response = request(path, language).get();
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }

    /** As a browser signed in sends it: the session cookie, no token. */
    private static Invocation.Builder request(String path, String language) {
        return plain.target(base() + path).request().cookie(session).header(HttpHeaders.ACCEPT_LANGUAGE, language);
    }

    private static String input(String page, String name) {
        Matcher m = Pattern.compile("<input id=\"" + Pattern.quote(name) + "\" name=\"" + Pattern.quote(name) + "\"[^>]*?value=\"([^\"]*)\"")
                .matcher(page);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }

    private static String body(Response response) {
        return response.hasEntity() ? response.readEntity(String.class) : "";
    }

    private static String base() {
        return "http://localhost:" + APP.getLocalPort();
    }
}
