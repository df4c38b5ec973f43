package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * An activity's several emission lines through the API: the activity's JSON ({@code co2eKg} its direct line,
 * {@code lines} every line, {@code allLinesCo2eKg} their sum), the footprint by scope and category, edits, deletions
 * and imports. Every figure is worked by hand from the cited rows: ECCC's Québec natural gas (CO2 1.926 + CH4 0.000037
 * x 28 + N2O 0.000035 x 265 = 1.936311 kg/m3), DESNZ 2024 "WTT- fuels", Natural gas, cubic metres (0.3366 kg/m3), NIR
 * 2022 Table A13-4, Nova Scotia, 2019 (730 g/kWh consumed, 690 generated).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class EmissionLinesApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private final ApiCalls api = new ApiCalls(APP);

    private long organization;

    @BeforeEach
    void organization() {
        organization = api.organization();
    }

    private String path(String rest) {
        return "/api/organizations/" + organization + rest;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> activity) {
        return (List<Map<String, Object>>) activity.get("lines");
    }

    private Map<String, Object> footprint(String year) {
        return api.request(path("/footprint?year=" + year)).get(ApiCalls.JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void naturalGasInQuebecHasItsCombustionInScopeOneAndItsUpstreamInCategoryThree() {
        Map<String, Object> gas = api.created(path("/activities"), Map.of("type", "natural_gas", "quantity", 1000, "unit", "m3",
                "periodStart", "2023-01-01", "periodEnd", "2023-12-31", "region", "CA-QC"));
        // co2eKg, scope and factor stay the direct line's: 1,000 m3 x 1.936311 kg/m3 = 1,936.311 kg, scope 1.
        assertThat(number(gas.get("co2eKg"))).isCloseTo(1_936.311, within(1e-6));
        assertThat(gas.get("scope")).isEqualTo(1);
        assertThat(((Map<String, Object>) gas.get("factor")).get("id")).isEqualTo("eccc-natural-gas-ca-qc");
        List<Map<String, Object>> lines = lines(gas);
        assertThat(lines).extracting(l -> l.get("line")).containsExactly("direct", "upstream");
        // Upstream: 1,000 m3 x 0.3366 kg/m3 = 336.6 kg, scope 3, GHG Protocol category 3.
        Map<String, Object> upstream = lines.get(1);
        assertThat(number(upstream.get("co2eKg"))).isCloseTo(336.6, within(1e-9));
        assertThat(upstream.get("scope")).isEqualTo(3);
        assertThat(upstream.get("category")).isEqualTo("fuel_energy");
        assertThat(upstream.get("ghgCategory")).isEqualTo(3);
        assertThat(((Map<String, Object>) upstream.get("factor")).get("id")).isEqualTo("desnz-2024-natural-gas-upstream-m3");
        assertThat(((Map<String, Object>) upstream.get("factor")).get("source").toString()).contains("WTT- fuels");
        assertThat(number(gas.get("allLinesCo2eKg"))).isCloseTo(1_936.311 + 336.6, within(1e-6));

        // The footprint counts both, each in its scope; the activity once.
        Map<String, Object> footprint = footprint("2023");
        assertThat(number(footprint.get("totalCo2eKg"))).isCloseTo(2_272.911, within(1e-6));
        assertThat(number(((Map<String, Object>) footprint.get("byScope")).get("1"))).isCloseTo(1_936.311, within(1e-6));
        assertThat(number(((Map<String, Object>) footprint.get("byScope")).get("3"))).isCloseTo(336.6, within(1e-6));
        assertThat(number(((Map<String, Object>) footprint.get("byScope3Category")).get("3"))).isCloseTo(336.6, within(1e-6));
        assertThat(number(footprint.get("activityCount"))).isEqualTo(1.0);

        // Half the gas: both lines halve (500 x 1.936311 = 968.1555; 500 x 0.3366 = 168.3).
        long id = ((Number) gas.get("id")).longValue();
        Map<String, Object> edited = api.request(path("/activities/" + id)).put(Entity.json(Map.of("type", "natural_gas",
                "quantity", 500, "unit", "m3", "periodStart", "2023-01-01", "periodEnd", "2023-12-31", "region", "CA-QC")))
                .readEntity(ApiCalls.JSON);
        assertThat(number(lines(edited).get(1).get("co2eKg"))).isCloseTo(168.3, within(1e-9));
        assertThat(number(footprint("2023").get("totalCo2eKg"))).isCloseTo(968.1555 + 168.3, within(1e-6));
        assertThat(number(lines(api.request(path("/activities/" + id)).get(ApiCalls.JSON)).get(1).get("co2eKg")))
                .isCloseTo(168.3, within(1e-9));

        // Deleted: nothing of either line is left.
        assertThat(api.request(path("/activities/" + id)).delete().getStatus()).isEqualTo(204);
        assertThat(number(footprint("2023").get("totalCo2eKg"))).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void electricityInNovaScotiaIsGenerationInScopeTwoAndItsLossesInCategoryThree() {
        Map<String, Object> bill = api.created(path("/activities"), Map.of("type", "electricity", "quantity", 10_000,
                "unit", "kWh", "periodStart", "2019-01-01", "periodEnd", "2019-12-31", "region", "CA-NS"));
        // 10,000 kWh x 0.690 kg generated = 6,900 kg, scope 2; x (0.730 - 0.690) kg lost = 400 kg, scope 3 category 3.
        assertThat(number(bill.get("co2eKg"))).isCloseTo(6_900, within(1e-9));
        assertThat(bill.get("scope")).isEqualTo(2);
        assertThat(lines(bill)).extracting(l -> l.get("line")).containsExactly("direct", "losses");
        assertThat(number(lines(bill).get(1).get("co2eKg"))).isCloseTo(400, within(1e-9));
        assertThat(number(bill.get("allLinesCo2eKg"))).isCloseTo(7_300, within(1e-9));
        Map<String, Object> footprint = footprint("2019");
        assertThat(number(((Map<String, Object>) footprint.get("byScope")).get("2"))).isCloseTo(6_900, within(1e-6));
        assertThat(number(((Map<String, Object>) footprint.get("byScope")).get("3"))).isCloseTo(400, within(1e-6));

        // Renewable electricity covering 2019 replaces the generation's part (market-based scope 2 at 0); the losses
        // stay location-based in scope 3, and location-based scope 2 stays 6,900 kg.
        api.created(path("/electricity-contracts"), Map.of("kind", "renewable", "fromYear", 2019, "toYear", 2019,
                "description", "Certificats"));
        Map<String, Object> report = api.request(path("/report?year=2019")).get(ApiCalls.JSON);
        Map<String, Object> scope2 = (Map<String, Object>) report.get("scope2");
        assertThat(number(scope2.get("locationBasedCo2eKg"))).isCloseTo(6_900, within(1e-6));
        assertThat(number(scope2.get("marketBasedCo2eKg"))).isCloseTo(0, within(1e-9));
        assertThat(number(report.get("totalMarketBasedCo2eKg"))).isCloseTo(400, within(1e-6));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImportedBillHasItsLinesToo() {
        String csv = "type,quantity,unit,periodStart,periodEnd,region\n"
                + "natural_gas,1000,m3,2023-01-01,2023-12-31,CA-QC\n"
                + "electricity,10000,kWh,2019-01-01,2019-12-31,CA-NS\n";
        assertThat(api.request(path("/activities/import")).post(Entity.entity(csv, "text/csv")).getStatus()).isEqualTo(200);
        assertThat(number(((Map<String, Object>) footprint("2023").get("byScope")).get("3"))).isCloseTo(336.6, within(1e-6));
        assertThat(number(footprint("2023").get("totalCo2eKg"))).isCloseTo(2_272.911, within(1e-6));
        assertThat(number(((Map<String, Object>) footprint("2019").get("byScope")).get("3"))).isCloseTo(400, within(1e-6));
        List<Map<String, Object>> listed = api.list(path("/activities?from=2023-01-01&to=2023-12-31"));
        assertThat(lines(listed.get(0))).extracting(l -> l.get("line")).containsExactly("direct", "upstream");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPluginHybridHasItsFuelAndItsChargingAtTheRegionsGrid() {
        Map<String, Object> fills = api.created(path("/activities"), Map.of("type", "car", "quantity", 40, "unit", "L",
                "periodStart", "2019-01-01", "periodEnd", "2019-12-31", "region", "CA-NS",
                "attributes", Map.of("fuel", "plugin_hybrid", "chargedKwh", 100)));
        // Fuel: eccc-gasoline-ca, CO2 2.307 kg/L x 40 L = 92.28 kg, scope 1 mobile combustion.
        assertThat(number(fills.get("co2eKg"))).isCloseTo(92.28, within(1e-9));
        assertThat(fills.get("scope")).isEqualTo(1);
        assertThat(fills.get("category")).isEqualTo("mobile_combustion");
        List<Map<String, Object>> lines = lines(fills);
        assertThat(lines).extracting(l -> l.get("line")).containsExactly("direct", "charging", "upstream", "losses");
        // Charging: 100 kWh x 0.690 kg generated (NIR 2022, Table A13-4, Nova Scotia, 2019) = 69 kg, scope 2.
        assertThat(number(lines.get(1).get("co2eKg"))).isCloseTo(69, within(1e-9));
        assertThat(lines.get(1).get("scope")).isEqualTo(2);
        // Upstream of the gasoline: DESNZ 2024, WTT- fuels, Petrol (average biofuel blend), litres: 0.58094 x 40.
        assertThat(number(lines.get(2).get("co2eKg"))).isCloseTo(0.58094 * 40, within(1e-9));
        // The charging's losses: 100 kWh x (0.730 - 0.690) = 4 kg, scope 3 category 3.
        assertThat(number(lines.get(3).get("co2eKg"))).isCloseTo(4, within(1e-9));
        assertThat(number(fills.get("allLinesCo2eKg"))).isCloseTo(92.28 + 23.2376 + 69 + 4, within(1e-9));
        Map<String, Object> byScope = (Map<String, Object>) footprint("2019").get("byScope");
        assertThat(number(byScope.get("1"))).isCloseTo(92.28, within(1e-6));
        assertThat(number(byScope.get("2"))).isCloseTo(69, within(1e-6));
        assertThat(number(byScope.get("3"))).isCloseTo(23.2376 + 4, within(1e-6));

        // Without kWh charged, the fuel and its upstream alone; a charge that is not a number is refused, naming it.
        assertThat(lines(api.created(path("/activities"), Map.of("type", "car", "quantity", 40, "unit", "L", "date",
                "2019-06-01", "attributes", Map.of("fuel", "plugin_hybrid")))))
                .extracting(l -> l.get("line")).containsExactly("direct", "upstream");
        var refused = api.request(path("/activities")).post(Entity.json(Map.of("type", "car", "quantity", 40, "unit", "L",
                "date", "2019-06-01", "attributes", Map.of("fuel", "plugin_hybrid", "chargedKwh", "beaucoup"))));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(ApiCalls.JSON).get("field")).isEqualTo("attributes.chargedKwh");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPluginHybridsKwhChargedIsAnImportColumnInFrenchOrEnglish() {
        // A French spreadsheet's file: semicolons, decimal commas, the form's labels as headers.
        String csv = "Type d'activité;Quantité;Unité;Début;Fin;Région;Motorisation;kWh rechargés\n"
                + "Voiture;40;L;2019-01-01;2019-12-31;CA-NS;Hybride rechargeable;100,0\n";
        var imported = api.request(path("/activities/import")).post(Entity.entity(csv, "text/csv"));
        assertThat(imported.getStatus()).as(imported.readEntity(String.class)).isEqualTo(200);
        List<Map<String, Object>> listed = api.list(path("/activities?from=2019-01-01&to=2019-12-31"));
        assertThat(listed).hasSize(1);
        assertThat(((Map<String, Object>) listed.get(0).get("attributes")).get("chargedKwh")).isEqualTo(100.0);
        List<Map<String, Object>> lines = lines(listed.get(0));
        assertThat(lines).extracting(l -> l.get("line")).containsExactly("direct", "charging", "upstream", "losses");
        // Fuel: eccc-gasoline-ca, CO2 2.307 kg/L x 40 L = 92.28 kg; charging: 100 kWh x 0.690 kg generated (NIR 2022,
        // Table A13-4, Nova Scotia, 2019) = 69 kg; upstream: DESNZ 2024, WTT- fuels, Petrol (average biofuel blend),
        // litres, 0.58094 x 40 = 23.2376 kg; losses: 100 kWh x (0.730 - 0.690) = 4 kg.
        assertThat(lines).extracting(l -> number(l.get("co2eKg")))
                .usingComparatorForType(new org.assertj.core.util.DoubleComparator(1e-9), Double.class)
                .containsExactly(92.28, 69.0, 23.2376, 4.0);
        assertThat(number(footprint("2019").get("totalCo2eKg"))).isCloseTo(92.28 + 69 + 23.2376 + 4, within(1e-6));

        // The English header reads the same column; a bad value is refused naming its row and column, in French.
        String bad = "type,quantity,unit,date,fuel,kWh charged\n"
                + "car,40,L,2019-06-01,plugin_hybrid,12.5\n"
                + "car,40,L,2019-06-01,plugin_hybrid,beaucoup\n";
        var refused = api.request(path("/activities/import")).header("Accept-Language", "fr")
                .post(Entity.entity(bad, "text/csv"));
        Map<String, Object> body = refused.readEntity(ApiCalls.JSON);
        assertThat(refused.getStatus()).as(body.toString()).isEqualTo(422);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.get("row")).isEqualTo(3);
            assertThat(e.get("column")).isEqualTo("chargedKwh");
            assertThat((String) e.get("message")).contains("« beaucoup »", "nombres de ce fichier");
        });
        // kWh charged with a gasoline car's litres would count for nothing: refused, naming the column.
        var gasoline = api.request(path("/activities/import")).header("Accept-Language", "fr")
                .post(Entity.entity("type,quantity,unit,date,fuel,chargedKwh\ncar,40,L,2019-06-01,gasoline,10\n", "text/csv"));
        Map<String, Object> gasolineBody = gasoline.readEntity(ApiCalls.JSON);
        assertThat(gasoline.getStatus()).isEqualTo(422);
        assertThat((List<Map<String, Object>>) gasolineBody.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("row")).isEqualTo(2);
            assertThat(e.get("column")).isEqualTo("chargedKwh");
            assertThat((String) e.get("message")).contains("hybride rechargeable saisi en litres");
        });
        assertThat(api.list(path("/activities?from=2019-01-01&to=2019-12-31"))).hasSize(1);
    }

    @Test
    void theActivityFormAsksAPluginHybridForItsKwhChargedAndReadsThemInThePagesLanguage() {
        String page = api.request("/organizations/" + organization + "/activities/new?type=car")
                .header("Accept-Language", "fr-CA").get(String.class);
        // The field applies with the plug-in hybrid's choice only (the page's script shows it then), says where the
        // kWh come from, and takes decimals.
        assertThat(page).contains("data-when-field=\"fuel\" data-when-value=\"plugin_hybrid\"",
                "<label for=\"chargedKwh\">kWh rechargés</label>", "inputmode=\"decimal\"",
                "aria-describedby=\"help-chargedKwh\"", "les kWh de la borne de recharge ou de la facture");
        assertThat(api.request("/organizations/" + organization + "/activities/new?type=car").header("Accept-Language", "en")
                .get(String.class)).contains("<label for=\"chargedKwh\">kWh charged</label>", "charging station");

        // 40 L and 100,5 kWh in Nova Scotia, 2019: charging 100.5 x 0.690 = 69.345 kg, losses 100.5 x 0.040 = 4.02 kg.
        try (var posted = postForm("plugin_hybrid", "100,5")) {
            assertThat(posted.getStatus()).as(posted.readEntity(String.class)).isEqualTo(303);
        }
        // A gasoline car's kWh, left in a field the page hides, are not sent by the page, nor kept without it.
        try (var posted = postForm("gasoline", "100")) {
            assertThat(posted.getStatus()).isEqualTo(303);
        }
        List<Map<String, Object>> listed = api.list(path("/activities?from=2019-01-01&to=2019-12-31"));
        assertThat(listed).hasSize(2);
        Map<String, Object> hybrid = listed.stream().filter(a -> lines(a).size() == 4).findFirst().orElseThrow();
        assertThat(lines(hybrid)).extracting(l -> number(l.get("co2eKg")))
                .usingComparatorForType(new org.assertj.core.util.DoubleComparator(1e-9), Double.class)
                .containsExactly(92.28, 69.345, 23.2376, 4.02);
        Map<String, Object> gasoline = listed.stream().filter(a -> a != hybrid).findFirst().orElseThrow();
        assertThat(lines(gasoline)).extracting(l -> l.get("line")).containsExactly("direct", "upstream");
        assertThat(((Map<?, ?>) gasoline.get("attributes")).containsKey("chargedKwh")).isFalse();
    }

    private jakarta.ws.rs.core.Response postForm(String fuel, String chargedKwh) {
        jakarta.ws.rs.core.Form form = new jakarta.ws.rs.core.Form().param("type", "car").param("quantity", "40")
                .param("unit", "L").param("periodStart", "2019-01-01").param("periodEnd", "2019-12-31")
                .param("region", "CA-NS").param("dataQuality", "measured").param("fuel", fuel)
                .param("chargedKwh", chargedKwh);
        return APP.client().property(org.glassfish.jersey.client.ClientProperties.FOLLOW_REDIRECTS, false)
                .target("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "/activities")
                .request().header("Accept-Language", "fr-CA")
                .post(Entity.entity(form, jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    @Test
    void aCarTripInKmHasTheUpstreamOfItsFuelPerKm() {
        // DESNZ 2024 flat file, the rows:
        //   Scope 3,Business travel- land,Cars (by size),Average car,,Petrol,km,kg CO2e,0.1645
        //   Scope 3,WTT- pass vehs & travel- land,WTT- cars (by size),Average car,,Petrol,km,kg CO2e,0.04599
        //   Scope 3,WTT- pass vehs & travel- land,WTT- cars (by size),Average car,,Diesel,km,kg CO2e,0.04146
        // 100 km of gasoline: 16.45 kg driven, 100 x 0.04599 = 4.599 kg upstream, both business travel (scope 3).
        Map<String, Object> trip = api.created(path("/activities"), Map.of("type", "car", "quantity", 100, "unit", "km",
                "date", "2024-05-01", "attributes", Map.of("fuel", "gasoline")));
        List<Map<String, Object>> lines = lines(trip);
        assertThat(lines).extracting(l -> l.get("line")).containsExactly("direct", "upstream");
        assertThat(number(lines.get(0).get("co2eKg"))).isCloseTo(16.45, within(1e-9));
        assertThat(number(lines.get(1).get("co2eKg"))).isCloseTo(4.599, within(1e-9));
        assertThat(lines.get(1).get("scope")).isEqualTo(3);
        assertThat(lines.get(1).get("category")).isEqualTo("business_travel");
        assertThat(number(trip.get("allLinesCo2eKg"))).isCloseTo(16.45 + 4.599, within(1e-9));
        // 50 miles of diesel: 50 x 1.609344 = 80.4672 km x 0.04146 = 3.33617 kg upstream, of the diesel car's row.
        List<Map<String, Object>> diesel = lines(api.created(path("/activities"), Map.of("type", "car", "quantity", 50,
                "unit", "mi", "date", "2024-05-02", "attributes", Map.of("fuel", "diesel"))));
        assertThat(number(diesel.get(1).get("co2eKg"))).isCloseTo(80.4672 * 0.04146, within(1e-9));
        assertThat(((Map<?, ?>) diesel.get(1).get("factor")).get("id")).isEqualTo("desnz-2024-car-diesel-upstream");
        // An electric car's kWh take the region's grid: no fuel, no per-km upstream.
        assertThat(lines(api.created(path("/activities"), Map.of("type", "car", "quantity", 100, "unit", "km",
                "date", "2024-05-03", "region", "CA-QC", "attributes", Map.of("fuel", "electric")))))
                .extracting(l -> l.get("line")).containsExactly("direct");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportSaysWhichScopesAndCategoriesItIncludesWithCategoryThreeByLine() {
        api.created(path("/activities"), Map.of("type", "natural_gas", "quantity", 1000, "unit", "m3",
                "periodStart", "2023-01-01", "periodEnd", "2023-12-31", "region", "CA-QC"));
        Map<String, Object> report = api.request(path("/report?year=2023")).get(ApiCalls.JSON);
        List<Map<String, Object>> included = (List<Map<String, Object>>) report.get("included");
        assertThat(included).extracting(i -> i.get("scope"), i -> i.get("category"), i -> i.get("ghgCategory"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "stationary_combustion", null),
                        org.assertj.core.groups.Tuple.tuple(3, "fuel_energy", 3));
        assertThat(number(((Map<String, Object>) included.get(1).get("byLine")).get("upstream"))).isCloseTo(336.6, within(1e-9));
        String csv = api.request(path("/report?year=2023&format=csv")).get(String.class);
        assertThat(csv).contains("included,3/fuel_energy/upstream,").contains("scope3_category,3,");
    }
}
