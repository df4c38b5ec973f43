package org.empreinte.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.ApiCalls.JSON;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.ActivityService;
import org.empreinte.db.TestDatabase;

/**
 * Reports are cached, and never stale: after each kind of write, the next read has the new number.
 * For 2024 bills (the newest data year, 2020): Québec's grid (eccc-electricity-ca-qc-2020) is 0.0019 kg CO2e/kWh,
 * Ontario's 0.028, Alberta's 0.640.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class ReportCacheApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private final ApiCalls api = new ApiCalls(APP);
    private long organization;
    private long activity;
    private long site;

    @BeforeEach
    void oneBill() {
        organization = api.organization();
        site = ((Number) api.created(path("/sites"), Map.of("name", "Entrepôt", "region", "CA-ON")).get("id")).longValue();
        activity = ((Number) api.created(path("/activities"), Map.of("type", "electricity", "quantity", 10_000, "unit", "kWh",
                "periodStart", "2024-01-01", "periodEnd", "2024-12-31")).get("id")).longValue();
    }

    @Test
    void aRepeatedReadIsAHitAndCountsInTheMetrics() {
        double hits = gauge("empreinte.reportCache.hits");
        double misses = gauge("empreinte.reportCache.misses");
        report();
        report();
        report();
        assertThat(gauge("empreinte.reportCache.misses")).isEqualTo(misses + 1);
        assertThat(gauge("empreinte.reportCache.hits")).isEqualTo(hits + 2);
    }

    @Test
    void everyKindOfWriteIsSeenByTheNextRead() {
        ToDoubleFunction<Map<String, Object>> total = r -> ((Number) r.get("totalCo2eKg")).doubleValue();
        assertThat(total.applyAsDouble(report())).isCloseTo(10_000 * 0.0019, within(1e-9));

        // an activity logged through the API
        api.created(path("/activities"), Map.of("type", "electricity", "quantity", 1000, "unit", "kWh", "date", "2024-03-01",
                "site", "Entrepôt"));
        assertThat(total.applyAsDouble(report())).isCloseTo(10_000 * 0.0019 + 1000 * 0.028, within(1e-9));

        // an activity changed
        assertThat(status(api.request(path("/activities/" + activity)).put(Entity.json(Map.of("type", "electricity", "quantity", 20_000,
                "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"))))).isEqualTo(200);
        assertThat(total.applyAsDouble(report())).isCloseTo(20_000 * 0.0019 + 1000 * 0.028, within(1e-9));

        // the site's region changed: its activities are recomputed at Alberta's grid
        assertThat(status(api.request(path("/sites/" + site)).put(Entity.json(Map.of("name", "Entrepôt", "region", "CA-AB"))))).isEqualTo(200);
        assertThat(total.applyAsDouble(report())).isCloseTo(20_000 * 0.0019 + 1000 * 0.640, within(1e-9));

        // an activity deleted
        assertThat(status(api.request(path("/activities/" + activity)).delete())).isEqualTo(204);
        assertThat(total.applyAsDouble(report())).isCloseTo(1000 * 0.640, within(1e-9));

        // a CSV import
        Response imported = api.request(path("/activities/import")).post(Entity.entity(
                "type,quantity,unit,periodStart,periodEnd\nelectricity,5000,kWh,2024-06-01,2024-06-30\n", "text/csv"));
        assertThat(status(imported)).isEqualTo(200);
        assertThat(total.applyAsDouble(report())).isCloseTo(1000 * 0.640 + 5000 * 0.0019, within(1e-9));

        // an activity logged from the page's form
        Form form = new Form().param("type", "electricity").param("quantity", "2000").param("unit", "kWh")
                .param("periodStart", "2024-07-01").param("periodEnd", "2024-07-31").param("dataQuality", "measured");
        Response page = api.request("/organizations/" + organization + "/activities").property(
                "jersey.config.client.followRedirects", false).post(Entity.entity(form, MediaType.APPLICATION_FORM_URLENCODED));
        assertThat(status(page)).isEqualTo(303);
        assertThat(total.applyAsDouble(report())).isCloseTo(1000 * 0.640 + 7000 * 0.0019, within(1e-9));

        // an activity written by another process on the same database (the import command, say)
        writeFromAnotherProcess();
        assertThat(total.applyAsDouble(report())).isCloseTo(1000 * 0.640 + 10_000 * 0.0019, within(1e-9));
    }

    @Test
    void theOrganizationsFiguresAndContractsAreSeenByTheNextRead() {
        ToDoubleFunction<Map<String, Object>> perFte = r -> ((Number) intensities(r).get(0).get("co2eKgPerUnit")).doubleValue();
        assertThat(perFte.applyAsDouble(report())).isCloseTo(19.0 / 30, within(1e-12));

        // the profile's FTE
        assertThat(status(api.request(path("")).put(Entity.json(Map.of("name", "Chantier", "sector", "813", "region", "CA-QC",
                "employees", 34))))).isEqualTo(200);
        assertThat(perFte.applyAsDouble(report())).isCloseTo(19.0 / 34, within(1e-12));

        // the year's own FTE
        assertThat(status(api.request(path("/years/2024")).put(Entity.json(Map.of("employees", 20))))).isEqualTo(200);
        assertThat(perFte.applyAsDouble(report())).isCloseTo(19.0 / 20, within(1e-12));

        // a contract added, then deleted
        long contract = ((Number) api.created(path("/electricity-contracts"), Map.of("kind", "renewable", "fromYear", 2024,
                "description", "Certificats")).get("id")).longValue();
        // Renewable electricity replaces the generation's 10,000 x 0.0015 = 15 kg; the grid's losses, 10,000 x 0.0004 =
        // 4 kg in scope 3, stay location-based.
        assertThat(((Number) report().get("totalMarketBasedCo2eKg")).doubleValue()).isCloseTo(4, within(1e-9));
        assertThat(status(api.request(path("/electricity-contracts/" + contract)).delete())).isEqualTo(204);
        assertThat(((Number) report().get("totalMarketBasedCo2eKg")).doubleValue()).isCloseTo(19, within(1e-9));

        // the organization's region: its activities without a site of their own move to Ontario's grid
        assertThat(status(api.request(path("")).put(Entity.json(Map.of("name", "Chantier", "sector", "813", "region", "CA-ON",
                "employees", 34))))).isEqualTo(200);
        assertThat(((Number) report().get("totalCo2eKg")).doubleValue()).isCloseTo(10_000 * 0.028, within(1e-9));
        assertThat(((Number) footprint().get("totalCo2eKg")).doubleValue()).isCloseTo(10_000 * 0.028, within(1e-9));
    }

    private void writeFromAnotherProcess() {
        String url = APP.getConfiguration().getDataSourceFactory().getUrl();
        var jdbi = TestDatabase.migratedAt(url);
        var library = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024", "useeio-1.3"));
        org.empreinte.activity.TestActivities.wire(jdbi, library).activities().create(organization,
                new ActivityRequest("electricity", 3000.0, "kWh", "2024-08-01", "2024-08-31", null, null, null, null, null, null));
    }

    /** Reads the status and releases the connection, which a response left unread would hold. */
    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private Map<String, Object> report() {
        return api.request(path("/report?year=2024")).get(JSON);
    }

    private Map<String, Object> footprint() {
        return api.request(path("/footprint?year=2024")).get(JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> intensities(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("intensities");
    }

    private double gauge(String name) {
        Map<String, Object> metrics = APP.client().target("http://localhost:" + APP.getAdminPort() + "/metrics").request()
                .get(JSON);
        return ((Number) ((Map<?, ?>) ((Map<?, ?>) metrics.get("gauges")).get(name)).get("value")).doubleValue();
    }

    private String path(String rest) {
        return "/api/organizations/" + organization + rest;
    }
}
