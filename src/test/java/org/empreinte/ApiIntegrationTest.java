package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.factor.FactorFileException;
import org.empreinte.factor.FactorLibraryLoader;

/**
 * The public API end to end: the application starts once on the real {@code config.yml}, with
 * a temporary SQLite file, free ports and the project's emission-factor files. Expected figures
 * are computed in this file from the factor files' values, never copied from a response.
 */
@DisplayName("The API")
@Tiers.Api
@Tiers.Slow
class ApiIntegrationTest {

    private static final Path WORK = createTempDirectory();
    private static final Path CONFIG = Path.of("config.yml").toAbsolutePath();
    private static final Path FACTORS = Path.of("emission-factors").toAbsolutePath();
    private static final Offset<Double> KG = within(1e-6);

    @RegisterExtension
    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(WORK.resolve("api.db"));

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("empreinte-api-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(WORK)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    // ---- HTTP helpers ---------------------------------------------------------------------

    /** A response read whole: status, content type and the body as JSON (or null when there is none). */
    record Reply(int status, MediaType type, JsonNode body) {
        JsonNode get(String field) {
            return body.get(field);
        }

        double kg(String field) {
            return body.get(field).asDouble();
        }
    }

    static Reply call(String method, String path, Object body) {
        Entity<?> entity = body == null ? null
                : body instanceof String text ? Entity.entity(text, MediaType.APPLICATION_JSON_TYPE) : Entity.json(body);
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + path)
                .request(MediaType.APPLICATION_JSON_TYPE).method(method, entity)) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            JsonNode json = text.isEmpty() ? null : APP.getObjectMapper().readTree(text);
            return new Reply(response.getStatus(), response.getMediaType(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply get(String path) {
        return call("GET", path, null);
    }

    static Reply post(String path, Object body) {
        return call("POST", path, body);
    }

    static Reply put(String path, Object body) {
        return call("PUT", path, body);
    }

    static Reply delete(String path) {
        return call("DELETE", path, null);
    }

    /** Asserts a refusal: the status, and the error body {code, message, field} of API.md. */
    static void assertRefused(Reply reply, int status, String field, String messagePart) {
        assertThat(reply.status()).as("status").isEqualTo(status);
        assertThat(reply.type().isCompatible(MediaType.APPLICATION_JSON_TYPE)).as("JSON error body").isTrue();
        assertThat(reply.get("code").asInt()).as("code").isEqualTo(status);
        assertThat(reply.get("message").asText()).as("message").contains(messagePart);
        if (field == null) {
            assertThat(reply.body().has("field")).as("no field").isFalse();
        } else {
            assertThat(reply.get("field").asText()).as("field").isEqualTo(field);
        }
    }

    static long createOrganization(String name, String region) {
        Reply created = post("/api/organizations", Map.of("name", name, "sector", "624", "region", region, "employees", 12));
        assertThat(created.status()).isEqualTo(201);
        return created.get("id").asLong();
    }

    static Map<String, Object> activity(String type, double quantity, String unit, String start, String end, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("quantity", quantity);
        body.put("unit", unit);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    // ---- A year of activities -------------------------------------------------------------

    /**
     * A Québec cooperative with a plant in Ontario logs its 2024 bills; the expected figures
     * below are the factor files' values multiplied out by hand.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("a year of activities")
    class AYearOfActivities {

        // eccc-electricity-ca-on-2020 (eccc-canada.yml, NIR 2022 Table A13-7, the newest data year for 2024 bills):
        // 0.028 kg CO2e/kWh, published as CO2e only, scope 2
        static final double ON_ELECTRICITY_MONTH = 12_000 * 0.028; // 336 kg for each monthly bill at the Toronto plant
        static final double ON_ELECTRICITY_JULY = 15_000 * 0.028; // 420 kg: July corrected from 12 000 to 15 000 kWh
        static final double ON_ELECTRICITY = 11 * ON_ELECTRICITY_MONTH + ON_ELECTRICITY_JULY; // 4 116 kg
        // eccc-electricity-ca-qc-2020 (Table A13-6): 0.0019 kg CO2e/kWh; one head-office bill 2024-12-15..2025-01-14 (31 days)
        static final double WINTER_BILL = 31_000 * 0.0019; // 58.9 kg
        static final double WINTER_BILL_2024 = WINTER_BILL * 17 / 31; // 15..31 December: 32.3 kg
        static final double WINTER_BILL_2025 = WINTER_BILL * 14 / 31; // 1..14 January: 26.6 kg
        // eccc-natural-gas-ca-qc: kg of gas per m³ CO2 1.926, CH4 0.000037, N2O 0.000035, weighted with AR5 (gwp.yml: CH4 28, N2O 265)
        static final double QC_GAS_CO2 = 9_100 * 1.926; // 17 526.6 kg
        static final double QC_GAS_CH4 = 9_100 * 0.000037 * 28; // 9.4276 kg
        static final double QC_GAS_N2O = 9_100 * 0.000035 * 265; // 84.4025 kg
        static final double QC_GAS = QC_GAS_CO2 + QC_GAS_CH4 + QC_GAS_N2O; // 17 620.4301 kg over Q1 2024: 91 days
        static final double QC_GAS_PER_DAY = QC_GAS / (31 + 29 + 31); // 193.6311 kg
        // desnz-2024-natural-gas-m3 (the fall-back: eccc-canada has no natural gas factor for Ontario nor Canada):
        // kg CO2e per m³ CO2 2.0414, CH4 0.00307, N2O 0.00095
        static final double ON_GAS_CO2 = 1_000 * 2.0414;
        static final double ON_GAS_CH4 = 1_000 * 0.00307;
        static final double ON_GAS_N2O = 1_000 * 0.00095;
        static final double ON_GAS = ON_GAS_CO2 + ON_GAS_CH4 + ON_GAS_N2O; // 2 045.42 kg in November
        // eccc-light-fuel-oil-ca: CO2 2.753 kg/L only
        static final double OIL = 2_000 * 2.753; // 5 506 kg on 10 February
        // eccc-propane-ca: CO2 1.515, CH4 0.000024, N2O 0.000108 kg/L
        static final double PROPANE_CO2 = 1_000 * 1.515;
        static final double PROPANE_CH4 = 1_000 * 0.000024 * 28;
        static final double PROPANE_N2O = 1_000 * 0.000108 * 265;
        static final double PROPANE = PROPANE_CO2 + PROPANE_CH4 + PROPANE_N2O; // 1 544.292 kg in April
        // eccc-diesel-stationary-ca: CO2 2.681, CH4 0.000078, N2O 0.000022 kg/L
        static final double DIESEL_CO2 = 500 * 2.681;
        static final double DIESEL_CH4 = 500 * 0.000078 * 28;
        static final double DIESEL_N2O = 500 * 0.000022 * 265;
        static final double DIESEL = DIESEL_CO2 + DIESEL_CH4 + DIESEL_N2O; // 1 344.507 kg on 15 June
        // eccc-gasoline-ca: CO2 2.307 kg/L only, mobile combustion; May to August 2024 is 31 + 30 + 31 + 31 = 123 days
        static final double GASOLINE = 800 * 2.307; // 1 845.6 kg
        static final double GASOLINE_PER_DAY = GASOLINE / 123;

        // Each bill is two lines (NIR 2022, Tables A13-7 and A13-6, 2020): what the grid generated for it (scope 2) and
        // what the grid lost on the way (consumption less generation intensity, scope 3 category 3). Ontario: 28 g
        // consumed = 25 g generated + 3 g lost; Québec: 1.9 g = 1.5 g + 0.4 g. An activity's co2eKg is its direct line.
        static final double ON_GENERATED = 0.025;
        static final double ON_LOST = 0.003;
        static final double ON_KWH_2024 = 11 * 12_000 + 15_000;
        static final double WINTER_BILL_GENERATED = 31_000 * 0.0015; // 46.5 kg
        static final double LOSSES_2024 = ON_KWH_2024 * ON_LOST + 31_000 * 0.0004 * 17 / 31; // 441 + 6.8 kg
        // Each fuel's upstream (DESNZ 2024, "WTT- fuels", a UK fall-back): natural gas 0.3366 kg/m³, gas oil (heating
        // oil) 0.62665 kg/L, propane 0.1817 kg/L, diesel 0.61101 kg/L, petrol 0.58094 kg/L; scope 3 category 3.
        static final double QC_GAS_UP = 9_100 * 0.3366; // 3 063.06 kg over Q1
        static final double ON_GAS_UP = 1_000 * 0.3366;
        static final double OIL_UP = 2_000 * 0.62665;
        static final double PROPANE_UP = 1_000 * 0.1817;
        static final double DIESEL_UP = 500 * 0.61101;
        static final double GASOLINE_UP = 800 * 0.58094;
        static final double UPSTREAM = QC_GAS_UP + ON_GAS_UP + OIL_UP + PROPANE_UP + DIESEL_UP + GASOLINE_UP;

        static final double STATIONARY = QC_GAS + ON_GAS + OIL + PROPANE + DIESEL;
        static final double SCOPE_1 = STATIONARY + GASOLINE;
        static final double SCOPE_2_2024 = ON_KWH_2024 * ON_GENERATED + WINTER_BILL_GENERATED * 17 / 31;
        static final double SCOPE_3_2024 = LOSSES_2024 + UPSTREAM;
        static final double TOTAL_2024 = SCOPE_1 + SCOPE_2_2024 + SCOPE_3_2024;
        static final double TORONTO_2024 = ON_ELECTRICITY + ON_GAS + ON_GAS_UP;

        long org;
        long toronto;
        final List<Long> electricity = new ArrayList<>();
        long winterBill;
        long qcGas;
        long onGas;
        long oil;
        long propane;
        long diesel;
        long gasoline;
        long duplicate;
        Reply qcGasCreated;
        Reply julyUpdated;
        Reply duplicateDeleted;

        @BeforeAll
        void logTheYear() {
            org = createOrganization("Coopérative du Vieux-Port", "CA-QC");
            Reply site = post("/api/organizations/" + org + "/sites", Map.of("name", "Usine de Toronto", "region", "CA-ON"));
            assertThat(site.status()).isEqualTo(201);
            toronto = site.get("id").asLong();
            String activities = "/api/organizations/" + org + "/activities";

            for (int month = 1; month <= 12; month++) {
                java.time.YearMonth ym = java.time.YearMonth.of(2024, month);
                electricity.add(created(post(activities, activity("electricity", 12_000, "kWh", ym.atDay(1).toString(),
                        ym.atEndOfMonth().toString(), "site", "Usine de Toronto", "tags", List.of("usine")))));
            }
            winterBill = created(post(activities, activity("electricity", 31_000, "kWh", "2024-12-15", "2025-01-14")));
            qcGasCreated = post(activities, activity("natural_gas", 9_100, "m³", "2024-01-01", "2024-03-31",
                    "tags", List.of("chauffage")));
            qcGas = created(qcGasCreated);
            onGas = created(post(activities, activity("natural_gas", 1_000, "m3", "2024-11-01", "2024-11-30",
                    "site", toronto, "tags", List.of("chauffage", "usine"))));
            oil = created(post(activities, Map.of("type", "heating_oil", "quantity", 2_000, "unit", "L",
                    "date", "2024-02-10", "tags", List.of("chauffage"))));
            propane = created(post(activities, activity("propane", 1_000, "litres", "2024-04-01", "2024-04-30",
                    "tags", List.of("chauffage"))));
            duplicate = created(post(activities, activity("propane", 1_000, "L", "2024-04-01", "2024-04-30")));
            diesel = created(post(activities, Map.of("type", "diesel", "quantity", 500, "unit", "L", "date", "2024-06-15",
                    "attributes", Map.of("equipment", "génératrice"))));
            gasoline = created(post(activities, activity("gasoline", 800, "L", "2024-05-01", "2024-08-31",
                    "dataQuality", "estimated", "tags", List.of("flotte"))));

            julyUpdated = put(activities + "/" + electricity.get(6), activity("electricity", 15_000, "kWh", "2024-07-01",
                    "2024-07-31", "site", "Usine de Toronto", "tags", List.of("usine", "corrigé")));
            duplicateDeleted = delete(activities + "/" + duplicate);
        }

        private long created(Reply reply) {
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
            return reply.get("id").asLong();
        }

        private String path(String rest) {
            return "/api/organizations/" + org + rest;
        }

        @Test
        void shouldReadTheOrganizationBackWithItsSite() {
            Reply reply = get(path(""));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.get("name").asText()).isEqualTo("Coopérative du Vieux-Port");
            assertThat(reply.get("region").asText()).isEqualTo("CA-QC");
            assertThat(reply.get("sites")).hasSize(1);
            assertThat(reply.get("sites").get(0).get("id").asLong()).isEqualTo(toronto);
            assertThat(reply.get("sites").get(0).get("region").asText()).isEqualTo("CA-ON");
            assertThat(ids(get("/api/organizations").body())).contains(org);
        }

        @Test
        void shouldAnswerACreatedActivityWithItsResultAndFactor() {
            JsonNode body = qcGasCreated.body();

            assertThat(body.get("id").asLong()).isPositive();
            assertThat(body.get("co2eKg").asDouble()).isCloseTo(QC_GAS, KG);
            assertThat(body.get("scope").asInt()).isEqualTo(1);
            assertThat(body.get("category").asText()).isEqualTo("stationary_combustion");
            JsonNode factor = body.get("factor");
            assertThat(factor.get("id").asText()).isEqualTo("eccc-natural-gas-ca-qc");
            // 1.926 + 0.000037 × 28 + 0.000035 × 265 kg CO2e per m³
            assertThat(factor.get("co2eKgPerUnit").asDouble()).isCloseTo(1.926 + 0.000037 * 28 + 0.000035 * 265, KG);
            assertThat(factor.get("unit").asText()).isEqualTo("m3");
            assertThat(factor.get("source").asText()).contains("National Inventory Report", "Marketable natural gas");
        }

        @Test
        void shouldReadAnActivityBack() {
            Reply reply = get(path("/activities/" + onGas));

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.body();
            assertThat(body.get("id").asLong()).isEqualTo(onGas);
            assertThat(body.get("type").asText()).isEqualTo("natural_gas");
            assertThat(body.get("quantity").asDouble()).isEqualTo(1_000);
            assertThat(body.get("unit").asText()).isEqualTo("m3");
            assertThat(body.get("periodStart").asText()).isEqualTo("2024-11-01");
            assertThat(body.get("periodEnd").asText()).isEqualTo("2024-11-30");
            assertThat(body.get("region").asText()).as("the site's region applies").isEqualTo("CA-ON");
            assertThat(body.get("site").get("id").asLong()).isEqualTo(toronto);
            assertThat(body.get("site").get("name").asText()).isEqualTo("Usine de Toronto");
            assertThat(body.get("tags")).extracting(JsonNode::asText).containsExactly("chauffage", "usine");
            assertThat(body.get("dataQuality").asText()).isEqualTo("measured");
            assertThat(body.get("co2eKg").asDouble()).isCloseTo(ON_GAS, KG);
            assertThat(body.get("byGas").get("CO2").asDouble()).isCloseTo(ON_GAS_CO2, KG);
            assertThat(body.get("byGas").get("CH4").asDouble()).isCloseTo(ON_GAS_CH4, KG);
            assertThat(body.get("byGas").get("N2O").asDouble()).isCloseTo(ON_GAS_N2O, KG);
            assertThat(body.get("factor").get("id").asText()).isEqualTo("desnz-2024-natural-gas-m3");
            assertThat(body.get("factor").get("co2eKgPerUnit").asDouble()).isCloseTo(2.04542, KG);
        }

        @Test
        void shouldKeepOneDayActivitiesAttributesAndDataQuality() {
            JsonNode oilBody = get(path("/activities/" + oil)).body();
            assertThat(oilBody.get("periodStart").asText()).isEqualTo("2024-02-10");
            assertThat(oilBody.get("periodEnd").asText()).isEqualTo("2024-02-10");
            assertThat(oilBody.get("co2eKg").asDouble()).isCloseTo(OIL, KG);

            JsonNode dieselBody = get(path("/activities/" + diesel)).body();
            assertThat(dieselBody.get("attributes").get("equipment").asText()).isEqualTo("génératrice");
            assertThat(dieselBody.get("co2eKg").asDouble()).isCloseTo(DIESEL, KG);

            JsonNode gasolineBody = get(path("/activities/" + gasoline)).body();
            assertThat(gasolineBody.get("dataQuality").asText()).isEqualTo("estimated");
            assertThat(gasolineBody.get("category").asText()).isEqualTo("mobile_combustion");
            assertThat(gasolineBody.get("co2eKg").asDouble()).isCloseTo(GASOLINE, KG);

            JsonNode propaneBody = get(path("/activities/" + propane)).body();
            assertThat(propaneBody.get("unit").asText()).as("'litres' is stored as L").isEqualTo("L");
            assertThat(propaneBody.get("co2eKg").asDouble()).isCloseTo(PROPANE, KG);
        }

        @Test
        void shouldRecomputeAnUpdatedActivity() {
            assertThat(julyUpdated.status()).isEqualTo(200);
            assertThat(julyUpdated.kg("co2eKg")).isCloseTo(15_000 * ON_GENERATED, KG);

            JsonNode july = get(path("/activities/" + electricity.get(6))).body();
            assertThat(july.get("quantity").asDouble()).isEqualTo(15_000);
            assertThat(july.get("co2eKg").asDouble()).as("its direct line").isCloseTo(15_000 * ON_GENERATED, KG);
            assertThat(july.get("allLinesCo2eKg").asDouble()).isCloseTo(ON_ELECTRICITY_JULY, KG);
            assertThat(july.get("tags")).extracting(JsonNode::asText).containsExactly("corrigé", "usine");
            assertThat(july.get("factor").get("id").asText()).isEqualTo("eccc-electricity-generation-ca-on-2020");
        }

        @Test
        void shouldForgetADeletedActivity() {
            assertThat(duplicateDeleted.status()).isEqualTo(204);
            assertRefused(get(path("/activities/" + duplicate)), 404, null, "activity " + duplicate + " not found");
            assertThat(ids(get(path("/activities")).body())).doesNotContain(duplicate).contains(propane);
        }

        @Test
        void shouldAddUpTheYear() {
            Reply reply = get(path("/footprint?year=2024"));

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.body();
            assertThat(body.get("totalCo2eKg").asDouble()).isCloseTo(TOTAL_2024, KG);
            JsonNode byScope = body.get("byScope");
            assertThat(byScope.get("1").asDouble()).isCloseTo(SCOPE_1, KG);
            assertThat(byScope.get("2").asDouble()).isCloseTo(SCOPE_2_2024, KG);
            assertThat(byScope.get("3").asDouble()).isCloseTo(SCOPE_3_2024, KG);
            JsonNode byCategory = body.get("byCategory");
            assertThat(byCategory.size()).isEqualTo(4);
            assertThat(byCategory.get("fuel_energy").asDouble()).isCloseTo(SCOPE_3_2024, KG);
            assertThat(byCategory.get("stationary_combustion").asDouble()).isCloseTo(STATIONARY, KG);
            assertThat(byCategory.get("mobile_combustion").asDouble()).isCloseTo(GASOLINE, KG);
            assertThat(byCategory.get("purchased_electricity").asDouble()).isCloseTo(SCOPE_2_2024, KG);
            JsonNode byGas = body.get("byGas");
            assertThat(byGas.get("CO2").asDouble())
                    .isCloseTo(QC_GAS_CO2 + ON_GAS_CO2 + OIL + PROPANE_CO2 + DIESEL_CO2 + GASOLINE, KG); // 29 775.1
            assertThat(byGas.get("CH4").asDouble()).isCloseTo(QC_GAS_CH4 + ON_GAS_CH4 + PROPANE_CH4 + DIESEL_CH4, KG); // 14.2616
            assertThat(byGas.get("N2O").asDouble()).isCloseTo(QC_GAS_N2O + ON_GAS_N2O + PROPANE_N2O + DIESEL_N2O, KG); // 116.8875
            // electricity factors are published as CO2e only
            assertThat(byGas.get("unspecified").asDouble()).isCloseTo(SCOPE_2_2024 + SCOPE_3_2024, KG);
            assertThat(body.get("factorSet").asText()).isEqualTo("eccc-canada v2 + desnz-2024 v1");
            assertThat(body.get("activityCount").asLong()).isEqualTo(19);
        }

        @Test
        void shouldSplitTheYearByMonth() {
            JsonNode byMonth = get(path("/footprint?year=2024")).get("byMonth");

            Map<String, Double> expected = new LinkedHashMap<>();
            // Each fuel with its upstream, pro rata by days as its combustion; electricity's two lines add up to the bill.
            double gasDay = (QC_GAS + QC_GAS_UP) / 91;
            double gasolineDay = (GASOLINE + GASOLINE_UP) / 123;
            expected.put("2024-01", ON_ELECTRICITY_MONTH + gasDay * 31);
            expected.put("2024-02", ON_ELECTRICITY_MONTH + gasDay * 29 + OIL + OIL_UP);
            expected.put("2024-03", ON_ELECTRICITY_MONTH + gasDay * 31);
            expected.put("2024-04", ON_ELECTRICITY_MONTH + PROPANE + PROPANE_UP);
            expected.put("2024-05", ON_ELECTRICITY_MONTH + gasolineDay * 31);
            expected.put("2024-06", ON_ELECTRICITY_MONTH + gasolineDay * 30 + DIESEL + DIESEL_UP);
            expected.put("2024-07", ON_ELECTRICITY_JULY + gasolineDay * 31);
            expected.put("2024-08", ON_ELECTRICITY_MONTH + gasolineDay * 31);
            expected.put("2024-09", ON_ELECTRICITY_MONTH);
            expected.put("2024-10", ON_ELECTRICITY_MONTH);
            expected.put("2024-11", ON_ELECTRICITY_MONTH + ON_GAS + ON_GAS_UP);
            expected.put("2024-12", ON_ELECTRICITY_MONTH + WINTER_BILL_2024);
            List<String> months = new ArrayList<>();
            byMonth.fieldNames().forEachRemaining(months::add);
            assertThat(months).containsExactlyElementsOf(expected.keySet());
            expected.forEach((month, kg) -> assertThat(byMonth.get(month).asDouble()).as(month).isCloseTo(kg, KG));
        }

        @Test
        void shouldSplitTheYearBySiteLargestFirst() {
            JsonNode bySite = get(path("/footprint?year=2024")).get("bySite");

            assertThat(bySite).hasSize(2);
            // head office (no site): everything but the Toronto plant
            assertThat(bySite.get(0).get("siteId").isNull()).isTrue();
            assertThat(bySite.get(0).get("co2eKg").asDouble()).isCloseTo(TOTAL_2024 - TORONTO_2024, KG); // 27 893.1291
            assertThat(bySite.get(1).get("siteId").asLong()).isEqualTo(toronto);
            assertThat(bySite.get(1).get("name").asText()).isEqualTo("Usine de Toronto");
            assertThat(bySite.get(1).get("co2eKg").asDouble()).isCloseTo(TORONTO_2024, KG);
        }

        @Test
        void shouldCountABillAcrossNewYearProRataByDays() {
            JsonNode bill = get(path("/activities/" + winterBill)).body();
            assertThat(bill.get("co2eKg").asDouble()).as("its direct line").isCloseTo(WINTER_BILL_GENERATED, KG);

            // 17 of its 31 days fall in 2024 ...
            JsonNode december = get(path("/footprint?year=2024")).get("byMonth").get("2024-12");
            assertThat(december.asDouble() - ON_ELECTRICITY_MONTH).isCloseTo(WINTER_BILL * 17 / 31, KG);
            // ... and 14 in 2025, the only activity of that year
            JsonNode next = get(path("/footprint?year=2025")).body();
            assertThat(next.get("totalCo2eKg").asDouble()).isCloseTo(WINTER_BILL * 14 / 31, KG);
            assertThat(next.get("byScope").get("2").asDouble()).isCloseTo(WINTER_BILL_GENERATED * 14 / 31, KG);
            assertThat(next.get("byScope").get("3").asDouble()).isCloseTo(31_000 * 0.0004 * 14 / 31, KG);
            assertThat(next.get("byMonth").get("2025-01").asDouble()).isCloseTo(WINTER_BILL_2025, KG);
            assertThat(next.get("byMonth").get("2025-02").asDouble()).isZero();
            assertThat(next.get("factorSet").asText()).isEqualTo("eccc-canada v2");
            assertThat(next.get("activityCount").asLong()).isOne();
        }

        @Test
        void shouldProrateTheFootprintBetweenFromAndTo() {
            JsonNode body = get(path("/footprint?from=2024-01-15&to=2024-02-14")).body();

            // electricity: 15..31 January is 17 of 31 days, 1..14 February 14 of 29
            double electricityShare = ON_ELECTRICITY_MONTH * 17 / 31 + ON_ELECTRICITY_MONTH * 14 / 29;
            // natural gas: 17 + 14 days of the 91-day quarter; heating oil on 10 February in full
            double gasShare = QC_GAS_PER_DAY * (17 + 14);
            assertThat(body.get("from").asText()).isEqualTo("2024-01-15");
            assertThat(body.get("to").asText()).isEqualTo("2024-02-14");
            assertThat(body.get("totalCo2eKg").asDouble()).isCloseTo(electricityShare + gasShare + QC_GAS_UP / 91 * (17 + 14) + OIL + OIL_UP, KG);
            assertThat(body.get("byMonth").get("2024-01").asDouble())
                    .isCloseTo(ON_ELECTRICITY_MONTH * 17 / 31 + (QC_GAS + QC_GAS_UP) / 91 * 17, KG);
            assertThat(body.get("byMonth").get("2024-02").asDouble())
                    .isCloseTo(ON_ELECTRICITY_MONTH * 14 / 29 + (QC_GAS + QC_GAS_UP) / 91 * 14 + OIL + OIL_UP, KG);
            assertThat(body.get("byMonth").size()).isEqualTo(2);
        }

        @Test
        void shouldFilterTheFootprintByTag() {
            JsonNode heating = get(path("/footprint?year=2024&tag=chauffage")).body();
            assertThat(heating.get("tag").asText()).isEqualTo("chauffage");
            assertThat(heating.get("totalCo2eKg").asDouble()).isCloseTo(QC_GAS + ON_GAS + OIL + PROPANE + QC_GAS_UP + ON_GAS_UP + OIL_UP + PROPANE_UP, KG);
            assertThat(heating.get("activityCount").asLong()).isEqualTo(4);

            JsonNode plant = get(path("/footprint?year=2024&tag=usine")).body();
            assertThat(plant.get("totalCo2eKg").asDouble()).isCloseTo(ON_ELECTRICITY + ON_GAS + ON_GAS_UP, KG);
            assertThat(plant.get("byScope").get("2").asDouble()).isCloseTo(ON_KWH_2024 * ON_GENERATED, KG);
            assertThat(plant.get("byScope").get("3").asDouble()).isCloseTo(ON_KWH_2024 * ON_LOST + ON_GAS_UP, KG);

            assertThat(get(path("/footprint?year=2024&tag=inconnu")).kg("totalCo2eKg")).isZero();
        }

        @Test
        void shouldFilterActivitiesByPeriod() {
            assertThat(ids(get(path("/activities?from=2024-03-01&to=2024-03-31")).body()))
                    .containsExactly(qcGas, electricity.get(2));
            assertThat(ids(get(path("/activities?from=2024-12-01")).body()))
                    .containsExactlyInAnyOrder(electricity.get(11), winterBill);
            assertThat(ids(get(path("/activities?to=2024-01-31")).body()))
                    .containsExactlyInAnyOrder(electricity.get(0), qcGas);
            assertThat(get(path("/activities")).body()).hasSize(19);
        }

        @Test
        void shouldFilterActivitiesByTypeAndTag() {
            List<Long> allElectricity = new ArrayList<>(electricity);
            allElectricity.add(winterBill);
            assertThat(ids(get(path("/activities?type=electricity")).body())).containsExactlyInAnyOrderElementsOf(allElectricity);
            assertThat(ids(get(path("/activities?tag=chauffage")).body())).containsExactlyInAnyOrder(qcGas, onGas, oil, propane);
            assertThat(ids(get(path("/activities?tag=chauffage&type=natural_gas")).body())).containsExactlyInAnyOrder(qcGas, onGas);
            assertThat(ids(get(path("/activities?tag=corrig%C3%A9")).body())).containsExactly(electricity.get(6));
            assertThat(get(path("/activities?type=flight")).body()).isEmpty();
        }
    }

    // ---- Electricity by province and data year ---------------------------------------------

    /**
     * Organizations outside Québec post electricity bills: each takes its province's or territory's consumption
     * intensity of the bill's data year (NIR 1990-2020, 2022 edition, Part 3, Annex 13), the newest year (2020)
     * after it and the first (2005) before it. Expected kg: kWh × g CO2e/kWh ÷ 1,000.
     */
    @Nested
    @DisplayName("electricity by province and data year")
    class ElectricityByProvinceAndYear {

        static Stream<Arguments> bills() {
            return Stream.of(
                    Arguments.of("CA-NS", "2019-03-01", "2019-03-31", "eccc-electricity-ca-ns-2019", "Table A13-4, Nova Scotia",
                            5_000 * 730 / 1_000.0), // 2019: 730 g/kWh
                    Arguments.of("CA-SK", "2024-06-01", "2024-06-30", "eccc-electricity-ca-sk-2020", "Table A13-9, Saskatchewan",
                            5_000 * 620 / 1_000.0), // a 2024 bill takes 2020's 620 g/kWh
                    Arguments.of("CA-MB", "2018-01-01", "2018-12-31", "eccc-electricity-ca-mb-2018", "Table A13-8, Manitoba",
                            5_000 * 1.4 / 1_000.0), // 2018: 1.4 g/kWh
                    Arguments.of("CA-NU", "2020-10-01", "2020-10-31", "eccc-electricity-ca-nu-2020", "Table A13-14, Nunavut",
                            5_000 * 800 / 1_000.0), // 2020: 800 g/kWh, preliminary
                    Arguments.of("CA-QC", "2003-01-01", "2003-01-31", "eccc-electricity-ca-qc-2005", "Table A13-6, Québec",
                            5_000 * 4.3 / 1_000.0), // a 2003 bill takes 2005's 4.3 g/kWh
                    Arguments.of("CA-PE", "2024-02-01", "2024-02-29", "eccc-electricity-ca-pe-2020", "Table A13-5, New Brunswick",
                            5_000 * 300 / 1_000.0)); // New Brunswick's 2020 intensity, 300 g/kWh, for Prince Edward Island
        }

        @ParameterizedTest(name = "{0} {1}: {3}")
        @MethodSource("bills")
        void shouldTakeTheIntensityOfTheRegionAndDataYear(String region, String start, String end, String factorId,
                String table, double expectedKg) {
            long organization = createOrganization("Coopérative " + region + " " + start, region);
            Reply reply = post("/api/organizations/" + organization + "/activities",
                    activity("electricity", 5_000, "kWh", start, end));

            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(201);
            // Its lines (generation and losses, where the region and year have both) add up to the consumption intensity.
            assertThat(reply.kg("allLinesCo2eKg")).isCloseTo(expectedKg, KG);
            assertThat(reply.get("scope").asInt()).isEqualTo(2);
            JsonNode factor = reply.get("factor");
            // The direct line at the same table's generation intensity, its losses line beside it.
            assertThat(factor.get("id").asText()).isEqualTo(factorId.replace("eccc-electricity-", "eccc-electricity-generation-"));
            assertThat(reply.get("lines")).anySatisfy(line -> assertThat(line.get("factor").get("id").asText())
                    .isEqualTo(factorId.replace("eccc-electricity-", "eccc-electricity-losses-")));
            assertThat(factor.get("source").asText()).contains("(2022 edition), Part 3, Annex 13", table);
        }
    }

    // ---- Emission factors and health ------------------------------------------------------

    @Nested
    @DisplayName("GET /api/emission-factors")
    class EmissionFactors {

        private List<String> factorIds(String query) {
            Reply reply = get("/api/emission-factors" + query);
            assertThat(reply.status()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            reply.body().forEach(f -> ids.add(f.get("id").asText()));
            return ids;
        }

        @Test
        void shouldListEveryFactorOfBothFiles() {
            // eccc-canada.yml has 229 factors (224 for electricity) and 432 for electricity's two lines (216 generation, 216
            // losses: 14 regions x 16 years, less Nunavut's 8 years without a generation intensity), desnz-2024.yml 128 and
            // 10 fuels' upstream and 5 cars' upstream per km, useeio-1.3.yml 1,016 and 1,091 means: 2,464 + 442 + 5 = 2,911
            assertThat(factorIds("")).hasSize(2911).doesNotHaveDuplicates();
        }

        @Test
        void shouldFilterByTypeWithCanadianFactorsFirst() {
            // Canada and its 13 provinces and territories (by code) × data years 2005-2020, then the UK grid
            assertThat(factorIds("?type=electricity")).hasSize(14 * 16 + 1)
                    .startsWith("eccc-electricity-ca-2005", "eccc-electricity-ca-2006")
                    .endsWith("eccc-electricity-ca-yt-2019", "eccc-electricity-ca-yt-2020", "desnz-2024-electricity-gb");
            // Domestic: average only; short-haul: average, economy, business; long-haul: five cabins; international
            // to/from non-UK: five cabins; each with and without RF.
            assertThat(factorIds("?type=flight")).hasSize(28).allMatch(id -> id.startsWith("desnz-2024-flight-"));
        }

        @Test
        void shouldFilterByRegionKeepingTheCountryAndAnywhere() {
            List<String> canadaThenOntario = new ArrayList<>();
            for (String region : List.of("ca", "ca-on")) {
                for (int year = 2005; year <= 2020; year++) {
                    canadaThenOntario.add("eccc-electricity-" + region + "-" + year);
                }
            }
            assertThat(factorIds("?type=electricity&region=CA-ON")).containsExactlyElementsOf(canadaThenOntario);
            assertThat(factorIds("?type=natural_gas&region=CA-QC"))
                    .containsExactly("eccc-natural-gas-ca-qc", "desnz-2024-natural-gas-m3", "desnz-2024-natural-gas-kwh");
            assertThat(factorIds("?type=natural_gas&region=CA-ON"))
                    .containsExactly("desnz-2024-natural-gas-m3", "desnz-2024-natural-gas-kwh");
            assertThat(factorIds("?type=electricity&region=GB")).containsExactly("desnz-2024-electricity-gb");
        }

        @Test
        void shouldDescribeEachFactor() {
            JsonNode gas = get("/api/emission-factors?type=natural_gas&region=CA-QC").body().get(0);

            assertThat(gas.get("type").asText()).isEqualTo("natural_gas");
            assertThat(gas.get("region").asText()).isEqualTo("CA-QC");
            assertThat(gas.get("unit").asText()).isEqualTo("m3");
            assertThat(gas.get("gwpSet").asText()).isEqualTo("AR5");
            // eccc-natural-gas-ca-qc: kg per m³ CO2 1.926, CH4 0.000037, N2O 0.000035; AR5 CH4 28, N2O 265
            assertThat(gas.get("co2eKgPerUnit").asDouble()).isCloseTo(1.926 + 0.000037 * 28 + 0.000035 * 265, KG);
            assertThat(gas.get("co2eKgPerUnitByGas").get("CO2").asDouble()).isCloseTo(1.926, KG);
            assertThat(gas.get("co2eKgPerUnitByGas").get("CH4").asDouble()).isCloseTo(0.000037 * 28, KG);
            assertThat(gas.get("co2eKgPerUnitByGas").get("N2O").asDouble()).isCloseTo(0.000035 * 265, KG);
            assertThat(gas.get("gasKgPerUnit").get("CH4").asDouble()).isCloseTo(0.000037, KG);
            assertThat(gas.get("source").asText()).contains("Annex 6", "Marketable natural gas");
            // Labels and notes by language are new fields; note stays English.
            assertThat(gas.get("label").get("fr").asText()).isEqualTo("Gaz naturel brûlé (résidentiel, commercial, institutionnel) — Québec");
            assertThat(gas.get("label").get("en").asText()).isEqualTo("Natural gas burned (residential, commercial, institutional) — Quebec");
            assertThat(gas.get("notes").get("fr").asText()).startsWith("Transcrit de tableaux d'ECCC");
            assertThat(gas.get("note").asText()).startsWith("Transcribed from ECCC tables");
        }

        @Test
        void shouldFilterByYearToTheEditionsInForce() {
            // electricity has one factor per data year (2005-2020) in each of its 14 regions, so one of the 16 is in force
            // in any year: the nearest not after it, or the earliest when all are later; every other type, region and
            // unit has a single edition: 2464 - 14 × 15 = 2254; electricity's generation and losses lines likewise, one of each
            // per region in force (Nunavut's earliest, 2013, in 2010): 2254 + 10 upstream + 5 cars' upstream + 14 + 14 = 2297
            assertThat(factorIds("?year=2024")).hasSize(2297);
            assertThat(factorIds("?year=2010")).hasSize(2297);
            assertThat(factorIds("?type=electricity&region=CA-QC&year=2024"))
                    .containsExactly("eccc-electricity-ca-2020", "eccc-electricity-ca-qc-2020");
            assertThat(factorIds("?type=electricity&region=CA-QC&year=2010"))
                    .containsExactly("eccc-electricity-ca-2010", "eccc-electricity-ca-qc-2010");
            assertThat(factorIds("?type=electricity&region=CA-QC&year=2003"))
                    .containsExactly("eccc-electricity-ca-2005", "eccc-electricity-ca-qc-2005");
        }

        @Test
        void shouldRefuseABadYearOrRegion() {
            assertRefused(get("/api/emission-factors?year=last"), 422, "year", "year must be a whole number");
            assertRefused(get("/api/emission-factors?region=XX-YY"), 422, "region", "ISO 3166");
        }
    }

    @Test
    void shouldAnswerTheAdminHealthcheck() {
        try (Response response = APP.client().target("http://localhost:" + APP.getAdminPort() + "/healthcheck")
                .request().get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).contains("emission-factors", "database");
        }
    }

    @Test
    void shouldSayWhatItIsAtTheApiRootWithoutHidingTheResourcesBelow() {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api").request().get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).contains("\"name\":\"Empreinte\"");
        }
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/organizations").request()
                .get()) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    // ---- Refused requests -----------------------------------------------------------------

    /** Every refusal answers the error body of API.md and stores nothing. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("refused requests")
    class RefusedRequests {

        long org;
        long existing;
        String activities;

        @BeforeAll
        void createOrganizationWithOneActivity() {
            org = createOrganization("Friperie des refus", "CA-QC");
            assertThat(post("/api/organizations/" + org + "/sites", Map.of("name", "Entrepôt", "region", "CA-QC")).status())
                    .isEqualTo(201);
            activities = "/api/organizations/" + org + "/activities";
            Reply created = post(activities, activity("electricity", 1_000, "kWh", "2024-01-01", "2024-01-31"));
            assertThat(created.status()).isEqualTo(201);
            existing = created.get("id").asLong();
        }

        private JsonNode storedActivities() {
            Reply list = get(activities);
            assertThat(list.status()).isEqualTo(200);
            return list.body();
        }

        private JsonNode storedOrganizations() {
            return get("/api/organizations").body();
        }

        static Stream<Arguments> badActivities() {
            return Stream.of(
                    Arguments.of("negative quantity",
                            """
                            {"type": "electricity", "quantity": -5, "unit": "kWh", "date": "2024-01-01"}""",
                            422, "quantity", "quantity must be a number from 0.000001 to 1000000000000"),
                    Arguments.of("missing quantity",
                            """
                            {"type": "electricity", "unit": "kWh", "date": "2024-01-01"}""",
                            422, "quantity", "quantity is required"),
                    Arguments.of("unknown type",
                            """
                            {"type": "teleportation", "quantity": 1, "unit": "km", "date": "2024-01-01"}""",
                            422, "type", "unknown type 'teleportation'"),
                    Arguments.of("missing type",
                            """
                            {"quantity": 1, "unit": "kWh", "date": "2024-01-01"}""",
                            422, "type", "type is required"),
                    Arguments.of("a distance for electricity",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "km", "date": "2024-01-01"}""",
                            422, "unit", "unit 'km' does not fit type 'electricity'"),
                    Arguments.of("unknown unit",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "furlong", "date": "2024-01-01"}""",
                            422, "unit", "unknown unit 'furlong'"),
                    Arguments.of("end before start",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh",
                             "periodStart": "2024-02-01", "periodEnd": "2024-01-31"}""",
                            422, "periodEnd", "periodEnd is before periodStart"),
                    Arguments.of("malformed start",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh",
                             "periodStart": "2024-13-01", "periodEnd": "2024-12-31"}""",
                            422, "periodStart", "periodStart must be a date YYYY-MM-DD"),
                    Arguments.of("malformed date",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "15/01/2024"}""",
                            422, "date", "date must be a date YYYY-MM-DD"),
                    Arguments.of("missing end",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "periodStart": "2024-01-01"}""",
                            422, "periodEnd", "periodEnd is required"),
                    Arguments.of("date and period",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01",
                             "periodStart": "2024-01-01", "periodEnd": "2024-01-31"}""",
                            422, "date", "either date, or periodStart and periodEnd"),
                    Arguments.of("unknown site name",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01", "site": "Nulle part"}""",
                            422, "site", "no site 'Nulle part'"),
                    Arguments.of("unknown site id",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01", "site": 987654}""",
                            422, "site", "no site '987654'"),
                    Arguments.of("unknown region",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01", "region": "XX-YY"}""",
                            422, "region", "ISO 3166"),
                    Arguments.of("unknown data quality",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01", "dataQuality": "guessed"}""",
                            422, "dataQuality", "measured, estimated, extrapolated"),
                    Arguments.of("empty tag",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01", "tags": ["ok", " "]}""",
                            422, "tags", "a tag cannot be empty"),
                    Arguments.of("quantity of the wrong JSON type",
                            """
                            {"type": "electricity", "quantity": "abc", "unit": "kWh", "date": "2024-01-01"}""",
                            400, "quantity", "field 'quantity' has a value of the wrong type"),
                    Arguments.of("tags of the wrong JSON type",
                            """
                            {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01", "tags": "chauffage"}""",
                            400, "tags", "field 'tags' has a value of the wrong type"),
                    Arguments.of("malformed JSON",
                            """
                            {"type": "electricity", "quantity": 10,""",
                            400, null, "malformed JSON"),
                    Arguments.of("a list instead of an object",
                            "[1, 2]",
                            400, null, "malformed JSON"),
                    Arguments.of("no body",
                            "",
                            400, null, "a JSON body is required"));
        }

        @ParameterizedTest(name = "POST {0} → {2}")
        @MethodSource("badActivities")
        void shouldRefuseABadActivityAndStoreNothing(String what, String body, int status, String field, String message) {
            JsonNode before = storedActivities();

            assertRefused(post(activities, body), status, field, message);

            assertThat(storedActivities()).isEqualTo(before).hasSize(1);
        }

        @ParameterizedTest(name = "PUT {0} → {2}")
        @MethodSource("badActivities")
        void shouldRefuseABadUpdateAndChangeNothing(String what, String body, int status, String field, String message) {
            JsonNode before = get(activities + "/" + existing).body();

            assertRefused(put(activities + "/" + existing, body), status, field, message);

            assertThat(get(activities + "/" + existing).body()).isEqualTo(before);
        }

        @Test
        void shouldAnswer404ForAnUnknownOrganization() {
            long unknown = 987_654;
            String valid = """
                    {"type": "electricity", "quantity": 10, "unit": "kWh", "date": "2024-01-01"}""";
            String message = "organization " + unknown + " not found";

            assertRefused(get("/api/organizations/" + unknown), 404, null, message);
            assertRefused(get("/api/organizations/" + unknown + "/activities"), 404, null, message);
            assertRefused(post("/api/organizations/" + unknown + "/activities", valid), 404, null, message);
            assertRefused(get("/api/organizations/" + unknown + "/activities/" + existing), 404, null, message);
            assertRefused(put("/api/organizations/" + unknown + "/activities/" + existing, valid), 404, null, message);
            assertRefused(delete("/api/organizations/" + unknown + "/activities/" + existing), 404, null, message);
            assertRefused(get("/api/organizations/" + unknown + "/footprint?year=2024"), 404, null, message);
            assertRefused(put("/api/organizations/" + unknown, Map.of("name", "X", "sector", "624", "region", "CA-QC",
                    "employees", 1)), 404, null, message);

            assertThat(ids(storedOrganizations())).doesNotContain(unknown);
            assertThat(get("/api/organizations/" + org + "/activities/" + existing).status())
                    .as("another organization's path never reaches this activity").isEqualTo(200);
        }

        @Test
        void shouldAnswer404ForAnUnknownActivity() {
            long unknown = existing + 987_654;
            String message = "activity " + unknown + " not found";
            JsonNode before = storedActivities();

            assertRefused(get(activities + "/" + unknown), 404, null, message);
            assertRefused(put(activities + "/" + unknown, activity("electricity", 5, "kWh", "2024-02-01", "2024-02-29")),
                    404, null, message);
            assertRefused(delete(activities + "/" + unknown), 404, null, message);

            assertThat(storedActivities()).isEqualTo(before);
        }

        @Test
        void shouldNotReachAnActivityThroughAnotherOrganization() {
            long other = createOrganization("Autre coop", "CA-QC");
            String message = "activity " + existing + " not found";

            assertRefused(get("/api/organizations/" + other + "/activities/" + existing), 404, null, message);
            assertRefused(delete("/api/organizations/" + other + "/activities/" + existing), 404, null, message);

            assertThat(get(activities + "/" + existing).status()).isEqualTo(200);
        }

        static Stream<Arguments> badOrganizations() {
            return Stream.of(
                    Arguments.of("sector that is not a NAICS code",
                            """
                            {"name": "Coop refusée", "sector": "12a", "region": "CA-QC", "employees": 3}""",
                            422, "sector", "NAICS"),
                    Arguments.of("unknown region",
                            """
                            {"name": "Coop refusée", "sector": "624", "region": "XX-YY", "employees": 3}""",
                            422, "region", "ISO 3166-2"),
                    Arguments.of("negative employees",
                            """
                            {"name": "Coop refusée", "sector": "624", "region": "CA-QC", "employees": -1}""",
                            422, "employees", "employees must be 0, or a number from 0.01 to 1000000"),
                    Arguments.of("unknown legal form",
                            """
                            {"name": "Coop refusée", "sector": "624", "region": "CA-QC", "employees": 3, "legalForm": "corp"}""",
                            422, "legalForm", "cooperative, nonprofit, mutual, other"),
                    Arguments.of("blank name",
                            """
                            {"name": "  ", "sector": "624", "region": "CA-QC", "employees": 3}""",
                            422, "name", "name is required"),
                    Arguments.of("missing employees",
                            """
                            {"name": "Coop refusée", "sector": "624", "region": "CA-QC"}""",
                            422, "employees", "employees (full-time equivalents) is required"),
                    Arguments.of("negative revenue",
                            """
                            {"name": "Coop refusée", "sector": "624", "region": "CA-QC", "employees": 3, "annualRevenueCad": -10}""",
                            422, "annualRevenueCad", "annualRevenueCad must be 0, or a number from 0.01 to 10000000000000"),
                    Arguments.of("employees of the wrong JSON type",
                            """
                            {"name": "Coop refusée", "sector": "624", "region": "CA-QC", "employees": "many"}""",
                            400, "employees", "field 'employees' has a value of the wrong type"),
                    Arguments.of("malformed JSON",
                            "{\"name\": ",
                            400, null, "malformed JSON"));
        }

        @ParameterizedTest(name = "POST {0} → {2}")
        @MethodSource("badOrganizations")
        void shouldRefuseABadOrganizationAndStoreNothing(String what, String body, int status, String field, String message) {
            JsonNode before = storedOrganizations();

            assertRefused(post("/api/organizations", body), status, field, message);

            assertThat(storedOrganizations()).isEqualTo(before);
        }

        @ParameterizedTest(name = "PUT {0} → {2}")
        @MethodSource("badOrganizations")
        void shouldRefuseABadOrganizationUpdateAndChangeNothing(String what, String body, int status, String field,
                String message) {
            JsonNode before = get("/api/organizations/" + org).body();

            assertRefused(put("/api/organizations/" + org, body), status, field, message);

            assertThat(get("/api/organizations/" + org).body()).isEqualTo(before);
        }

        @Test
        void shouldRefuseASecondSiteOfTheSameNameAndASiteStillInUse() {
            long coop = createOrganization("Coop aux deux sites", "CA-QC");
            String sites = "/api/organizations/" + coop + "/sites";
            Reply warehouse = post(sites, Map.of("name", "Entrepôt", "region", "CA-QC"));
            assertThat(warehouse.status()).isEqualTo(201);
            JsonNode before = get(sites).body();

            assertRefused(post(sites, Map.of("name", "Entrepôt", "region", "CA-ON")), 422, "name",
                    "a site with this name already exists");
            assertRefused(post(sites, Map.of("name", "Ailleurs", "region", "XX-YY")), 422, "region", "ISO 3166");
            assertThat(get(sites).body()).isEqualTo(before);

            long site = warehouse.get("id").asLong();
            assertThat(post("/api/organizations/" + coop + "/activities",
                    activity("electricity", 10, "kWh", "2024-05-01", "2024-05-31", "site", site)).status()).isEqualTo(201);
            assertRefused(delete(sites + "/" + site), 422, "site", "the site still has activities");
            assertThat(get(sites).body()).isEqualTo(before);
        }

        @Test
        void shouldRefuseBadFootprintAndListQueries() {
            String footprint = "/api/organizations/" + org + "/footprint";
            assertRefused(get(footprint + "?year=abc"), 422, "year", "year must be a year between 1990 and 2100");
            assertRefused(get(footprint + "?from=2024-01-01"), 422, "to", "to is required with from");
            assertRefused(get(footprint + "?from=2024-02-01&to=2024-01-01"), 422, "to", "to is before from");
            assertRefused(get(footprint + "?from=2024-02-30&to=2024-03-01"), 422, "from", "from must be a date");
            assertRefused(get(footprint + "?year=2024&from=2024-01-01&to=2024-01-31"), 422, "year", "not both");
            assertRefused(get(activities + "?from=yesterday"), 422, "from", "from must be a date YYYY-MM-DD");
        }

        @Test
        void shouldAnswerAnUnknownApiPathWithTheJsonErrorBody() {
            assertRefused(get("/api/nothing-here"), 404, null, "not found");
            assertRefused(get("/api/organizations/" + org + "/nothing-here"), 404, null, "not found");
        }

        @Test
        void shouldAnswerAWrongMethodOrMediaTypeWithTheJsonErrorBody() {
            Reply wrongMethod = call("PATCH", "/api/organizations", "{}");
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.get("code").asInt()).isEqualTo(405);

            try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/organizations")
                    .request(MediaType.APPLICATION_JSON_TYPE).post(Entity.text("name=Coop"))) {
                assertThat(response.getStatus()).isEqualTo(415);
                JsonNode body = APP.getObjectMapper().convertValue(response.readEntity(Map.class), JsonNode.class);
                assertThat(body.get("code").asInt()).isEqualTo(415);
                assertThat(body.get("message").getNodeType()).isEqualTo(JsonNodeType.STRING);
            }
        }
    }

    // ---- Start-up with a broken factor file -----------------------------------------------

    @Nested
    @DisplayName("start-up with a broken factor file")
    class StartUp {

        private static final String FACTOR = "- {id: eccc-electricity-ca-on-2020,";

        @TempDir
        Path folder;

        /** Copies the factor files and changes the unit of eccc-electricity-ca-on-2020; returns the factor's line (1-based). */
        private int breakOntarioElectricityUnit(Path factors) throws IOException {
            Files.createDirectories(factors);
            try (Stream<Path> files = Files.list(FACTORS)) {
                for (Path file : files.toList()) {
                    Files.copy(file, factors.resolve(file.getFileName()));
                }
            }
            Path file = factors.resolve("eccc-canada.yml");
            List<String> lines = new ArrayList<>(Files.readAllLines(file));
            int factorLine = -1;
            for (int i = 0; i < lines.size(); i++) {
                // One factor a line, in flow style.
                if (lines.get(i).strip().startsWith(FACTOR)) {
                    factorLine = i;
                    lines.set(i, lines.get(i).replace("unit: kWh,", "unit: kWhh,"));
                    break;
                }
            }
            assertThat(factorLine).as("the factor is in eccc-canada.yml").isNotNegative();
            Files.write(file, lines);
            return factorLine + 1;
        }

        @Test
        void shouldNameFileLineAndKeyWhenLoadingTheLibrary() throws IOException {
            Path factors = folder.resolve("emission-factors");
            int line = breakOntarioElectricityUnit(factors);

            assertThatThrownBy(() -> new FactorLibraryLoader().load(factors, List.of("eccc-canada", "desnz-2024")))
                    .isInstanceOf(FactorFileException.class)
                    .hasMessageContaining(factors.resolve("eccc-canada.yml").toString())
                    .hasMessageContaining("line " + line + ",")
                    .hasMessageContaining("key 'unit'")
                    .hasMessageContaining("unknown unit 'kWhh'");
        }

        @Test
        void shouldStopTheApplicationBeforeItListens() throws IOException {
            Path factors = folder.resolve("emission-factors");
            int line = breakOntarioElectricityUnit(factors);
            DropwizardTestSupport<EmpreinteConfiguration> broken = new DropwizardTestSupport<>(EmpreinteApplication.class,
                    CONFIG.toString(), "empreinte-startup-test.",
                    ConfigOverride.config("empreinte-startup-test.", "database.url", "jdbc:sqlite:" + folder.resolve("broken.db")),
                    ConfigOverride.config("empreinte-startup-test.", "server.applicationConnectors[0].port", "0"),
                    ConfigOverride.config("empreinte-startup-test.", "server.adminConnectors[0].port", "0"),
                    ConfigOverride.config("empreinte-startup-test.", "emissionFactors.directory", factors.toString()));

            assertThatThrownBy(broken::before)
                    .isInstanceOf(FactorFileException.class)
                    .hasMessageContaining("eccc-canada.yml, line " + line + ", key 'unit'");
            assertThat(folder.resolve("broken.db")).as("the database is not even opened").doesNotExist();
        }
    }
}
