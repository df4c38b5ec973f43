package org.empreinte.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** What stored results depend on changes: they follow, or the change is refused and nothing moves. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class OrganizationChangesApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void movingTheOrganizationRecomputesItsElectricity() {
        long id = organization("CA-AB");
        api.created(activities(id), bill());
        // eccc-electricity-ca-ab-2020 (the newest data year): 1,000 kWh x 0.640 kg.
        assertThat(total(id)).isCloseTo(640, within(1e-9));

        assertThat(put(id, "CA-QC").getStatus()).isEqualTo(200);
        // eccc-electricity-ca-qc-2020: 1,000 kWh x 0.0019 kg.
        assertThat(total(id)).isCloseTo(1.9, within(1e-9));
    }

    @Test
    void aMoveThatWouldLeaveActivitiesWithoutAFactorIsRefusedAndChangesNothing() {
        long id = organization("CA-QC");
        api.created(activities(id), bill());
        Response refused = put(id, "US-NY");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(ApiCalls.JSON).get("field")).isEqualTo("region");
        assertThat(api.request("/api/organizations/" + id).get(ApiCalls.JSON).get("region")).isEqualTo("CA-QC");
        // eccc-electricity-ca-qc-2020: 1,000 kWh x 0.0019 kg.
        assertThat(total(id)).isCloseTo(1.9, within(1e-9));
    }

    @Test
    void movingASiteRecomputesItsActivities() {
        long id = organization("CA-QC");
        Map<String, Object> site = api.created("/api/organizations/" + id + "/sites", Map.of("name", "Entrepôt", "region", "CA-QC"));
        Map<String, Object> bill = new java.util.HashMap<>(bill());
        bill.put("site", "Entrepôt");
        api.created(activities(id), bill);
        Response moved = api.request("/api/organizations/" + id + "/sites/" + site.get("id"))
                .put(Entity.json(Map.of("name", "Entrepôt", "region", "CA-ON")));
        assertThat(moved.getStatus()).isEqualTo(200);
        // eccc-electricity-ca-on-2020: 1,000 kWh x 0.028 kg.
        assertThat(total(id)).isCloseTo(28, within(1e-9));
    }

    @Test
    void aFootprintRangeBeyondTheYearsActivitiesCanHaveIsRefused() {
        long id = organization("CA-QC");
        Response response = api.request("/api/organizations/" + id + "/footprint?from=2024-01-01&to=%2B20000-12-31").get();
        assertThat(response.getStatus()).isIn(400, 422);
        Response tooLate = api.request("/api/organizations/" + id + "/footprint?from=2024-01-01&to=2101-01-01").get();
        assertThat(tooLate.getStatus()).isEqualTo(422);
        assertThat(tooLate.readEntity(ApiCalls.JSON).get("field")).isEqualTo("to");
    }

    private long organization(String region) {
        return ((Number) api.created("/api/organizations",
                Map.of("name", "Coop", "sector", "624410", "region", region, "employees", 5)).get("id")).longValue();
    }

    private Response put(long id, String region) {
        return api.request("/api/organizations/" + id).put(Entity.json(
                Map.of("name", "Coop", "sector", "624410", "region", region, "employees", 5)));
    }

    private static Map<String, Object> bill() {
        return Map.of("type", "electricity", "quantity", 1000, "unit", "kWh", "periodStart", "2024-03-01", "periodEnd", "2024-03-31");
    }

    private static String activities(long id) {
        return "/api/organizations/" + id + "/activities";
    }

    private double total(long id) {
        return ((Number) api.request("/api/organizations/" + id + "/footprint?year=2024").get(ApiCalls.JSON).get("totalCo2eKg"))
                .doubleValue();
    }
}
