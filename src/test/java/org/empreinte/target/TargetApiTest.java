package org.empreinte.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** Targets, their progress and the action plan through the API, each figure worked by hand from the cited factors. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class TargetApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private final ApiCalls api = new ApiCalls(APP);

    // eccc-electricity-ca-qc-2020: 0.0019 kg CO2e per kWh (scope 2), for 2020 and for later years (the newest data year);
    // desnz-2024-car-gasoline: 0.1645 kg per km (scope 3).
    private static final double QC_KWH = 0.0019;
    /**
     * Of which scope 2, the generation's (NIR 2022, Table A13-6, Québec, 2020: 1.5 g CO2e/kWh generated); the rest,
     * 1.9 - 1.5 = 0.4 g, is the grid's losses, scope 3 category 3.
     */
    private static final double QC_KWH_GENERATED = 0.0015;
    private static final double CAR_KM = 0.1645;
    /**
     * Its fuel's upstream, counted with the trip: DESNZ 2024 flat file,
     * "Scope 3,WTT- pass vehs &amp; travel- land,WTT- cars (by size),Average car,,Petrol,km,kg CO2e,0.04599".
     */
    private static final double CAR_WTT_KM = 0.04599;
    // desnz-2024-train-intercity: 0.03546 kg per passenger km.
    private static final double TRAIN_KM = 0.03546;

    private long organization;

    @BeforeEach
    void organizationWithAHistory() {
        organization = api.organization();
        // 2020: 1,000,000 kWh and 30,000 km by car; 2023: 800,000 kWh and the same driving.
        log("electricity", 1_000_000, "kWh", "2020", Map.of());
        log("car", 30_000, "km", "2020", Map.of("fuel", "gasoline"));
        log("electricity", 800_000, "kWh", "2023", Map.of());
        log("car", 30_000, "km", "2023", Map.of("fuel", "gasoline"));
    }

    @Test
    void anAbsoluteTargetOnScopesOneAndTwoIsOnTrack() {
        Map<String, Object> target = api.created(targets(), target(2020, 2030, 42.0, List.of(1, 2), "absolute"));
        assertThat(target.get("id")).isNotNull();
        assertThat(target.get("scopes")).isEqualTo(List.of(1, 2));

        Map<String, Object> progress = progress(target);
        // Scope 2 only here, the generation's: base 1,000,000 x 0.0015 = 1,500 kg; 42 % less by 2030 = 870 kg.
        assertThat(number(progress, "baseCo2eKg")).isCloseTo(1_000_000 * QC_KWH_GENERATED, within(1e-6));
        assertThat(number(progress, "targetCo2eKg")).isCloseTo(1_500 * (1 - 0.42), within(1e-6));
        List<Map<String, Object>> years = years(progress);
        assertThat(years).extracting(y -> y.get("year")).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027,
                2028, 2029, 2030);
        assertThat(years.get(1).get("actualCo2eKg")).as("2021 has no data").isNull();
        // 2023: 800,000 x 0.0015 = 1,200 kg against 1,500 x (1 - 0.42 x 3/10) = 1,311 kg: on track.
        assertThat(number(years.get(3), "actualCo2eKg")).isCloseTo(800_000 * QC_KWH_GENERATED, within(1e-6));
        assertThat(number(years.get(3), "trajectoryCo2eKg")).isCloseTo(1_500 * (1 - 0.42 * 3 / 10), within(1e-6));
        assertThat(progress.get("onTrack")).isEqualTo(true);
        assertThat(progress.get("latestYear")).isEqualTo(2023);
        // From 1,200 in 2023 to 870 in 2030: 330 kg over 7 years.
        assertThat(number(progress, "requiredYearlyReductionCo2eKg")).isCloseTo((1_200 - 870) / 7.0, within(1e-6));
        assertThat(number(progress, "requiredYearlyReductionPercent")).isCloseTo((1_200 - 870) / 7.0 / 1_200 * 100,
                within(1e-6));
        // The library loaded now, in its selection order: every year was computed with it.
        assertThat((String) progress.get("factorSet")).startsWith("eccc-canada v2 + desnz-2024 v1");
        assertThat(progress.get("restated")).isEqualTo(false);
    }

    @Test
    void allScopesWithThePlanAgainstTheTarget() {
        Map<String, Object> target = api.created(targets(), target(2020, 2030, 42.0, List.of(1, 2, 3), "absolute"));
        Map<String, Object> action = api.created(actions(), Map.of("title", "Le train plutôt que l'auto", "startYear", 2025,
                "change", Map.of(
                        "from", Map.of("type", "car", "quantity", 20_000, "unit", "km", "attributes", Map.of("fuel", "gasoline")),
                        "to", Map.of("type", "train", "quantity", 20_000, "unit", "km", "attributes", Map.of("kind", "intercity")))));
        // Done in 2022, before the latest year: already in 2023's emissions, not subtracted again.
        api.created(actions(), Map.of("title", "LED", "category", "purchased_electricity", "startYear", 2022,
                "status", "done", "expectedYearlyReductionCo2eKg", 100));
        double saved = 20_000 * (CAR_KM + CAR_WTT_KM - TRAIN_KM);
        assertThat(number(action, "expectedYearlyReductionCo2eKg")).isCloseTo(saved, within(1e-6));

        Map<String, Object> progress = progress(target);
        double base = 1_000_000 * QC_KWH + 30_000 * (CAR_KM + CAR_WTT_KM);
        double latest = 800_000 * QC_KWH + 30_000 * (CAR_KM + CAR_WTT_KM);
        assertThat(number(progress, "baseCo2eKg")).isCloseTo(base, within(1e-6));
        // 2023's line: base x (1 - 0.42 x 3/10); 7,834.7 is above 7,179.65: not on track.
        assertThat(latest).isGreaterThan(base * (1 - 0.42 * 3 / 10));
        assertThat(progress.get("onTrack")).isEqualTo(false);
        List<Map<String, Object>> years = years(progress);
        assertThat(number(years.get(3), "planCo2eKg")).isCloseTo(latest, within(1e-6));
        assertThat(number(years.get(4), "planCo2eKg")).as("2024, before the train").isCloseTo(latest, within(1e-6));
        assertThat(number(years.get(5), "planCo2eKg")).isCloseTo(latest - saved, within(1e-6));
        assertThat(number(progress, "planGapCo2eKg")).isCloseTo(latest - saved - base * (1 - 0.42), within(1e-6));
    }

    @Test
    void anIntensityTargetPerEmployee() {
        Map<String, Object> body = new HashMap<>(target(2020, 2030, 50.0, List.of(2), "intensity"));
        body.put("metric", "employees");
        Map<String, Object> progress = progress(api.created(targets(), body));
        // 30 FTE every year (the organization's current figure until yearly figures exist): scope 2, the generation's
        // 1,000,000 x 0.0015 = 1,500 kg, / 30 kg per FTE; 2023: 800,000 x 0.0015 = 1,200 kg / 30.
        assertThat(progress.get("kind")).isEqualTo("intensity");
        assertThat(number(progress, "baseIntensity")).isCloseTo(1_500 / 30.0, within(1e-9));
        assertThat(number(progress, "targetIntensity")).isCloseTo(1_500 / 30.0 * 0.5, within(1e-9));
        Map<String, Object> y2023 = years(progress).get(3);
        assertThat(number(y2023, "actualIntensity")).isCloseTo(1_200 / 30.0, within(1e-9));
        assertThat(number(y2023, "trajectoryIntensity")).isCloseTo(1_500 / 30.0 * (1 - 0.5 * 3 / 10), within(1e-9));
        assertThat(number(y2023, "trajectoryCo2eKg")).isCloseTo(1_500 * (1 - 0.5 * 3 / 10), within(1e-9));
        assertThat(progress.get("onTrack")).isEqualTo(true);
        assertThat(number(progress, "requiredYearlyReductionIntensity")).isCloseTo((1_200 / 30.0 - 750 / 30.0) / 7,
                within(1e-9));
    }

    @Test
    void aPresetFillsTheReductionFromTheYears() {
        Map<String, Object> body = new HashMap<>(target(2020, 2030, null, List.of(1, 2, 3), "absolute"));
        body.remove("reductionPercent");
        body.put("preset", "sbti_1_5c");
        // 4.2 % a year of the base year, 10 years.
        assertThat(number(api.created(targets(), body), "reductionPercent")).isCloseTo(4.2 * 10, within(1e-9));
    }

    @Test
    void noTargetFromABaseYearWithoutData() {
        // The history has 2020 and 2023; a preset's 2019 holds nothing: refused, naming the field, nothing stored.
        Map<String, Object> body = new HashMap<>(target(2019, 2030, null, List.of(1, 2, 3), "absolute"));
        body.remove("reductionPercent");
        body.put("preset", "sbti_1_5c");
        try (jakarta.ws.rs.core.Response response = api.request(targets()).post(jakarta.ws.rs.client.Entity.json(body))) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(response.readEntity(String.class)).contains("\"field\":\"baseYear\"", "2019");
        }
        assertThat(api.list(targets())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "base year after target year | baseYear=2030;targetYear=2020         | targetYear",
        "same years                  | baseYear=2020;targetYear=2020         | targetYear",
        "no base year                | baseYear=                             | baseYear",
        "zero reduction              | reductionPercent=0                    | reductionPercent",
        "more than everything        | reductionPercent=100.5                | reductionPercent",
        "no scopes                   | scopes=                               | scopes",
        "unknown scope               | scopes=4                              | scopes",
        "unknown kind                | kind=relative                         | kind",
        "intensity without a metric  | kind=intensity                        | metric",
        "a metric the org lacks      | kind=intensity;metric=revenue         | metric",
        "unknown preset              | preset=2c                             | preset",
    })
    void aBadTargetIsRefusedNamingItsField(String name, String changes, String field) {
        Map<String, Object> body = new HashMap<>(target(2020, 2030, 42.0, List.of(1, 2), "absolute"));
        for (String change : changes.split(";")) {
            String[] pair = change.split("=", -1);
            body.put(pair[0], pair[1].isEmpty() ? null : pair[0].equals("scopes") ? List.of(Integer.valueOf(pair[1]))
                    : pair[0].endsWith("Year") ? Integer.valueOf(pair[1])
                    : pair[0].equals("reductionPercent") ? Double.valueOf(pair[1]) : pair[1]);
        }
        Response response = api.request(targets()).post(Entity.json(body));
        Map<String, Object> error = response.readEntity(ApiCalls.JSON);
        assertThat(response.getStatus()).as(error.toString()).isEqualTo(422);
        assertThat(error.get("code")).isEqualTo(422);
        assertThat(error.get("field")).isEqualTo(field);
        assertThat(api.list(targets())).as("a refused write stores nothing").isEmpty();
    }

    @Test
    void anotherOrganizationsTargetIsNotFound() {
        Map<String, Object> target = api.created(targets(), target(2020, 2030, 42.0, List.of(1, 2), "absolute"));
        long other = api.organization();
        assertThat(status(api.request("/api/organizations/" + other + "/targets/" + target.get("id") + "/progress").get()))
                .isEqualTo(404);
        assertThat(status(api.request("/api/organizations/" + other + "/targets/" + target.get("id")).delete()))
                .isEqualTo(404);
        assertThat(status(api.request("/api/organizations/999999/targets").get())).isEqualTo(404);
        // The organization's own address still answers: the targets' resources are rooted below it.
        assertThat(status(api.request("/api/organizations/" + organization).get())).isEqualTo(200);
        assertThat(status(api.request(targets() + "/" + target.get("id")).delete())).isEqualTo(204);
        assertThat(status(api.request(targets() + "/" + target.get("id")).get())).isEqualTo(404);
    }

    @Test
    void actionsAreCreatedListedChangedAndDeleted() {
        Map<String, Object> created = api.created(actions(), Map.of("title", "Thermopompe", "category",
                "stationary_combustion", "expectedYearlyReductionCo2eKg", 1_200, "startYear", 2025));
        assertThat(created.get("status")).isEqualTo("planned");
        assertThat(created.get("scope")).isEqualTo(1);
        String path = actions() + "/" + created.get("id");
        Response put = api.request(path).put(Entity.json(Map.of("title", "Thermopompe", "category", "stationary_combustion",
                "expectedYearlyReductionCo2eKg", 1_500, "startYear", 2026, "status", "in_progress")));
        Map<String, Object> changed = put.readEntity(ApiCalls.JSON);
        assertThat(put.getStatus()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.get("status")).isEqualTo("in_progress");
        assertThat(number(changed, "expectedYearlyReductionCo2eKg")).isEqualTo(1_500);
        assertThat(api.list(actions())).hasSize(1);
        assertThat(status(api.request(path).delete())).isEqualTo(204);
        assertThat(api.list(actions())).isEmpty();
        assertThat(status(api.request(path).delete())).isEqualTo(404);
    }

    @Test
    void anEstimatedActionTracesToItsFactors() {
        Map<String, Object> action = api.created(actions(), Map.of("title", "Train", "startYear", 2025, "change", Map.of(
                "from", Map.of("type", "car", "quantity", 20_000, "unit", "km", "attributes", Map.of("fuel", "gasoline")),
                "to", Map.of("type", "train", "quantity", 20_000, "unit", "km", "attributes", Map.of("kind", "intercity")))));
        Map<?, ?> estimate = (Map<?, ?>) action.get("estimate");
        assertThat(((Map<?, ?>) estimate.get("from")).get("factorId")).isEqualTo("desnz-2024-car-gasoline");
        assertThat(((Map<?, ?>) estimate.get("to")).get("factorId")).isEqualTo("desnz-2024-train-intercity");
        assertThat(action.get("category")).isEqualTo("business_travel");
        assertThat(action.get("scope")).isEqualTo(3);
        // The car's trip and its fuel's upstream (DESNZ 2024 WTT- cars, Average car, Petrol, km: 0.04599), less the train's.
        assertThat(number(action, "expectedYearlyReductionCo2eKg")).isCloseTo(20_000 * (0.1645 + 0.04599 - 0.03546),
                within(1e-6));
        assertThat(20_000 * (0.1645 + 0.04599 - 0.03546)).isCloseTo(3_500.6, within(1e-9));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no title                 | title=                         | title",
        "unknown status           | status=cancelled               | status",
        "unknown category         | category=teleportation         | category",
        "no reduction             | expectedYearlyReductionCo2eKg= | expectedYearlyReductionCo2eKg",
        "negative reduction       | expectedYearlyReductionCo2eKg=-5 | expectedYearlyReductionCo2eKg",
        "no start year            | startYear=                     | startYear",
    })
    void aBadActionIsRefusedNamingItsField(String name, String change, String field) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "LED", "category", "purchased_electricity",
                "expectedYearlyReductionCo2eKg", 100, "startYear", 2025));
        String[] pair = change.split("=", -1);
        body.put(pair[0], pair[1].isEmpty() ? null : pair[0].startsWith("expected") ? Double.valueOf(pair[1]) : pair[1]);
        Response response = api.request(actions()).post(Entity.json(body));
        Map<String, Object> error = response.readEntity(ApiCalls.JSON);
        assertThat(response.getStatus()).as(error.toString()).isEqualTo(422);
        assertThat(error.get("field")).isEqualTo(field);
        assertThat(api.list(actions())).isEmpty();
    }

    @Test
    void aChangeThatDoesNotReduceOrCannotBeComputedIsRefused() {
        Map<String, Object> worse = Map.of("title", "x", "startYear", 2025, "change", Map.of(
                "from", Map.of("type", "train", "quantity", 100, "unit", "km", "attributes", Map.of("kind", "intercity")),
                "to", Map.of("type", "car", "quantity", 100, "unit", "km", "attributes", Map.of("fuel", "gasoline"))));
        assertThat(refusedField(worse)).isEqualTo("change");
        Map<String, Object> badUnit = Map.of("title", "x", "startYear", 2025, "change", Map.of(
                "from", Map.of("type", "car", "quantity", 100, "unit", "kWh", "attributes", Map.of("fuel", "gasoline")),
                "to", Map.of("type", "train", "quantity", 100, "unit", "km", "attributes", Map.of("kind", "intercity"))));
        assertThat(refusedField(badUnit)).isEqualTo("change.from.unit");
    }

    /** The status, with the response closed: an unread response keeps its connection from the client's pool. */
    private static int status(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private String refusedField(Map<String, Object> body) {
        Response response = api.request(actions()).post(Entity.json(body));
        Map<String, Object> error = response.readEntity(ApiCalls.JSON);
        assertThat(response.getStatus()).as(error.toString()).isEqualTo(422);
        return (String) error.get("field");
    }

    private void log(String type, double quantity, String unit, String year, Map<String, Object> attributes) {
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", type, "quantity", quantity, "unit",
                unit, "periodStart", year + "-01-01", "periodEnd", year + "-12-31", "attributes", attributes));
    }

    private static Map<String, Object> target(int baseYear, int targetYear, Double percent, List<Integer> scopes, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("baseYear", baseYear);
        body.put("targetYear", targetYear);
        body.put("reductionPercent", percent);
        body.put("scopes", scopes);
        body.put("kind", kind);
        return body;
    }

    private Map<String, Object> progress(Map<String, Object> target) {
        return api.request(targets() + "/" + target.get("id") + "/progress").get(ApiCalls.JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> years(Map<String, Object> progress) {
        return (List<Map<String, Object>>) progress.get("years");
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private String targets() {
        return "/api/organizations/" + organization + "/targets";
    }

    private String actions() {
        return "/api/organizations/" + organization + "/actions";
    }
}
