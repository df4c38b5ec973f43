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
 * Networks, consent and the aggregate of submitted inventories over HTTP. Figures from eccc-electricity-ca-qc-2020 = 0.0019 and
 * eccc-electricity-ca-on-2020 = 0.028 kg CO2e/kWh (the newest data year, for 2023 and 2024 bills).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class NetworkApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void theAggregateSumsTheSharingMembersSubmissionsAndConsentChangesApplyAtOnce() {
        long network = id(api.created("/api/networks", Map.of("name", "Pôle de l'Estrie")));
        long a = organization("A", "624410", 20, 2_000_000);
        long b = organization("B", "624410", 10, null);
        long c = organization("C", "624410", 5, null);
        long d = organization("D", "624410", 8, null);
        long e = organization("E", "624410", 8, null);
        // A: 100,000 kWh in 2024 and a bill of 6,200 kWh over 62 days, 31 of them in 2024: 103,100 kWh, 195.89 kg.
        electricity(a, 100_000, "2024-01-01", "2024-12-31", "CA-QC");
        electricity(a, 6_200, "2023-12-01", "2024-01-31", "CA-QC");
        // B: 80,000 kWh, 152 kg. C: 60,000 kWh, 114 kg. E: 70,000 kWh, 133 kg. D: only 2023.
        electricity(b, 80_000, "2024-01-01", "2024-12-31", "CA-QC");
        electricity(c, 60_000, "2024-01-01", "2024-12-31", "CA-QC");
        electricity(e, 70_000, "2024-01-01", "2024-12-31", "CA-QC");
        electricity(d, 10_000, "2023-01-01", "2023-12-31", "CA-QC");
        member(network, a, "detailed");
        member(network, b, "aggregate");
        member(network, c, "none");
        member(network, d, "aggregate");
        member(network, e, "aggregate");
        for (long submitting : List.of(a, b, c, e)) {
            submit(submitting, 2024);
        }
        submit(d, 2023);

        double aKg = 103_100 * 0.0019;
        Map<String, Object> aggregate = aggregate(network, "2024");
        assertThat(aggregate.get("organizations")).isEqualTo(5);
        assertThat(aggregate.get("sharingOrganizations")).isEqualTo(4);
        assertThat(aggregate.get("reporting")).isEqualTo(3);
        assertThat(aggregate.get("notSharing")).isEqualTo(1);
        assertThat(aggregate.get("minimumOrganizations")).isEqualTo(3);
        // 195.89 + 152 + 133 = 480.89, to 3 significant figures. Of it, scope 2 is the generation's 1.5 g/kWh (NIR 2022,
        // Table A13-6, 2020): 103,100 + 80,000 + 70,000 = 253,100 kWh x 0.0015 = 379.65, published as 380; the grid's
        // losses, 253,100 x 0.0004 = 101.24, are scope 3 (101).
        assertThat(number(aggregate, "totalCo2eKg")).isEqualTo(481);
        assertThat(number((Map<?, ?>) aggregate.get("byScope"), "2")).isEqualTo(380);
        assertThat(number((Map<?, ?>) aggregate.get("byScope"), "3")).isEqualTo(101);
        assertThat(number((Map<?, ?>) aggregate.get("byScope"), "1")).as("no one contributes: nothing to hide").isZero();
        // Only A's revenue is known: that distribution is hidden, and said why.
        assertThat(aggregate.get("hidden")).isEqualTo(Map.of("intensityCo2eKgPerMillionCad", "too_few"));
        // D shares and has not submitted 2024: named; C shares nothing: counted, never named.
        assertThat((List<?>) aggregate.get("notReported")).singleElement()
                .satisfies(n -> assertThat(((Map<?, ?>) n).get("name")).isEqualTo("D"));
        assertThat(aggregate.toString()).doesNotContain("name=C");
        // Per-member detail only for A, the one sharing detailed: its own submitted figures, exact.
        List<?> members = (List<?>) aggregate.get("members");
        assertThat(members).singleElement().satisfies(m -> {
            assertThat(((Map<?, ?>) m).get("name")).isEqualTo("A");
            assertThat(number((Map<?, ?>) m, "totalCo2eKg")).isCloseTo(aKg, within(1e-9));
            assertThat(number((Map<?, ?>) m, "intensityCo2eKgPerFte")).isCloseTo(aKg / 20, within(1e-9));
            assertThat(number((Map<?, ?>) m, "intensityCo2eKgPerMillionCad")).isCloseTo(aKg / 2, within(1e-9));
        });
        // Three intensities per FTE: 9.79, 15.2 and 16.6; the median 15.2 to 2 significant figures, no quartiles below 10.
        Map<?, ?> perFte = (Map<?, ?>) aggregate.get("intensityCo2eKgPerFte");
        assertThat(perFte.get("count")).isEqualTo(3);
        assertThat(number(perFte, "median")).isEqualTo(15);
        assertThat(perFte.containsKey("lowerQuartile") || perFte.containsKey("upperQuartile")).isFalse();

        // A live edit after submitting moves nothing.
        electricity(e, 500_000, "2024-01-01", "2024-12-31", "CA-QC");
        assertThat(aggregate(network, "2024")).isEqualTo(aggregate);

        // C now shares its aggregate: in the very next read, with its submitted 114 kg (594.89).
        Response put = api.request("/api/networks/" + network + "/members/" + c).put(Entity.json(Map.of("sharing", "aggregate")));
        assertThat(put.getStatus()).isEqualTo(200);
        Map<String, Object> after = aggregate(network, "2024");
        assertThat(after.get("reporting")).isEqualTo(4);
        assertThat(after.get("notSharing")).isEqualTo(0);
        assertThat(number(after, "totalCo2eKg")).isEqualTo(595);

        // A withdraws: out of the totals and of the detail at once (152 + 133 + 114 = 399).
        api.request("/api/networks/" + network + "/members/" + a).put(Entity.json(Map.of("sharing", "none"))).close();
        Map<String, Object> withdrawn = aggregate(network, "2024");
        assertThat(number(withdrawn, "totalCo2eKg")).isEqualTo(399);
        assertThat((List<?>) withdrawn.get("members")).isEmpty();
        // B withdraws too: two left, every figure hidden, and said why.
        api.request("/api/networks/" + network + "/members/" + b).put(Entity.json(Map.of("sharing", "none"))).close();
        Map<String, Object> two = aggregate(network, "2024");
        assertThat(two.get("totalCo2eKg")).isNull();
        assertThat(((Map<?, ?>) two.get("hidden")).get("total")).isEqualTo("too_few");
        String page = api.request("/networks/" + network + "?year=2024").header("Accept-Language", "fr-CA").get(String.class);
        assertThat(page).contains("Total masqué : moins de 3 membres qui partagent ont soumis leur bilan 2024.");

        // The member sees what it shares with whom.
        List<Map<String, Object>> shared = api.list("/api/organizations/" + a + "/networks");
        assertThat(shared).singleElement().satisfies(m -> {
            assertThat(m.get("networkName")).isEqualTo("Pôle de l'Estrie");
            assertThat(m.get("sharing")).isEqualTo("none");
        });
        // Leaving the network: gone from its members.
        assertThat(api.request("/api/networks/" + network + "/members/" + d).delete().getStatus()).isEqualTo(204);
        assertThat((List<?>) api.request("/api/networks/" + network).get(JSON).get("members")).hasSize(4);
    }

    @Test
    void aNetworkTargetFollowsTheTrajectoryOfItsSharingMembers() {
        long network = id(api.created("/api/networks", Map.of("name", "Réseau cible", "target",
                Map.of("baseYear", 2023, "targetYear", 2030, "reductionPercent", 35, "scopes", List.of(2)))));
        // Each 100,000 kWh in 2023; in 2024 80,000, 90,000 and 100,000 kWh. The target is on scope 2, the generation's
        // 1.5 g/kWh (NIR 2022, Table A13-6, 2020; the losses are scope 3): 150 kg each in 2023; 120, 135 and 150 in 2024.
        int[] kwh2024 = {80_000, 90_000, 100_000};
        for (int i = 0; i < kwh2024.length; i++) {
            long org = organization("Membre " + i, "813410", 12, null);
            electricity(org, 100_000, "2023-01-01", "2023-12-31", "CA-QC");
            electricity(org, kwh2024[i], "2024-01-01", "2024-12-31", "CA-QC");
            member(network, org, "aggregate");
            submit(org, 2023);
            submit(org, 2024);
        }
        Map<?, ?> target = (Map<?, ?>) aggregate(network, "2024").get("target");
        assertThat(number(target, "baseCo2eKg")).isEqualTo(450);
        // 450 x (1 - 0.35 x 1/7) = 427.5 allowed in 2024, published as 428; 450 x 0.65 = 292.5 in 2030, as 293;
        // 120 + 135 + 150 = 405 is below the line.
        assertThat(number(target, "trajectoryCo2eKg")).isEqualTo(428);
        assertThat(number(target, "targetCo2eKg")).isEqualTo(293);
        assertThat(number(target, "actualCo2eKg")).isEqualTo(405);
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

    private void submit(long org, int year) {
        Response response = api.request("/api/organizations/" + org + "/inventories/" + year + "/submit").post(Entity.json(Map.of()));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
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

    static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
