package org.empreinte.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.ApiCalls.JSON;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Networks, consent and the aggregate over HTTP. Figures from eccc-electricity-ca-qc-2020 = 0.0019 and
 * eccc-electricity-ca-on-2020 = 0.028 kg CO2e/kWh (the newest data year, for 2023 and 2024 bills).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class NetworkApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void theAggregateSumsTheSharingMembersFootprintsAndConsentChangesApplyAtOnce() {
        long network = id(api.created("/api/networks", Map.of("name", "Pôle de l'Estrie")));
        long a = organization("A", "624410", 20, 2_000_000);
        long b = organization("B", "624410", 10, null);
        long c = organization("C", "624410", 5, null);
        long d = organization("D", "624410", 8, null);
        // A: 100,000 kWh in 2024 (190 kg) and a bill of 6,200 kWh over 62 days, 31 of them in 2024: 3,100 kWh, 5.89 kg.
        electricity(a, 100_000, "2024-01-01", "2024-12-31", "CA-QC");
        electricity(a, 6_200, "2023-12-01", "2024-01-31", "CA-QC");
        // B: 50,000 kWh in Ontario, 1,400 kg. C: 10,000 kWh, 19 kg. D: only 2023.
        electricity(b, 50_000, "2024-01-01", "2024-12-31", "CA-ON");
        electricity(c, 10_000, "2024-01-01", "2024-12-31", "CA-QC");
        electricity(d, 10_000, "2023-01-01", "2023-12-31", "CA-QC");
        member(network, a, "detailed");
        member(network, b, "aggregate");
        member(network, c, "none");
        member(network, d, "aggregate");

        double aKg = 100_000 * 0.0019 + 3_100 * 0.0019;
        double bKg = 50_000 * 0.028;
        Map<String, Object> aggregate = aggregate(network, "2024");
        assertThat(aggregate.get("organizations")).isEqualTo(4);
        assertThat(aggregate.get("sharingOrganizations")).isEqualTo(3);
        assertThat(aggregate.get("reporting")).isEqualTo(2);
        assertThat(aggregate.get("notSharing")).isEqualTo(1);
        assertThat(number(aggregate, "totalCo2eKg")).isCloseTo(aKg + bKg, within(1e-9));
        // The same as the sum of the two footprints as the API gives them.
        assertThat(number(aggregate, "totalCo2eKg"))
                .isCloseTo(number(footprint(a, "2024"), "totalCo2eKg") + number(footprint(b, "2024"), "totalCo2eKg"), within(1e-9));
        assertThat(number((Map<?, ?>) aggregate.get("byScope"), "2")).isCloseTo(aKg + bKg, within(1e-9));
        assertThat(number((Map<?, ?>) aggregate.get("byScope"), "1")).isZero();
        // D shares and has not reported: named; C shares nothing: counted, never named.
        assertThat((List<?>) aggregate.get("notReported")).singleElement()
                .satisfies(n -> assertThat(((Map<?, ?>) n).get("name")).isEqualTo("D"));
        assertThat(aggregate.toString()).doesNotContain("name=C");
        // Per-member detail only for A, the one sharing detailed.
        List<?> members = (List<?>) aggregate.get("members");
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(((Map<?, ?>) m).get("name")).isEqualTo("A");
            assertThat(number((Map<?, ?>) m, "totalCo2eKg")).isCloseTo(aKg, within(1e-9));
            assertThat(number((Map<?, ?>) m, "intensityCo2eKgPerFte")).isCloseTo(aKg / 20, within(1e-9));
            assertThat(number((Map<?, ?>) m, "intensityCo2eKgPerMillionCad")).isCloseTo(aKg / 2, within(1e-9));
        });
        // Two intensities per FTE: A's and B's 1,400 / 10 = 140; the median of two is their mean.
        Map<?, ?> perFte = (Map<?, ?>) aggregate.get("intensityCo2eKgPerFte");
        assertThat(perFte.get("count")).isEqualTo(2);
        assertThat(number(perFte, "median")).isCloseTo((aKg / 20 + 140) / 2, within(1e-9));

        // C now shares its aggregate: in the very next read, with its 19 kg.
        Response put = api.request("/api/networks/" + network + "/members/" + c).put(Entity.json(Map.of("sharing", "aggregate")));
        assertThat(put.getStatus()).isEqualTo(200);
        Map<String, Object> after = aggregate(network, "2024");
        assertThat(after.get("reporting")).isEqualTo(3);
        assertThat(after.get("notSharing")).isEqualTo(0);
        assertThat(number(after, "totalCo2eKg")).isCloseTo(aKg + bKg + 10_000 * 0.0019, within(1e-9));

        // A withdraws: out of the totals and of the detail at once.
        api.request("/api/networks/" + network + "/members/" + a).put(Entity.json(Map.of("sharing", "none"))).close();
        Map<String, Object> withdrawn = aggregate(network, "2024");
        assertThat(number(withdrawn, "totalCo2eKg")).isCloseTo(bKg + 10_000 * 0.0019, within(1e-9));
        assertThat((List<?>) withdrawn.get("members")).isEmpty();

        // The member sees what it shares with whom.
        List<Map<String, Object>> shared = api.list("/api/organizations/" + a + "/networks");
        assertThat(shared).singleElement().satisfies(m -> {
            assertThat(m.get("networkName")).isEqualTo("Pôle de l'Estrie");
            assertThat(m.get("sharing")).isEqualTo("none");
        });
        // Leaving the network: gone from its members.
        assertThat(api.request("/api/networks/" + network + "/members/" + d).delete().getStatus()).isEqualTo(204);
        assertThat((List<?>) api.request("/api/networks/" + network).get(JSON).get("members")).hasSize(3);
    }

    @Test
    void aNetworkTargetFollowsTheTrajectoryOfItsSharingMembers() {
        long e = organization("E", "813410", 12, null);
        // 2023: 100,000 kWh, 190 kg; 2024: 80,000 kWh, 152 kg (both at 2020's 1.9 g/kWh, the newest data year).
        electricity(e, 100_000, "2023-01-01", "2023-12-31", "CA-QC");
        electricity(e, 80_000, "2024-01-01", "2024-12-31", "CA-QC");
        long network = id(api.created("/api/networks", Map.of("name", "Réseau cible", "target",
                Map.of("baseYear", 2023, "targetYear", 2030, "reductionPercent", 35, "scopes", List.of(2)))));
        member(network, e, "aggregate");

        Map<?, ?> target = (Map<?, ?>) aggregate(network, "2024").get("target");
        assertThat(number(target, "baseCo2eKg")).isCloseTo(190, within(1e-9));
        // 190 x (1 - 0.35 x 1/7) = 180.5 allowed in 2024; 190 x 0.65 = 123.5 in 2030; 152 is below the line.
        assertThat(number(target, "trajectoryCo2eKg")).isCloseTo(180.5, within(1e-9));
        assertThat(number(target, "targetCo2eKg")).isCloseTo(123.5, within(1e-9));
        assertThat(number(target, "actualCo2eKg")).isCloseTo(152, within(1e-9));
        assertThat(target.get("onTrack")).isEqualTo(true);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndStoresNothing() {
        assertRefused(api.request("/api/networks").post(Entity.json(Map.of())), 422, "name");
        assertRefused(api.request("/api/networks").post(Entity.json(Map.of("name", "  "))), 422, "name");
        assertRefused(api.request("/api/networks").post(Entity.json(Map.of("name", "X", "target",
                Map.of("baseYear", 2023, "targetYear", 2020, "reductionPercent", 30, "scopes", List.of(1))))), 422, "target.targetYear");
        long network = id(api.created("/api/networks", Map.of("name", "Réseau")));
        long org = organization("F", "813410", 3, null);
        String members = "/api/networks/" + network + "/members";

        assertRefused(api.request(members).post(Entity.json(Map.of("organizationId", org, "sharing", "everything"))), 422, "sharing");
        assertRefused(api.request(members).post(Entity.json(Map.of("organizationId", org))), 422, "sharing");
        assertRefused(api.request(members).post(Entity.json(Map.of("sharing", "none"))), 422, "organizationId");
        assertRefused(api.request(members).post(Entity.json(Map.of("organizationId", 999_999, "sharing", "none"))), 404, null);
        assertRefused(api.request("/api/networks/999999/members").post(Entity.json(Map.of("organizationId", org, "sharing", "none"))),
                404, null);
        assertThat((List<?>) api.request("/api/networks/" + network).get(JSON).get("members")).isEmpty();

        member(network, org, "aggregate");
        assertRefused(api.request(members).post(Entity.json(Map.of("organizationId", org, "sharing", "detailed"))), 409,
                "organizationId");
        assertRefused(api.request(members + "/" + org).put(Entity.json(Map.of("sharing", "all"))), 422, "sharing");
        assertThat(((Map<?, ?>) ((List<?>) api.request("/api/networks/" + network).get(JSON).get("members")).get(0))
                .get("sharing")).isEqualTo("aggregate");
        assertRefused(api.request("/api/networks/" + network + "/aggregate?year=1800").get(), 422, "year");
        assertRefused(api.request("/api/organizations/" + org + "/benchmark?year=abc").get(), 422, "year");
        assertRefused(api.request("/api/organizations/999999/benchmark?year=2024").get(), 404, null);
        assertRefused(api.request("/api/organizations/999999/networks").get(), 404, null);
        assertRefused(api.request("/api/networks/999999/aggregate?year=2024").get(), 404, null);
    }

    private void assertRefused(Response response, int status, String field) {
        Map<String, Object> body = response.readEntity(JSON);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(status);
        assertThat(body.get("code")).isEqualTo(status);
        assertThat(body.get("message")).isNotNull();
        assertThat(body.get("field")).isEqualTo(field);
    }

    private long organization(String name, String sector, double employees, Integer revenue) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "sector", sector, "region", "CA-QC", "employees", employees));
        if (revenue != null) {
            body.put("annualRevenueCad", revenue);
        }
        return id(api.created("/api/organizations", body));
    }

    private void electricity(long org, double kwh, String from, String to, String region) {
        api.created("/api/organizations/" + org + "/activities", Map.of("type", "electricity", "quantity", kwh, "unit", "kWh",
                "periodStart", from, "periodEnd", to, "region", region));
    }

    private void member(long network, long org, String sharing) {
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", sharing));
    }

    private Map<String, Object> aggregate(long network, String year) {
        Response response = api.request("/api/networks/" + network + "/aggregate?year=" + year).get();
        Map<String, Object> body = response.readEntity(JSON);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(200);
        return body;
    }

    private Map<String, Object> footprint(long org, String year) {
        return api.request("/api/organizations/" + org + "/footprint?year=" + year).get(JSON);
    }

    static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
