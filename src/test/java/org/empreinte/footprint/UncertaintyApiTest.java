package org.empreinte.footprint;

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
 * Intervals over HTTP, worked out by hand from emission-factors/uncertainty.yml:
 * <ul>
 * <li>eccc-natural-gas-ca-qc: CO2 1.926, CH4 0.000037 x 28 = 0.001036, N2O 0.000035 x 265 = 0.009275 kg CO2e/m3 (1.936311);
 * IPCC Vol. 2 Table 2.4 CO2 3.9 %, CH4 and N2O 200 %: U = sqrt((0.994675 x 0.039)^2 + (0.000535 x 2)^2
 * + (0.004790 x 2)^2) = 0.039972;</li>
 * <li>eccc-electricity-ca-on-2020 0.028 kg/kWh (2024 bills take the newest data year): U = 10 % (product assumption);
 * eccc-electricity-ca-qc-2020 0.0019 kg/kWh: U = 50 % (hydro-dominated grid);</li>
 * <li>quantities: measured 5 %, estimated 10 %, extrapolated 25 % (IPCC Vol. 2 p. 2.40, Table 2.15).</li>
 * </ul>
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class UncertaintyApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void aReportWithTwoActivitiesShowsTheirIntervalAndWhatToImproveFirst() {
        long org = api.organization();
        activity(org, Map.of("type", "natural_gas", "quantity", 1000, "unit", "m3", "date", "2024-02-01"));
        activity(org, Map.of("type", "electricity", "quantity", 50_000, "unit", "kWh", "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31", "region", "CA-ON", "dataQuality", "estimated"));
        // Each emission line is a source of its own (its factor's error), but an activity's lines share its quantity,
        // whose error is one error (FootprintUncertainty's quantity groups): the quantity part is the square of the sum.
        // Gas, measured: burned 1,936.311 kg, factor (0.0399721 x 1936.311)^2 = 5990.5; upstream 1,000 m3 x 0.3366
        //   (desnz-2024-natural-gas-upstream-m3) = 336.6 kg, DESNZ's 30 %: (0.30 x 336.6)^2 = 10197.0; the m3 at 5 %:
        //   (0.05 x (1936.311 + 336.6))^2 = 113.6456^2 = 12915.3 (independent, it was 9373.2 + 283.2 = 9656.5).
        // Electricity in Ontario, estimated (NIR 2022 Table A13-7, 2020): generated 50,000 x 0.025 = 1,250 kg at 10 %:
        //   15625; lost 50,000 x (0.028 - 0.025) = 150 kg at 50 %: 5625; the kWh at 10 %: (0.10 x 1400)^2 = 19600.
        // Half-width sqrt(5990.5 + 10197.0 + 12915.3 + 15625 + 5625 + 19600) = sqrt(69952.8) = 264.49 kg on
        //   3,672.911 kg: +- 7.20 %. Generation's part: its factor's 15625 and its share of the kWh's, 125 x 140 = 17500
        //   (each line's kg x uncertainty times the group's sum): 33125 / 69952.8 = 47.4 %.
        double total = 1936.311 + 336.6 + 1250 + 150;
        double generation = Math.pow(0.10 * 1250, 2) + (0.10 * 1250) * (0.10 * 1400);
        double half = Math.sqrt(Math.pow(0.0399721 * 1936.311, 2) + Math.pow(0.30 * 336.6, 2)
                + Math.pow(0.05 * (1936.311 + 336.6), 2) + Math.pow(0.10 * 1250, 2) + Math.pow(0.50 * 150, 2)
                + Math.pow(0.10 * 1400, 2));
        assertThat(half).isCloseTo(264.49, within(0.01));
        Map<String, Object> report = get("/api/organizations/" + org + "/report?year=2024");
        assertThat(number(report, "totalCo2eKg")).isCloseTo(total, within(1e-6));
        Map<?, ?> interval = (Map<?, ?>) report.get("uncertainty");
        assertThat(interval.get("method")).isEqualTo("ipcc-approach-1");
        assertThat(number(interval, "lowerCo2eKg")).isCloseTo(total - half, within(0.01));
        assertThat(number(interval, "upperCo2eKg")).isCloseTo(total + half, within(0.01));
        assertThat(number(interval, "relative")).isCloseTo(half / total, within(1e-5));
        List<?> sources = (List<?>) interval.get("sources");
        assertThat(sources).hasSize(4);
        Map<?, ?> first = (Map<?, ?>) sources.get(0);
        assertThat(first.get("factorId")).isEqualTo("eccc-electricity-generation-ca-on-2020");
        assertThat(first.get("type")).as("the activity's type").isEqualTo("electricity");
        assertThat(number(first, "shareOfVariance")).isCloseTo(generation / (half * half), within(1e-5));
        assertThat(((Map<?, ?>) sources.get(1)).get("factorId")).isEqualTo("eccc-natural-gas-ca-qc");
        assertThat(((Map<?, ?>) sources.get(2)).get("factorId")).isEqualTo("desnz-2024-natural-gas-upstream-m3");
        assertThat(((Map<?, ?>) sources.get(3)).get("factorId")).isEqualTo("eccc-electricity-losses-ca-on-2020");
        // The footprint of API.md carries it too.
        Map<String, Object> footprint = get("/api/organizations/" + org + "/footprint?year=2024");
        assertThat(number((Map<?, ?>) footprint.get("uncertainty"), "upperCo2eKg")).isCloseTo(total + half, within(0.01));

        // Monte Carlo: both sources small and drawn normal, so within a few percent of Approach 1, from a fixed seed.
        Map<?, ?> sampled = (Map<?, ?>) get("/api/organizations/" + org + "/report?year=2024&uncertainty=montecarlo")
                .get("uncertainty");
        assertThat(sampled.get("method")).isEqualTo("monte-carlo");
        assertThat(sampled.get("draws")).isEqualTo(10_000);
        assertThat(((Number) sampled.get("seed")).longValue()).isEqualTo(20261129L);
        double sampledHalf = (number(sampled, "upperCo2eKg") - number(sampled, "lowerCo2eKg")) / 2;
        assertThat(sampledHalf).isCloseTo(half, within(0.04 * half));
        Response bad = api.request("/api/organizations/" + org + "/report?year=2024&uncertainty=exact").get();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.readEntity(JSON).get("field")).isEqualTo("uncertainty");

        // The pages: the interval beside the total, the sources to improve first.
        String page = api.request("/organizations/" + org + "/report?year=2024").header("Accept-Language", "fr-CA").get(String.class);
        assertThat(page).contains("Intervalle de confiance à 95\u00a0%", "À améliorer en premier", "eccc-electricity-generation-ca-on-2020");
        String english = api.request("/organizations/" + org + "?year=2024").header("Accept-Language", "en").get(String.class);
        assertThat(english).contains("id=\"footprint-interval\"", "95\u00a0% confidence interval", "Improve these first");
        String csv = api.request("/api/organizations/" + org + "/report?year=2024&format=csv").get(String.class);
        assertThat(csv).contains("uncertainty,upper_95");
    }

    @Test
    void aGasBillsTwoLinesAreNamedApartByTheirFactorsLabelsInBothLanguages() {
        long org = api.organization();
        activity(org, Map.of("type", "natural_gas", "quantity", 1000, "unit", "m3", "date", "2024-02-01"));
        Map<?, ?> interval = (Map<?, ?>) get("/api/organizations/" + org + "/report?year=2024").get("uncertainty");
        List<Object> sources = List.copyOf((List<?>) interval.get("sources"));
        assertThat(sources).extracting(s -> (Object) ((Map<?, ?>) s).get("type")).containsOnly("natural_gas");
        assertThat(sources).extracting(s -> (Object) ((Map<?, ?>) s).get("line")).containsExactlyInAnyOrder("direct", "upstream");
        String burnedFr = "Gaz naturel brûlé (résidentiel, commercial, institutionnel) — Québec";
        String upstreamFr = "Amont du gaz naturel (extraction, raffinage, transport), par m³ — facteur britannique";
        String burnedEn = "Natural gas burned (residential, commercial, institutional) — Quebec";
        String upstreamEn = "Upstream of natural gas (extraction, refining, transport), per m³ — UK factor";
        assertThat(sources).extracting(s -> (Object) ((Map<?, ?>) ((Map<?, ?>) s).get("labels")).get("fr"))
                .containsExactlyInAnyOrder(burnedFr, upstreamFr);
        // The report and the organization's page, in French and English: two wordings, neither the bare type.
        String report = api.request("/organizations/" + org + "/report?year=2024").header("Accept-Language", "fr-CA")
                .get(String.class);
        assertThat(improveFirst(report, "report-improve-first")).contains(burnedFr, upstreamFr)
                .doesNotContain(">Gaz naturel <");
        String reportEn = api.request("/organizations/" + org + "/report?year=2024").header("Accept-Language", "en")
                .get(String.class);
        assertThat(improveFirst(reportEn, "report-improve-first")).contains(burnedEn, upstreamEn);
        String page = api.request("/organizations/" + org + "?year=2024").header("Accept-Language", "fr-CA").get(String.class);
        assertThat(improveFirst(page, "footprint-improve-first")).contains(burnedFr, upstreamFr);
        String csv = api.request("/api/organizations/" + org + "/report?year=2024&format=csv").header("Accept-Language", "en")
                .get(String.class);
        assertThat(csv).contains("uncertainty_source,eccc-natural-gas-ca-qc,\"" + burnedEn + "\"",
                "uncertainty_source,desnz-2024-natural-gas-upstream-m3,\"" + upstreamEn + "\"");
    }

    /** The element with that id, to its table's end: what the reader sees under "improve these first". */
    private static String improveFirst(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return page.substring(start, page.indexOf("</table>", start));
    }

    @Test
    void theExtrapolatedQualityIsAcceptedWithItsUncertaintyAndOthersAreRefusedNamingTheAccepted() {
        long org = api.organization();
        Map<String, Object> created = activity(org, Map.of("type", "natural_gas", "quantity", 1000, "unit", "m3",
                "date", "2024-02-01", "dataQuality", "extrapolated"));
        assertThat(created.get("dataQuality")).isEqualTo("extrapolated");
        // Burned, 1,936.311 kg, factor 3.99721 %: 5990.5; upstream, 336.6 kg, factor 30 %: 10197.0; the one extrapolated
        // m3 at 25 % for both lines: (0.25 x 2,272.911)^2 = 568.2278^2 = 322882.8 (as two readings it was 234333.0 +
        // 7081.2): sqrt(339070.3) = 582.30 kg on 2,272.911 kg, +- 25.62 %.
        Map<?, ?> interval = (Map<?, ?>) get("/api/organizations/" + org + "/report?year=2024").get("uncertainty");
        double extrapolated = Math.sqrt(Math.pow(0.0399721 * 1936.311, 2) + Math.pow(0.30 * 336.6, 2)
                + Math.pow(0.25 * (1936.311 + 336.6), 2));
        assertThat(extrapolated).isCloseTo(582.30, within(0.01));
        assertThat(number(interval, "relative")).isCloseTo(extrapolated / (1936.311 + 336.6), within(1e-5));
        Map<?, ?> quality = (Map<?, ?>) get("/api/organizations/" + org + "/report?year=2024").get("dataQuality");
        assertThat(quality.get("extrapolatedActivities")).isEqualTo(1);

        Map<String, Object> guessed = new HashMap<>(Map.of("type", "natural_gas", "quantity", 10, "unit", "m3",
                "date", "2024-03-01", "dataQuality", "guessed"));
        Response english = api.request("/api/organizations/" + org + "/activities").header("Accept-Language", "en")
                .post(Entity.json(guessed));
        Map<String, Object> body = english.readEntity(JSON);
        assertThat(english.getStatus()).isEqualTo(422);
        assertThat(body.get("field")).isEqualTo("dataQuality");
        assertThat((String) body.get("message")).contains("measured, estimated, extrapolated");
        Response french = api.request("/api/organizations/" + org + "/activities").header("Accept-Language", "fr-CA")
                .post(Entity.json(guessed));
        assertThat((String) french.readEntity(JSON).get("message"))
                .endsWith("Qualité des données inconnue ; valeurs acceptées : measured, estimated, extrapolated.");
        // Nothing stored: still the one activity.
        assertThat(api.list("/api/organizations/" + org + "/activities?from=2024-01-01&to=2024-12-31")).hasSize(1);
    }

    @Test
    void aNetworksIntervalCountsASharedFactorOnceAndNamesOnlyWhatTheRulesShow() {
        long network = id(api.created("/api/networks", Map.of("name", "Réseau des incertitudes")));
        long a = organization("A");
        long b = organization("B");
        long c = organization("C");
        // Québec electricity, 2024: A 100,000 kWh (190 kg) and B 80,000 (152 kg) measured, C 70,000 (133 kg) estimated.
        electricity(a, 100_000, "measured");
        electricity(b, 80_000, "measured");
        electricity(c, 70_000, "estimated");
        for (long org : List.of(a, b, c)) {
            api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", "aggregate"));
            submit(org);
        }
        // Each member's electricity is two lines (NIR 2022 Table A13-6, 2020): generated at 1.5 g (A 150, B 120, C 105 kg)
        // and lost at 1.9 - 1.5 = 0.4 g (A 40, B 32, C 28 kg). Each factor is one for all three: generation
        // (0.50 x 375)^2 = 35156.25, losses (0.50 x 100)^2 = 2500; quantities, independent members and lines:
        // (0.05 x 150)^2 + (0.05 x 40)^2 + (0.05 x 120)^2 + (0.05 x 32)^2 + (0.10 x 105)^2 + (0.10 x 28)^2
        // = 56.25 + 4 + 36 + 2.56 + 110.25 + 7.84 = 216.9. sqrt(37873.15) = 194.61 kg: 475 - 194.61 = 280.39 -> 280,
        // 669.61 -> 670 (3 significant figures, as the total), +- 41 %. Independent factors would have given a narrower
        // interval: each member's factor error apart, sqrt(75^2 + 60^2 + 52.5^2 + 20^2 + 16^2 + 14^2 + 216.9) = 113.3 kg.
        double half = Math.sqrt(Math.pow(0.5 * 375, 2) + Math.pow(0.5 * 100, 2) + 216.9);
        assertThat(half).isCloseTo(194.61, within(0.01));
        Map<String, Object> aggregate = get("/api/networks/" + network + "/aggregate?year=2024");
        assertThat(number(aggregate, "totalCo2eKg")).isEqualTo(475);
        Map<?, ?> interval = (Map<?, ?>) aggregate.get("uncertainty");
        assertThat(number(interval, "lowerCo2eKg")).isEqualTo(280);
        assertThat(number(interval, "upperCo2eKg")).isEqualTo(670);
        assertThat(number(interval, "relative")).isEqualTo(0.41);
        // Electricity, three contributors, none above 70 %: named, with all of the variance.
        assertThat((List<?>) interval.get("sources")).singleElement().satisfies(s -> {
            assertThat(((Map<?, ?>) s).get("type")).isEqualTo("electricity");
            assertThat(number((Map<?, ?>) s, "shareOfVariance")).isEqualTo(1.0);
        });
        String page = api.request("/networks/" + network + "?year=2024").header("Accept-Language", "fr-CA").get(String.class);
        assertThat(page).contains("Intervalle de confiance à 95\u00a0% : de 280 à 670 kg (±\u00a041\u00a0%)");

        // A second network where one member also burns a little gas: gas has one contributor, so it is not named, and
        // electricity is not either (its share would give gas's away as the rest).
        long other = id(api.created("/api/networks", Map.of("name", "Réseau au gaz")));
        long d = organization("D");
        long e = organization("E");
        long f = organization("F");
        electricity(d, 100_000, "measured");
        activity(d, Map.of("type", "natural_gas", "quantity", 10, "unit", "m3", "date", "2024-02-01"));
        electricity(e, 80_000, "measured");
        electricity(f, 70_000, "measured");
        for (long org : List.of(d, e, f)) {
            api.created("/api/networks/" + other + "/members", Map.of("organizationId", org, "sharing", "aggregate"));
            submit(org);
        }
        Map<?, ?> withGas = (Map<?, ?>) get("/api/networks/" + other + "/aggregate?year=2024").get("uncertainty");
        assertThat(withGas).isNotNull();
        assertThat((List<?>) withGas.get("sources")).isEmpty();

        // Two members left: the total is hidden, and so is its interval.
        api.request("/api/networks/" + network + "/members/" + c).put(Entity.json(Map.of("sharing", "none"))).close();
        Map<String, Object> two = get("/api/networks/" + network + "/aggregate?year=2024");
        assertThat(two.get("totalCo2eKg")).isNull();
        assertThat(two).doesNotContainKey("uncertainty");
    }

    private long organization(String name) {
        return id(api.created("/api/organizations", Map.of("name", name, "sector", "624410", "region", "CA-QC", "employees", 10)));
    }

    private void electricity(long org, double kwh, String quality) {
        activity(org, Map.of("type", "electricity", "quantity", kwh, "unit", "kWh", "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31", "region", "CA-QC", "dataQuality", quality));
    }

    private void submit(long org) {
        Response response = api.request("/api/organizations/" + org + "/inventories/2024/submit").post(Entity.json(Map.of()));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
    }

    private Map<String, Object> activity(long org, Map<String, Object> body) {
        return api.created("/api/organizations/" + org + "/activities", body);
    }

    private Map<String, Object> get(String path) {
        Response response = api.request(path).get();
        Map<String, Object> body = response.readEntity(JSON);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(200);
        return body;
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
