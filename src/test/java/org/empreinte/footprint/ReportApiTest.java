package org.empreinte.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.ApiCalls.JSON;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The report over HTTP, every figure written as arithmetic from the cited factors:
 * eccc-electricity-ca-qc-2020 0.0019 and eccc-electricity-ca-on-2020 0.028 kg CO2e/kWh consumed (the newest data year,
 * for 2023 and 2024 bills), of which generated (scope 2: eccc-electricity-generation-ca-qc-2020 0.0015,
 * eccc-electricity-generation-ca-on-2020 0.025) and lost (scope 3 category 3: 0.0019 - 0.0015 = 0.0004 and
 * 0.028 - 0.025 = 0.003), NIR 2022 Tables A13-6 and A13-7;
 * desnz-2024-natural-gas-upstream-m3 0.3366 kg/m3 (WTT- fuels, scope 3 category 3);
 * eccc-natural-gas-ca-qc CO2 1.926, CH4 0.000037, N2O 0.000035 kg/m3 with AR5 (CH4 28, N2O 265);
 * desnz-2024-hotel-ca 7.4 kg per room-night; desnz-2024-waste-mixed-landfill 520.3342 kg per tonne.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class ReportApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();

    private static final double HEAD_OFFICE = 100_000 * 0.0015;
    private static final double TORONTO = 50_000 * 0.025;
    private static final double LOSSES = 100_000 * 0.0004 + 50_000 * 0.003;
    private static final double GAS = 1000 * (1.926 + 0.000037 * 28 + 0.000035 * 265);
    private static final double GAS_UPSTREAM = 1000 * 0.3366;
    private static final double HOTEL = 3 * 7.4;
    private static final double WASTE = 1 * 520.3342;
    private static final double TOTAL = HEAD_OFFICE + TORONTO + LOSSES + GAS + GAS_UPSTREAM + HOTEL + WASTE;
    /** 2023: 10,000 kWh x 0.0019 consumed, of which 10,000 x 0.0015 generated in scope 2. */
    private static final double LAST_YEAR = 10_000 * 0.0019;
    private static final double LAST_YEAR_SCOPE2 = 10_000 * 0.0015;

    private final ApiCalls api = new ApiCalls(APP);
    private long organization;
    private long toronto;

    @BeforeEach
    void logTwoYears() {
        organization = api.organization();
        toronto = id(api.created(path("/sites"), Map.of("name", "Usine de Toronto", "region", "CA-ON")));
        activity(Map.of("type", "electricity", "quantity", 10_000, "unit", "kWh", "periodStart", "2023-01-01", "periodEnd",
                "2023-12-31"));
        activity(Map.of("type", "electricity", "quantity", 100_000, "unit", "kWh", "periodStart", "2024-01-01", "periodEnd",
                "2024-12-31"));
        activity(Map.of("type", "electricity", "quantity", 50_000, "unit", "kWh", "periodStart", "2024-01-01", "periodEnd",
                "2024-12-31", "site", "Usine de Toronto"));
        activity(Map.of("type", "natural_gas", "quantity", 1000, "unit", "m3", "date", "2024-02-01"));
        activity(Map.of("type", "hotel", "quantity", 3, "unit", "night", "date", "2024-05-01", "dataQuality", "estimated",
                "attributes", Map.of("country", "CA")));
        activity(Map.of("type", "waste", "quantity", 1, "unit", "t", "date", "2024-06-01",
                "attributes", Map.of("material", "mixed", "disposal", "landfill")));
    }

    @Test
    void withoutAContractMarketBasedIsLocationBasedAndTheReportSaysSo() {
        Map<String, Object> report = report("2024");
        Map<?, ?> scope2 = (Map<?, ?>) report.get("scope2");
        assertThat(number(scope2, "locationBasedCo2eKg")).isCloseTo(HEAD_OFFICE + TORONTO, within(1e-9));
        assertThat(number(scope2, "marketBasedCo2eKg")).isCloseTo(HEAD_OFFICE + TORONTO, within(1e-9));
        assertThat(scope2.get("marketBasedEqualsLocationBased")).isEqualTo(true);
        assertThat(number(report, "totalMarketBasedCo2eKg")).isCloseTo(TOTAL, within(1e-9));
        // The footprint of API.md is all there, at the top level.
        assertThat(number(report, "totalCo2eKg")).isCloseTo(TOTAL, within(1e-9));
        assertThat(List.<Object>copyOf(((Map<?, ?>) report.get("byScope")).keySet())).containsExactly("1", "2", "3");
    }

    @Test
    void aRenewableContractForOneSiteMakesItsElectricityZeroMarketBased() {
        api.created(path("/electricity-contracts"), Map.of("kind", "renewable", "siteId", toronto, "fromYear", 2024,
                "description", "Certificats d'énergie renouvelable, usine de Toronto"));

        Map<String, Object> report = report("2024");
        Map<?, ?> scope2 = (Map<?, ?>) report.get("scope2");
        assertThat(number(scope2, "locationBasedCo2eKg")).isCloseTo(HEAD_OFFICE + TORONTO, within(1e-9));
        assertThat(number(scope2, "marketBasedCo2eKg")).isCloseTo(HEAD_OFFICE, within(1e-9));
        assertThat(scope2.get("marketBasedEqualsLocationBased")).isEqualTo(false);
        assertThat(number(scope2, "coveredKwh")).isCloseTo(50_000, within(1e-6));
        assertThat(number(report, "totalMarketBasedCo2eKg")).isCloseTo(TOTAL - TORONTO, within(1e-9));
        assertThat(number(report, "totalCo2eKg")).isCloseTo(TOTAL, within(1e-9));
        // 2023 had no contract in force.
        assertThat(((Map<?, ?>) report("2023").get("scope2")).get("marketBasedEqualsLocationBased")).isEqualTo(true);
    }

    @Test
    void aSuppliersRateAppliesToTheKilowattHoursItCovers() {
        // A supplier's own rate of 0.002 kg/kWh for every site in 2024: 150,000 kWh.
        api.created(path("/electricity-contracts"), Map.of("kind", "supplier", "co2eKgPerKwh", 0.002, "fromYear", 2024,
                "toYear", 2025, "description", "Fournisseur, taux 2024"));
        assertThat(number((Map<?, ?>) report("2024").get("scope2"), "marketBasedCo2eKg")).isCloseTo(150_000 * 0.002, within(1e-9));
    }

    @Test
    void intensitiesDivideByTheYearsFiguresOrSayTheyAreTheProfiles() {
        Response put = api.request(path("/years/2024")).put(Entity.json(Map.of("employees", 25, "revenueCad", 2_000_000,
                "customLabel", "repas servis", "customValue", 120_000)));
        assertThat(put.getStatus()).isEqualTo(200);

        List<Map<String, Object>> intensities = intensities(report("2024"));
        assertThat(intensities).extracting(i -> i.get("metric")).containsExactly("employees", "revenue", "custom");
        assertThat(number(intensities.get(0), "co2eKgPerUnit")).isCloseTo(TOTAL / 25, within(1e-9));
        assertThat(number(intensities.get(1), "co2eKgPerUnit")).isCloseTo(TOTAL / 2, within(1e-9));
        assertThat(number(intensities.get(2), "co2eKgPerUnit")).isCloseTo(TOTAL / 120_000, within(1e-12));
        assertThat(intensities.get(2).get("label")).isEqualTo("repas servis");
        assertThat(intensities).allSatisfy(i -> assertThat(i.get("recordedForYear")).isEqualTo(true));

        // 2023 has no figures of its own: the profile's 30 FTE, said as such; no revenue anywhere, so no revenue intensity.
        List<Map<String, Object>> earlier = intensities(report("2023"));
        assertThat(earlier).singleElement().satisfies(i -> {
            assertThat(i.get("metric")).isEqualTo("employees");
            assertThat(number(i, "co2eKgPerUnit")).isCloseTo(LAST_YEAR / 30, within(1e-12));
            assertThat(i.get("recordedForYear")).isEqualTo(false);
        });
        // A span other than a calendar year has no intensities: its denominators are a year's.
        assertThat(intensities(api.request(path("/report?from=2024-01-01&to=2024-06-30")).get(JSON))).isEmpty();
    }

    @Test
    void comparesWithTheSameSpanAYearEarlier() {
        Map<?, ?> previous = (Map<?, ?>) report("2024").get("previousPeriod");
        assertThat(previous.get("from")).isEqualTo("2023-01-01");
        assertThat(previous.get("hasData")).isEqualTo(true);
        assertThat(number(previous, "totalCo2eKg")).isCloseTo(LAST_YEAR, within(1e-9));
        assertThat(number(previous, "changeCo2eKg")).isCloseTo(TOTAL - LAST_YEAR, within(1e-9));
        assertThat(number(previous, "changePercent")).isCloseTo((TOTAL - LAST_YEAR) / LAST_YEAR * 100, within(1e-9));
        Map<?, ?> scope2 = (Map<?, ?>) ((Map<?, ?>) previous.get("byScope")).get("2");
        assertThat(number(scope2, "changeCo2eKg")).isCloseTo(HEAD_OFFICE + TORONTO - LAST_YEAR_SCOPE2, within(1e-9));
        // 2022 has nothing before it: no percentage out of zero.
        Map<?, ?> none = (Map<?, ?>) report("2023").get("previousPeriod");
        assertThat(none.get("hasData")).isEqualTo(false);
        assertThat(none.get("changePercent")).isNull();
    }

    @Test
    void splitsMeasuredFromEstimatedAndGroupsByIso14064Categories() {
        Map<String, Object> report = report("2024");
        Map<?, ?> quality = (Map<?, ?>) report.get("dataQuality");
        assertThat(number(quality, "estimatedCo2eKg")).isCloseTo(HOTEL, within(1e-9));
        assertThat(number(quality, "measuredCo2eKg")).isCloseTo(TOTAL - HOTEL, within(1e-9));
        assertThat(number(quality, "measuredShare")).isCloseTo((TOTAL - HOTEL) / TOTAL, within(1e-12));
        assertThat(quality.get("estimatedActivities")).isEqualTo(1);
        assertThat(quality.get("measuredActivities")).isEqualTo(4);

        Map<?, ?> iso = (Map<?, ?>) report.get("byIsoCategory");
        assertThat(List.<Object>copyOf(iso.keySet())).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(number(iso, "1")).isCloseTo(GAS, within(1e-9));
        assertThat(number(iso, "2")).isCloseTo(HEAD_OFFICE + TORONTO, within(1e-9));
        assertThat(number(iso, "3")).isCloseTo(HOTEL, within(1e-9));
        // Category 4 (products used): the waste, and category 3 of the GHG Protocol, the gas's upstream and the losses.
        assertThat(number(iso, "4")).isCloseTo(WASTE + GAS_UPSTREAM + LOSSES, within(1e-9));
        assertThat(number(iso, "5")).isZero();
    }

    @Test
    void listsEveryFactorAppliedWithItsSourceAndEdition() {
        List<Map<String, Object>> assumptions = listOf(report("2024").get("assumptions"));
        // Largest first: every line's factor, the upstream and losses with the rest (two weigh 150 kg: either order).
        assertThat(assumptions).extracting(a -> a.get("factorId")).startsWith("eccc-natural-gas-ca-qc",
                "eccc-electricity-generation-ca-on-2020", "desnz-2024-waste-mixed-landfill", "desnz-2024-natural-gas-upstream-m3")
                .containsExactlyInAnyOrder("eccc-natural-gas-ca-qc", "eccc-electricity-generation-ca-on-2020",
                        "desnz-2024-waste-mixed-landfill", "desnz-2024-natural-gas-upstream-m3", "eccc-electricity-losses-ca-on-2020",
                        "eccc-electricity-generation-ca-qc-2020", "eccc-electricity-losses-ca-qc-2020", "desnz-2024-hotel-ca")
                .endsWith("eccc-electricity-losses-ca-qc-2020", "desnz-2024-hotel-ca");
        Map<String, Object> ontario = assumptions.get(1);
        assertThat(number(ontario, "quantity")).isCloseTo(50_000, within(1e-6));
        assertThat(number(ontario, "co2eKgPerUnit")).isEqualTo(0.025);
        assertThat(number(ontario, "co2eKg")).isCloseTo(TORONTO, within(1e-9));
        assertThat(ontario.get("unit")).isEqualTo("kWh");
        assertThat(ontario.get("factorSet")).isEqualTo("eccc-canada");
        assertThat((String) ontario.get("edition")).contains("NIR 1990-2020 (2022 edition)");
        assertThat(ontario.get("licence")).isEqualTo("Open Government Licence - Canada");
        assertThat((String) ontario.get("citation")).contains("Table A13-7, Ontario, data year 2020 (preliminary): 25 g CO2e/kWh generated");
        assertThat(ontario.get("gwpSet")).isEqualTo("AR5");
        assertThat((Map<String, Object>) ontario.get("labels")).containsEntry("fr",
                "Électricité, production (portée 2) — Ontario, année de données 2020")
                .containsEntry("en", "Electricity, generation (scope 2) — Ontario, data year 2020");
        assertThat((Map<String, Object>) ontario.get("notes")).containsKeys("fr", "en");
    }

    @Test
    void exportsTheReportAsCsvInTheReadersLanguage() {
        String french = api.request(path("/report?year=2024&format=csv&lang=fr")).get(String.class);
        List<String> lines = french.lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,key,label,value,unit,detail");
        String total = lines.stream().filter(line -> line.startsWith("total,location_based,")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(total.split(",")[3])).isCloseTo(TOTAL, within(1e-9));
        assertThat(total).endsWith(",kg CO2e,");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("scope,2,Portée 2"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("factor,eccc-electricity-generation-ca-on-2020,")
                .contains("50000 kWh x 0.025 kg/kWh"));
        String english = api.request(path("/report?year=2024&format=csv&lang=en")).get(String.class);
        assertThat(english.lines()).anySatisfy(line -> assertThat(line).startsWith("scope,2,Scope 2"));
        assertThat(english.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("factor,eccc-electricity-generation-ca-on-2020,\"Electricity, generation (scope 2) — Ontario, data year 2020\","));
        Response bad = api.request(path("/report?year=2024&format=pdf")).get();
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.readEntity(JSON).get("field")).isEqualTo("format");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kind=wind                          | kind",
        "kind=supplier;fromYear=2024          | co2eKgPerKwh",
        "kind=supplier;co2eKgPerKwh=3;fromYear=2024 | co2eKgPerKwh",
        "kind=renewable;co2eKgPerKwh=0.1;fromYear=2024 | co2eKgPerKwh",
        "kind=renewable;fromYear=2025;toYear=2024 | toYear",
        "kind=renewable;fromYear=2024;siteId=999999 | siteId",
        "kind=renewable                      | fromYear",
    })
    void refusesABadContractByName(String fields, String field) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("description", "contrat"));
        for (String pair : fields.split(";")) {
            String[] kv = pair.split("=");
            body.put(kv[0].strip(), kv[1].strip().matches("[0-9.]+") ? Double.valueOf(kv[1].strip()) : kv[1].strip());
        }
        Response response = api.request(path("/electricity-contracts")).post(Entity.json(body));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(JSON).get("field")).isEqualTo(field);
        assertThat(api.list(path("/electricity-contracts"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "employees=-3            | employees",
        "revenueCad=0            | revenueCad",
        "customLabel=membres     | customValue",
        "customValue=12          | customLabel",
        "year=2023               | year",
    })
    void refusesBadYearFiguresByName(String pair, String field) {
        String[] kv = pair.split("=");
        Object value = kv[1].strip().matches("-?[0-9.]+") ? (Object) Double.valueOf(kv[1].strip()) : kv[1].strip();
        Response response = api.request(path("/years/2024")).put(Entity.json(Map.of(kv[0].strip(), value)));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(JSON).get("field")).isEqualTo(field);
        assertThat(api.list(path("/years"))).isEmpty();
    }

    @Test
    void anotherOrganizationsReportIsNotFound() {
        assertThat(api.request("/api/organizations/999999/report?year=2024").get().getStatus()).isEqualTo(404);
        assertThat(api.request("/api/organizations/999999/years/2024").put(Entity.json(Map.of("employees", 3))).getStatus())
                .isEqualTo(404);
    }

    private Map<String, Object> report(String year) {
        return api.request(path("/report?year=" + year)).get(JSON);
    }

    private void activity(Map<String, Object> body) {
        api.created(path("/activities"), body);
    }

    private String path(String rest) {
        return "/api/organizations/" + organization + rest;
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Map<String, Object>> intensities(Map<String, Object> report) {
        return listOf(report.get("intensities"));
    }
}
