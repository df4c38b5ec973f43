package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.ApiCalls;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/** Ground travel, hotels and waste through the API, each figure worked by hand from the cited factor. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class TravelAndWasteApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private final ApiCalls api = new ApiCalls(APP);
    private static final GenericType<Map<String, Object>> JSON = new GenericType<>() { };

    private long organization;

    @BeforeEach
    void organization() {
        organization = api.organization();
    }

    /** Each row: the activity, the factor id, and the expected kg CO2e written as its arithmetic. */
    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(delimiter = '|', value = {
        // desnz-2024-car-gasoline: 0.1645 kg per vehicle km (average car, petrol)
        "car    | 120 | km    | fuel=gasoline                  | desnz-2024-car-gasoline           | 19.74",
        // desnz-2024-car-diesel, applied per gas as published (CO2 0.16817 + CH4 0.0000046368 + N2O 0.00167 kg per
        // km, which round to the published total 0.16984); 100 mi = 160.9344 km
        "car    | 100 | mi    | fuel=diesel                    | desnz-2024-car-diesel             | 27.33384472",
        // desnz-2024-car-hybrid: 0.12607 kg per km
        "car    | 120 | km    | fuel=hybrid                    | desnz-2024-car-hybrid             | 15.1284",
        // An electric car in Québec: DESNZ's 0.04358 kg/km at the UK grid's 0.20705 kg/kWh is 0.21048 kWh/km,
        // at Québec's 1.9 g/kWh (eccc-electricity-ca-qc-2020, the newest data year): 120 x 0.04358 / 0.20705 x 0.0019
        "car    | 120 | km    | fuel=electric                  | eccc-electricity-ca-qc-2020       | 0.04798956",
        // desnz-2024-car-plugin-hybrid: the fuel burned, 0.0936 kg per km (DESNZ Scope 1 passenger vehicles)
        "car    | 120 | km    | fuel=plugin_hybrid             | desnz-2024-car-plugin-hybrid      | 11.232",
        // desnz-2024-bus-coach: 0.02717 kg per passenger km, 2 passengers
        "bus    | 250 | km    | kind=coach;passengers=2        | desnz-2024-bus-coach              | 13.585",
        // desnz-2024-train-intercity: 0.03546 kg per passenger km (National rail)
        "train  | 250 | km    | kind=intercity                 | desnz-2024-train-intercity        | 8.865",
        // desnz-2024-train-urban: 0.0286 kg per passenger km (light rail and tram)
        "train  | 12  | km    | kind=urban                     | desnz-2024-train-urban            | 0.3432",
        // desnz-2024-taxi per gas: CO2 0.20638 + CH4 0.0000046368 + N2O 0.00167 kg per vehicle km (total 0.20805)
        "taxi   | 15  | km    |                                | desnz-2024-taxi                   | 3.120819552",
        // desnz-2024-hotel-ca: 7.4 kg per room-night in Canada
        "hotel  | 3   | night | country=CA                      | desnz-2024-hotel-ca               | 22.2",
        // desnz-2024-hotel-fr: 6.7 kg per room-night in France
        "hotel  | 4   | night | country=FR                      | desnz-2024-hotel-fr               | 26.8",
        // desnz-2024-waste-mixed-landfill: 520.3342 kg per tonne; 120 kg = 0.12 t
        "waste  | 120 | kg    | material=mixed;disposal=landfill | desnz-2024-waste-mixed-landfill | 62.440104",
        // desnz-2024-waste-wood-landfill: 925.24423 kg per tonne (Construction, Wood, Landfill)
        "waste  | 100 | kg    | material=wood;disposal=landfill | desnz-2024-waste-wood-landfill  | 92.524423",
        // desnz-2024-waste-food-composting: 8.88386 kg per tonne
        "waste  | 0.5 | t     | material=food;disposal=composting | desnz-2024-waste-food-composting | 4.44193",
    })
    void emissionsFromTheCitedFactor(String type, double quantity, String unit, String attributes, String factorId,
            double expected) {
        Map<String, Object> activity = post(Map.of("type", type, "quantity", quantity, "unit", unit, "date", "2024-05-01",
                "attributes", parse(attributes)));
        assertThat(((Map<?, ?>) activity.get("factor")).get("id")).isEqualTo(factorId);
        assertThat(((Number) activity.get("co2eKg")).doubleValue()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void theArithmeticOfTheTableAbove() {
        // The literal values above, recomputed here from the factors so a typo in one shows.
        assertThat(100 * 1.609344 * (0.16817 + 0.0000046368 + 0.00167)).isCloseTo(27.33384472, within(1e-6));
        assertThat(15 * (0.20638 + 0.0000046368 + 0.00167)).isCloseTo(3.120819552, within(1e-9));
        assertThat(120 * 0.04358 / 0.20705 * 0.0019).isCloseTo(0.04798956, within(1e-8));
        assertThat(0.12 * 520.3342).isCloseTo(62.440104, within(1e-9));
    }

    @Test
    void aQuantityBeyondAnyRealOneIsRefused() {
        Response response = request(activities()).post(Entity.json(Map.of("type", "electricity", "quantity", 1e306,
                "unit", "MWh", "date", "2024-05-01")));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(JSON).get("field")).isEqualTo("quantity");
    }

    @Test
    void aFleetsFuelInLitresIsScopeOneMobileCombustion() {
        Map<String, Object> fill = post(Map.of("type", "car", "quantity", 50, "unit", "L", "date", "2024-05-01",
                "attributes", Map.of("fuel", "gasoline")));
        // eccc-gasoline-ca: 2.307 kg CO2 per litre
        assertThat(((Number) fill.get("co2eKg")).doubleValue()).isCloseTo(50 * 2.307, within(1e-9));
        assertThat(fill.get("scope")).isEqualTo(1);
        assertThat(fill.get("category")).isEqualTo("mobile_combustion");
        assertThat(fill.get("ghgCategory")).isNull();
    }

    @Test
    void scope3ActivitiesCarryTheirGhgProtocolCategoryAndTheFootprintGroupsByIt() {
        post(Map.of("type", "hotel", "quantity", 3, "unit", "night", "date", "2024-05-01", "attributes", Map.of("country", "CA")));
        Map<String, Object> waste = post(Map.of("type", "waste", "quantity", 1, "unit", "t", "date", "2024-05-01",
                "attributes", Map.of("material", "mixed", "disposal", "landfill")));
        assertThat(waste.get("ghgCategory")).isEqualTo(5);
        Map<String, Object> footprint = request("/api/organizations/" + organization + "/footprint?year=2024").get(JSON);
        // Category 6, business travel: 3 x 7.4; category 5, waste: 1 x 520.3342.
        assertThat(footprint.get("byScope3Category")).isEqualTo(Map.of("5", 520.3342, "6", 22.200000000000003));
    }

    @Test
    void aCommutingSurveyEqualsItsTripsLoggedOneByOne() {
        // 2 employees x 3 days x 2 trips of 12 km by local bus, logged as one survey answer...
        Map<String, Object> survey = post(Map.of("type", "commuting", "quantity", 12, "unit", "km",
                "periodStart", "2024-05-01", "periodEnd", "2024-05-03", "attributes", Map.of("mode", "bus", "employees", 2, "days", 3)));
        // ...and as the 12 trips themselves.
        double trips = 0;
        for (int i = 0; i < 2 * 3 * 2; i++) {
            trips += ((Number) post(Map.of("type", "bus", "quantity", 12, "unit", "km", "date", "2024-05-01",
                    "attributes", Map.of("kind", "local"))).get("co2eKg")).doubleValue();
        }
        double surveyed = ((Number) survey.get("co2eKg")).doubleValue();
        assertThat(surveyed).isCloseTo(trips, within(1e-9));
        // desnz-2024-bus-local: 0.12999 kg per passenger km ("Local bus (not London)"): 12 x 12 km x 0.12999.
        assertThat(surveyed).isCloseTo(12 * 12 * 0.12999, within(1e-6));
        assertThat(survey.get("category")).isEqualTo("employee_commuting");
        assertThat(survey.get("ghgCategory")).isEqualTo(7);
    }

    @Test
    void commutingByCarTakesTheCarsFuel() {
        Map<String, Object> survey = post(Map.of("type", "commuting", "quantity", 15, "unit", "km",
                "periodStart", "2024-01-01", "periodEnd", "2024-12-31",
                "attributes", Map.of("mode", "car", "fuel", "gasoline", "employees", 1, "days", 220)));
        // desnz-2024-car-gasoline, 0.1645 kg per km: 1 employee x 220 days x 2 trips x 15 km.
        assertThat(((Number) survey.get("co2eKg")).doubleValue()).isCloseTo(440 * 15 * 0.1645, within(1e-6));
        assertThat(((Map<?, ?>) survey.get("factor")).get("id")).isEqualTo("desnz-2024-car-gasoline");
    }

    @Test
    void homeWorkingIsItsEnergyAtTheRegionsFactors() {
        // DESNZ per FTE hour: equipment 0.03144 kg at the UK grid's 0.20705 kg/kWh, heating 0.30234 kg at natural
        // gas's 0.1829 kg/kWh (gross CV). An electrically heated home in Québec (eccc-electricity-ca-qc-2020, 1.9 g/kWh),
        // a survey of 3 employees x 2 days x 7 hours:
        Map<String, Object> electric = post(Map.of("type", "homeworking", "quantity", 7, "unit", "h",
                "periodStart", "2024-02-05", "periodEnd", "2024-02-09", "attributes", Map.of("employees", 3, "days", 2)));
        assertThat(((Number) electric.get("co2eKg")).doubleValue())
                .isCloseTo(42 * (0.03144 / 0.20705 + 0.30234 / 0.1829) * 0.0019, within(1e-9));
        assertThat(((Map<?, ?>) electric.get("factor")).get("id")).isEqualTo("eccc-electricity-ca-qc-2020");
        assertThat(electric.get("scope")).isEqualTo(3);
        assertThat(electric.get("ghgCategory")).isEqualTo(7);
        // The same 42 hours given as a total.
        Map<String, Object> total = post(Map.of("type", "homeworking", "quantity", 42, "unit", "h", "date", "2024-02-05"));
        assertThat(((Number) total.get("co2eKg")).doubleValue())
                .isCloseTo(((Number) electric.get("co2eKg")).doubleValue(), within(1e-12));
        // Gas heating takes DESNZ's gas factor in kWh (ECCC's Québec gas is per m3), so it gives back DESNZ's own
        // heating factor: 10 x 0.30234.
        Map<String, Object> gas = post(Map.of("type", "homeworking", "quantity", 10, "unit", "h", "date", "2024-02-05",
                "attributes", Map.of("heating", "natural_gas")));
        assertThat(((Number) gas.get("co2eKg")).doubleValue()).isCloseTo(10 * 0.30234, within(1e-9));
        assertThat(((Map<?, ?>) gas.get("factor")).get("id")).isEqualTo("desnz-2024-natural-gas-kwh");
        // Without heating, the equipment only.
        Map<String, Object> none = post(Map.of("type", "homeworking", "quantity", 10, "unit", "h", "date", "2024-07-05",
                "attributes", Map.of("heating", "none")));
        assertThat(((Number) none.get("co2eKg")).doubleValue()).isCloseTo(10 * 0.03144 / 0.20705 * 0.0019, within(1e-12));
    }

    @Test
    void aHomeWorkingSurveyCountsTheHoursOfOneDay() {
        Response response = request(activities()).post(Entity.json(Map.of("type", "homeworking", "quantity", 25, "unit", "h",
                "date", "2024-05-01", "attributes", Map.of("employees", 1, "days", 1))));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(JSON).get("field")).isEqualTo("quantity");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "waste | kg    | material=rock;disposal=landfill   | attributes.material",
        "waste | kg    | material=food                     | attributes.disposal",
        "hotel | night |                                   | attributes.country",
        "hotel | night | country=ZZ                        | attributes.country",
        "car   | km    | fuel=steam                        | attributes.fuel",
        "car   | L     | fuel=electric                     | attributes.fuel",
        "train | night | kind=intercity                    | unit",
        "ev_electricity | km |                             | type",
        "homeworking_energy | h |                          | type",
        "homeworking | km   |                              | unit",
        "homeworking | h    | heating=wood                 | attributes.heating",
        "homeworking | h    | employees=2                  | attributes.days",
        "commuting | km    | mode=bus;employees=2             | attributes.days",
        "commuting | km    | mode=plane;employees=2;days=3    | attributes.mode",
        "commuting | km    | mode=bus;employees=0;days=3      | attributes.employees",
        "commuting | km    | mode=bus;employees=2;days=2      | attributes.days",
        "hotel | night | country=AR                        | attributes.country",
        "waste | kg    | material=glass;disposal=composting | attributes.disposal",
    })
    void badAttributesAreRefusedByName(String type, String unit, String attributes, String field) {
        // One day: a commuting survey cannot count more days than its period has.
        Response response = request(activities()).post(Entity.json(Map.of("type", type, "quantity", 1, "unit", unit,
                "date", "2024-05-01", "attributes", parse(attributes))));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(JSON).get("field")).isEqualTo(field);
        assertThat(request(activities()).get(new GenericType<List<Object>>() { })).isEmpty();
    }

    private static Map<String, Object> parse(String attributes) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        if (attributes != null) {
            for (String pair : attributes.split(";")) {
                String[] kv = pair.split("=");
                map.put(kv[0].strip(), kv[1].strip());
            }
        }
        return map;
    }

    private String activities() {
        return "/api/organizations/" + organization + "/activities";
    }

    private Map<String, Object> post(Map<String, Object> body) {
        return api.created(activities(), body);
    }

    private jakarta.ws.rs.client.Invocation.Builder request(String path) {
        return api.request(path);
    }
}
