package org.empreinte.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.ApiCalls.JSON;

import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The peer benchmark over HTTP with the default minimum of 5 peers, from submitted inventories. Figures from
 * eccc-electricity-ca-qc-2020 = 0.0019 kg CO2e/kWh (the newest data year, for 2024 bills).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class BenchmarkApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void suppressedBelowTheMinimumOfSubmittedPeersAndShownAtIt() {
        long network = NetworkApiTest.id(api.created("/api/networks", Map.of("name", "Réseau des mines")));
        // The organization compared: 20 FTE, 60,000 kWh: 114 kg, 5.7 kg per FTE. It shares nothing itself.
        long self = organization("Nous", 20, 60_000);
        // Peers of 10 FTE in the same 6-digit sector and band 10-49: 1.9, 3.8, 5.7, 7.6 (and 9.5) kg per FTE.
        for (int i = 1; i <= 4; i++) {
            long peer = organization("Pair " + i, 10, 10_000 * i);
            join(network, peer, "aggregate");
            submit(peer);
        }
        // Not peers: one sharing nothing, one that submitted nothing, one that logged 2024 but never submitted it.
        long discreet = organization("Discret", 10, 1_000_000);
        join(network, discreet, "none");
        submit(discreet);
        join(network, organization("Silencieux", 10, 0), "detailed");
        join(network, organization("Pas soumis", 10, 45_000), "aggregate");

        Map<String, Object> four = benchmark(self);
        assertThat(four).containsOnlyKeys("suppressed").containsEntry("suppressed", true);

        long fifth = organization("Pair 5", 10, 50_000);
        join(network, fifth, "detailed");
        submit(fifth);
        Map<String, Object> five = benchmark(self);
        assertThat(five.get("suppressed")).isEqualTo(false);
        assertThat(five.get("peers")).isEqualTo(5);
        assertThat(five.get("naicsLevel")).isEqualTo(6);
        assertThat(five.get("sizeBand")).isEqualTo("10-49");
        // Sorted 1.9, 3.8, 5.7, 7.6, 9.5: the median is 5.7 (2 significant figures already); no quartiles below 10.
        assertThat(NetworkApiTest.number(five, "median")).isEqualTo(5.7);
        assertThat(five).doesNotContainKeys("lowerQuartile", "upperQuartile", "position", "intensityCo2eKgPerFte");
        assertThat(five.get("reported")).isEqualTo(false);
        // No peer's revenue is known: no revenue figures.
        assertThat(five).doesNotContainKey("revenue");

        // Once it submits, its own intensity (5.7) is placed against the published median only.
        submit(self);
        Map<String, Object> placed = benchmark(self);
        assertThat(NetworkApiTest.number(placed, "intensityCo2eKgPerFte")).isCloseTo(60_000 * 0.0019 / 20, within(1e-9));
        assertThat(placed.get("position")).isEqualTo("at_median");
        assertThat(NetworkApiTest.number(placed, "percentile")).isEqualTo(50);

        // A peer's live edits after submitting move nothing: only submissions count.
        api.created("/api/organizations/" + fifth + "/activities", Map.of("type", "electricity", "quantity", 900_000, "unit", "kWh",
                "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        assertThat(benchmark(self)).isEqualTo(placed);

        // The member's page says the same in French.
        String page = api.request("/organizations/" + self + "/benchmark?year=2024").header("Accept-Language", "fr-CA")
                .get(String.class);
        assertThat(page).contains("Où en sommes-nous parmi des entreprises semblables ?",
                "Nous sommes à la médiane des entreprises semblables.", "SCIAN 212114", "montrés à partir de 10 entreprises");
        // And in English, for an organization of another sector with no peers at all: suppressed, no figure.
        long alone = NetworkApiTest.id(api.created("/api/organizations",
                Map.of("name", "Seule", "sector", "111110", "region", "CA-QC", "employees", 4)));
        String suppressed = api.request("/organizations/" + alone + "/benchmark?year=2024&lang=en").get(String.class);
        assertThat(suppressed).contains("Where do we stand among similar enterprises?",
                "Fewer than 5 similar enterprises have submitted and share their 2024 inventory").doesNotContain("benchmark-figures");
        assertThat(api.request("/networks?lang=en").get(String.class)).contains("Réseau des mines");
    }

    private long organization(String name, double employees, double kwh) {
        return organization(name, "212114", employees, kwh);
    }

    private long organization(String name, String sector, double employees, double kwh) {
        long id = NetworkApiTest.id(api.created("/api/organizations",
                Map.of("name", name, "sector", sector, "region", "CA-QC", "employees", employees)));
        if (kwh > 0) {
            api.created("/api/organizations/" + id + "/activities", Map.of("type", "electricity", "quantity", kwh, "unit", "kWh",
                    "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        }
        return id;
    }

    private void join(long network, long org, String sharing) {
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", sharing));
    }

    private void submit(long org) {
        var response = api.request("/api/organizations/" + org + "/inventories/2024/submit").post(jakarta.ws.rs.client.Entity.json(Map.of()));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
    }

    private Map<String, Object> benchmark(long org) {
        return api.request("/api/organizations/" + org + "/benchmark?year=2024").get(JSON);
    }
}
