package org.empreinte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.empreinte.calculation.Disclosure;

/**
 * The three ways a peer's or member's exact figure was recovered from outside (issue 13), replayed through the API.
 * Electricity at eccc-electricity-ca-qc-2020 = 0.0019 kg CO2e/kWh, 10 FTE each, so that an intensity of x kg per
 * FTE is x x 10 / 0.0019 kWh. Values are chosen so that the published precision (2 significant figures for
 * medians, 3 for totals) moves each by more than 0.5 %: the attack fails when nothing it reads, or works out, comes
 * within 0.5 % of any exact figure.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class PeerInferenceTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final double QC = 0.0019;

    private final ApiCalls api = new ApiCalls(APP);

    /**
     * Found: moving its own quantity and watching {@code percentile}, an editor recovered all five peers to 1e-6 in
     * 451 requests. Here it goes further: it shares with the network, so that it sits in the peers' group, and
     * resubmits its inventory at each step (a sweep in 1.5 % steps, about 2,000 requests).
     */
    @Test
    void movingOnesOwnFiguresRecoversNoPeer() {
        long network = id(api.created("/api/networks", Map.of("name", "Réseau sondé")));
        double[] intensities = {1.234, 2.345, 3.456, 4.37, 6.15, 7.35};
        for (int i = 0; i < intensities.length; i++) {
            long peer = organization("Boulangerie " + i, "311811");
            electricity(peer, intensities[i]);
            join(network, peer, "aggregate");
            submit(peer, 2024);
        }
        long attacker = organization("Curieuse", "311811");
        long activity = electricity(attacker, 1);
        join(network, attacker, "aggregate");
        submit(attacker, 2024);

        List<Double> read = new ArrayList<>();
        List<Double> changes = new ArrayList<>();
        Map<String, Object> previous = null;
        int requests = 0;
        for (double own = 0.8; own <= 9 && requests < 2_000; own *= 1.015) {
            api.request("/api/organizations/" + attacker + "/inventories/2024/reopen").post(Entity.json(Map.of())).close();
            Response put = api.request("/api/organizations/" + attacker + "/activities/" + activity)
                    .put(Entity.json(bill(own)));
            assertThat(put.getStatus()).isEqualTo(200);
            put.close();
            submit(attacker, 2024);
            Map<String, Object> answer = new HashMap<>(benchmark(attacker));
            requests += 4;
            // Its own figures are what it logged: they teach it nothing.
            answer.remove("intensityCo2eKgPerFte");
            answer.remove("totalCo2eKg");
            for (String key : List.of("median", "lowerQuartile", "upperQuartile")) {
                if (answer.get(key) instanceof Number n) {
                    read.add(n.doubleValue());
                }
            }
            if (previous != null && !answer.equals(previous)) {
                changes.add(own);
            }
            previous = answer;
        }
        assertThat(requests).isGreaterThan(500);
        assertThat(read).isNotEmpty();
        assertThat(changes).as("its position moves with its own value").isNotEmpty();
        for (double peer : intensities) {
            for (double seen : read) {
                assertThat(Math.abs(seen - peer) / peer).as("read %s, peer %s", seen, peer).isGreaterThan(0.005);
            }
            for (double change : changes) {
                assertThat(Math.abs(change - peer) / peer).as("answer changed at %s, peer %s", change, peer)
                        .isGreaterThan(0.005);
            }
        }
        // Where the answer changes, its own value crossed a published figure, not a peer's.
        for (double change : changes) {
            double rounded = Disclosure.round(change, Disclosure.DISTRIBUTION_DIGITS);
            assertThat(read).anySatisfy(published -> assertThat(Math.abs(published - rounded)).isLessThanOrEqualTo(0.1 + 1e-9));
        }
    }

    /**
     * Found: changing its own sector from a 4-digit code (5 peers) to its 3-digit parent (6 peers) and comparing
     * the two answers identified the one peer in the difference. Now every code it may state gives the same group.
     */
    @Test
    void changingOnesOwnSectorIsolatesNoOne() {
        long network = id(api.created("/api/networks", Map.of("name", "Réseau des services")));
        double[] intensities = {1.234, 2.345, 3.456, 4.37, 6.15};
        for (int i = 0; i < intensities.length; i++) {
            long peer = organization("Garderie " + i, "624410");
            electricity(peer, intensities[i]);
            join(network, peer, "aggregate");
            submit(peer, 2024);
        }
        // The one peer in the difference: same 3 digits (624), another 4-digit industry.
        long lone = organization("Banque alimentaire", "624210");
        electricity(lone, 8.35);
        join(network, lone, "aggregate");
        submit(lone, 2024);

        long attacker = organization("Curieuse", "624410");
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String sector : List.of("624410", "62441", "6244", "624", "624210", "62", "624110")) {
            Response put = api.request("/api/organizations/" + attacker).put(Entity.json(Map.of("name", "Curieuse",
                    "sector", sector, "region", "CA-QC", "employees", 10)));
            assertThat(put.getStatus()).isEqualTo(200);
            put.close();
            Map<String, Object> answer = benchmark(attacker);
            answers.add(answer);
            assertThat(answer.get("suppressed")).as(sector).isEqualTo(false);
            assertThat(answer.get("peers")).as(sector).isEqualTo(6);
        }
        // Every answer the same figures: no difference to take.
        assertThat(answers.stream().map(a -> a.get("median")).distinct()).hasSize(1);
        double median = ((Number) answers.get(0).get("median")).doubleValue();
        assertThat(Math.abs(median - 8.35) / 8.35).isGreaterThan(0.005);
    }

    /**
     * Found: an aggregate with one reporting member showed its total, and a member lowering its sharing to none
     * showed its exact total as the difference of two reads. Now a figure needs 3 members, and totals are rounded.
     */
    @Test
    void theAggregateRevealsNoSingleMember() {
        long network = id(api.created("/api/networks", Map.of("name", "Pôle mesuré")));
        // kg: 6,003.7, 7,506.1 and 1,234: 14,743.8 in all, published as 14,700; the small one is the one that withdraws.
        double[] intensities = {600.37, 750.61, 123.4};
        long[] members = new long[intensities.length];
        for (int i = 0; i < intensities.length; i++) {
            members[i] = organization("Membre " + i, "813410");
            electricity(members[i], intensities[i]);
            join(network, members[i], "aggregate");
        }
        // One and then two members submitted: no figure of them at all.
        submit(members[0], 2024);
        Map<String, Object> one = aggregate(network);
        assertThat(one.get("totalCo2eKg")).isNull();
        assertThat(((Map<?, ?>) one.get("hidden")).get("total")).isEqualTo("too_few");
        assertThat(((Map<?, ?>) one.get("byScope")).get("2")).isNull();
        assertThat(one).doesNotContainKey("intensityCo2eKgPerFte");
        assertThat(one.get("reporting")).isEqualTo(1);
        submit(members[1], 2024);
        Map<String, Object> two = aggregate(network);
        assertThat(two.get("totalCo2eKg")).isNull();
        assertThat(((Map<?, ?>) two.get("byCategory")).values()).containsOnlyNulls();

        // Three: shown, rounded; then one lowers its sharing to none, and the other two are read again.
        submit(members[2], 2024);
        Map<String, Object> three = aggregate(network);
        double all = ((Number) three.get("totalCo2eKg")).doubleValue();
        double exact = (intensities[0] + intensities[1] + intensities[2]) * 10;
        assertThat(all).isEqualTo(Disclosure.round(exact, 3));
        Response withdraw = api.request("/api/networks/" + network + "/members/" + members[2])
                .put(Entity.json(Map.of("sharing", "none")));
        assertThat(withdraw.getStatus()).isEqualTo(200);
        withdraw.close();
        Map<String, Object> after = aggregate(network);
        assertThat(after.get("totalCo2eKg")).as("two left: hidden, no difference to take").isNull();
        // Had the two remaining been shown, the difference would still be rounded: it misses the member's total.
        double difference = all - Disclosure.round((intensities[0] + intensities[1]) * 10, 3);
        assertThat(Math.abs(difference - intensities[2] * 10) / (intensities[2] * 10)).isGreaterThan(0.005);
        for (Object value : ((Map<?, ?>) three.get("byScope")).values()) {
            if (value instanceof Number n) {
                for (double member : intensities) {
                    assertThat(Math.abs(n.doubleValue() - member * 10) / (member * 10)).isGreaterThan(0.005);
                }
            }
        }
    }

    /**
     * Found while building the rules: a network's scope 1 shown beside its categories let the one hidden category be
     * worked out as the scope less the categories shown. Three members burn natural gas (stationary combustion) and buy
     * electricity, one also buys petrol (mobile combustion, alone: hidden). The total's rule hides the
     * smallest category, electricity, beside it; scope 1 stays shown, so stationary combustion must be hidden too, or
     * scope 1 less it is the one member's petrol.
     */
    @Test
    void aScopesCategoriesGiveAwayNoHiddenOne() {
        long network = id(api.created("/api/networks", Map.of("name", "Pôle chauffé")));
        long[] members = new long[3];
        for (int i = 0; i < members.length; i++) {
            members[i] = organization("Chauffé " + i, "813410");
            api.created("/api/organizations/" + members[i] + "/activities", Map.of("type", "natural_gas", "quantity",
                    1_000 + 100 * i, "unit", "m3", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
            // Electricity each (scope 2), 200,000 kWh, 380 kg: the smallest category shown, which the total's own rule
            // hides first; with it the hidden part (the petrol, 3 x 380 kg) passes the rules, one member holding 67 %.
            api.created("/api/organizations/" + members[i] + "/activities", Map.of("type", "electricity", "quantity", 200_000,
                    "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
            join(network, members[i], "aggregate");
        }
        api.created("/api/organizations/" + members[0] + "/activities", Map.of("type", "gasoline", "quantity", 500, "unit", "L",
                "date", "2024-06-01"));
        for (long member : members) {
            submit(member, 2024);
        }
        Map<String, Object> aggregate = aggregate(network);
        Map<?, ?> byScope = (Map<?, ?>) aggregate.get("byScope");
        Map<?, ?> byCategory = (Map<?, ?>) aggregate.get("byCategory");
        Map<?, ?> hidden = (Map<?, ?>) aggregate.get("hidden");
        assertThat(byScope.get("1")).as("three members: shown").isNotNull();
        assertThat(byCategory.get("mobile_combustion")).isNull();
        assertThat(hidden.get("category.mobile_combustion")).isEqualTo("too_few");
        assertThat(byCategory.get("stationary_combustion")).as("scope 1 less it would be the petrol").isNull();
        assertThat(hidden.get("category.stationary_combustion")).isEqualTo("complementary");
    }

    private long organization(String name, String sector) {
        return id(api.created("/api/organizations", Map.of("name", name, "sector", sector, "region", "CA-QC", "employees", 10)));
    }

    private static Map<String, Object> bill(double intensity) {
        return Map.of("type", "electricity", "quantity", intensity * 10 / QC, "unit", "kWh", "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31");
    }

    private long electricity(long org, double intensity) {
        return id(api.created("/api/organizations/" + org + "/activities", bill(intensity)));
    }

    private void join(long network, long org, String sharing) {
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", sharing));
    }

    private void submit(long org, int year) {
        Response response = api.request("/api/organizations/" + org + "/inventories/" + year + "/submit").post(Entity.json(Map.of()));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
    }

    private Map<String, Object> benchmark(long org) {
        return api.request("/api/organizations/" + org + "/benchmark?year=2024").get(ApiCalls.JSON);
    }

    private Map<String, Object> aggregate(long network) {
        Response response = api.request("/api/networks/" + network + "/aggregate?year=2024").get();
        Map<String, Object> body = response.readEntity(ApiCalls.JSON);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(200);
        return body;
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }
}
