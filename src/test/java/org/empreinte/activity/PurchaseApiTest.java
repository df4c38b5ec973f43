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

/** Purchases through the API: spend-based (USEEIO v1.3 with money.yml) and by mass (DESNZ), worked by hand. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class PurchaseApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private final ApiCalls api = new ApiCalls(APP);
    private static final GenericType<Map<String, Object>> JSON = new GenericType<>() { };
    // money.yml: Canada CPI 2022 151.2, 2023 157.1, 2024 160.9; USD 2022 1.3013 CAD; EUR 2023 1.4595 CAD.
    private static final double CAD_2024_TO_USD_2022 = 151.2 / 160.9 / 1.3013;

    private long organization;

    @BeforeEach
    void organization() {
        organization = api.organization();
    }

    @Test
    void aPurchaseInCanadianDollarsOfAnotherYear() {
        Map<String, Object> purchase = post(Map.of("type", "purchase", "quantity", 1000, "unit", "CAD", "date", "2024-05-01",
                "attributes", Map.of("naics", "541511")));
        // 1,000 CAD of 2024 = 1,000 x 151.2/160.9 / 1.3013 = 722.13 USD of 2022; useeio-541511 (custom computer
        // programming) 0.084 kg CO2e per 2022 USD with margins.
        assertThat(((Number) purchase.get("co2eKg")).doubleValue()).isCloseTo(1000 * CAD_2024_TO_USD_2022 * 0.084, within(1e-9));
        Map<?, ?> factor = (Map<?, ?>) purchase.get("factor");
        assertThat(factor.get("id")).isEqualTo("useeio-541511");
        assertThat(factor.get("unit")).isEqualTo("USD2022");
        assertThat(((Number) factor.get("quantity")).doubleValue()).isCloseTo(722.1349, within(1e-4));
        assertThat(purchase.get("ghgCategory")).isEqualTo(1);
    }

    @Test
    void aQuebecPurchaseWithAndWithoutTaxes() {
        // sales-taxes.yml, CA-QC from 2013-01-01: GST 5 % (CRA) + QST 9.975 % (Revenu Québec), both on the price
        // before taxes: 1,149.75 CAD taxes included / 1.14975 = 1,000 CAD before taxes.
        Map<String, Object> included = post(Map.of("type", "purchase", "quantity", 1149.75, "unit", "CAD", "date", "2024-05-01",
                "attributes", Map.of("naics", "541511", "taxesIncluded", true)));
        Map<String, Object> before = post(Map.of("type", "purchase", "quantity", 1000, "unit", "CAD", "date", "2024-05-01",
                "attributes", Map.of("naics", "541511")));
        // Both are 1,000 CAD of 2024 before taxes: 1,000 x 151.2/160.9 / 1.3013 = 722.13 USD of 2022, x 0.084 kg.
        double expected = 1000 * CAD_2024_TO_USD_2022 * 0.084;
        assertThat(((Number) included.get("co2eKg")).doubleValue()).isCloseTo(expected, within(1e-9));
        assertThat(((Number) before.get("co2eKg")).doubleValue()).isCloseTo(expected, within(1e-9));
        assertThat(((Map<?, ?>) included.get("factor")).get("note")).isEqualTo(
                "amount taxes included: GST 5 % + QST 9.975 % taken out (amount / 1.14975, rates in force from 2013-01-01)");
        assertThat(((Map<?, ?>) before.get("factor")).get("note")).isNull();
        // The same 1,149.75 CAD without the attribute is taken as an amount before taxes: 14.975 % more.
        Map<String, Object> taken = post(Map.of("type", "purchase", "quantity", 1149.75, "unit", "CAD", "date", "2024-05-01",
                "attributes", Map.of("naics", "541511", "taxesIncluded", "false")));
        assertThat(((Number) taken.get("co2eKg")).doubleValue()).isCloseTo(1149.75 * CAD_2024_TO_USD_2022 * 0.084, within(1e-9));
    }

    @Test
    void novaScotiasHstByTheDateItChanged() {
        // CA-NS: HST 15 % from 2010-07-01 (CRA), 14 % from 2025-04-01 (SOR/2025-77). 2025 takes money.yml's 2024 CPI.
        Map<String, Object> march = post(Map.of("type", "purchase", "quantity", 1150, "unit", "CAD", "date", "2025-03-31",
                "region", "CA-NS", "attributes", Map.of("naics", "541511", "taxesIncluded", true)));
        Map<String, Object> april = post(Map.of("type", "purchase", "quantity", 1140, "unit", "CAD", "date", "2025-04-01",
                "region", "CA-NS", "attributes", Map.of("naics", "541511", "taxesIncluded", true)));
        // 1,150 / 1.15 = 1,140 / 1.14 = 1,000 CAD, brought to 2022 with the 2024 CPI (the last published): 722.13 USD.
        assertThat(((Number) march.get("co2eKg")).doubleValue()).isCloseTo(1000 * CAD_2024_TO_USD_2022 * 0.084, within(1e-9));
        assertThat(((Number) april.get("co2eKg")).doubleValue()).isCloseTo(1000 * CAD_2024_TO_USD_2022 * 0.084, within(1e-9));
        assertThat(((Map<?, ?>) april.get("factor")).get("note")).isEqualTo(
                "amount taxes included: HST 14 % taken out (amount / 1.14, rates in force from 2025-04-01); "
                        + "Canada CPI of 2024 used for a 2025 purchase (the last year money.yml publishes)");
    }

    @Test
    void aPurchaseAfterTheLastPriceIndexSaysWhichYearsIndexItUsed() {
        Map<String, Object> purchase = post(Map.of("type", "purchase", "quantity", 1000, "unit", "USD", "date", "2025-06-01",
                "attributes", Map.of("naics", "541511")));
        // money.yml's US CPI-U stops at 2024 (313.689): 1,000 x 292.655 / 313.689 = 932.95 USD of 2022, x 0.084 kg.
        assertThat(((Number) purchase.get("co2eKg")).doubleValue()).isCloseTo(1000 * 292.655 / 313.689 * 0.084, within(1e-9));
        assertThat(((Map<?, ?>) purchase.get("factor")).get("note"))
                .isEqualTo("US CPI-U of 2024 used for a 2025 purchase (the last year money.yml publishes)");
    }

    @Test
    void aCsvColumnSaysTheAmountIncludesTaxes() {
        String csv = "type,quantity,unit,date,naics,taxesIncluded\n"
                + "purchase,1149.75,CAD,2024-05-01,541511,vrai\n"
                + "purchase,1000,CAD,2024-05-01,541511,\n";
        Response response = request(activities() + "/import").post(Entity.entity(csv, "text/csv"));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
        List<Map<String, Object>> logged = request(activities()).get(new GenericType<List<Map<String, Object>>>() { });
        // Both 1,000 CAD of 2024 before taxes (1,149.75 / 1.14975): 722.13 USD of 2022 x 0.084 kg each.
        assertThat(logged).extracting(a -> ((Number) a.get("co2eKg")).doubleValue())
                .allSatisfy(kg -> assertThat(kg).isCloseTo(1000 * CAD_2024_TO_USD_2022 * 0.084, within(1e-9)));
    }

    @Test
    void taxesIncludedOutsideCanadaIsRefusedByName() {
        Response response = request(activities()).post(Entity.json(Map.of("type", "purchase", "quantity", 100, "unit", "EUR",
                "date", "2024-05-01", "region", "FR", "attributes", Map.of("naics", "541511", "taxesIncluded", true))));
        assertThat(response.getStatus()).isEqualTo(422);
        Map<String, Object> body = response.readEntity(JSON);
        assertThat(body.get("field")).isEqualTo("attributes.taxesIncluded");
        assertThat(body.get("message").toString()).contains("FR");
        assertThat(request(activities()).get(new GenericType<List<Object>>() { })).isEmpty();
    }

    @Test
    void aPurchaseInEurosIsConvertedAtItsYearsRate() {
        Map<String, Object> purchase = post(Map.of("type", "purchase", "quantity", 1000, "unit", "EUR", "date", "2023-05-01",
                "attributes", Map.of("naics", "722320")));
        // 1,000 EUR x 1.4595 = 1,459.5 CAD of 2023, x 151.2/157.1 / 1.3013 = 1,079.45 USD of 2022; useeio-722320
        // (caterers) 0.132.
        assertThat(((Number) purchase.get("co2eKg")).doubleValue())
                .isCloseTo(1000 * 1.4595 * 151.2 / 157.1 / 1.3013 * 0.132, within(1e-9));
    }

    @Test
    void aTwoDigitCodeTakesTheMeanOfItsIndustries() {
        Map<String, Object> purchase = post(Map.of("type", "purchase", "quantity", 1000, "unit", "CAD", "date", "2024-05-01",
                "attributes", Map.of("naics", "54")));
        assertThat(((Map<?, ?>) purchase.get("factor")).get("id")).isEqualTo("useeio-1.3-naics-54-average");
        double mean = meanOfIndustriesUnder("54");
        assertThat(((Number) purchase.get("co2eKg")).doubleValue()).isCloseTo(1000 * CAD_2024_TO_USD_2022 * mean, within(1e-9));
    }

    @Test
    void paperByMass() {
        Map<String, Object> paper = post(Map.of("type", "purchase", "quantity", 500, "unit", "kg", "date", "2024-05-01",
                "attributes", Map.of("material", "paper")));
        // desnz-2024-purchase-paper: 1,282.74402 kg CO2e per tonne (paper and board, mixed, primary production).
        assertThat(((Number) paper.get("co2eKg")).doubleValue()).isCloseTo(0.5 * 1282.74402, within(1e-9));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {4}")
    @CsvSource(delimiter = '|', value = {
        "100 | CAD | 2024-05-01 | naics=999999 | attributes.naics",
        "100 | CAD | 2024-05-01 | naics=5a     | attributes.naics",
        "100 | CAD | 2024-05-01 |              | attributes.naics",
        "100 | CAD | 2015-05-01 | naics=541511 | periodStart",
        "100 | km  | 2024-05-01 | naics=541511 | unit",
        "100 | kg  | 2024-05-01 |              | attributes.material",
    })
    void refusedByName(double quantity, String unit, String date, String attributes, String field) {
        Map<String, Object> attrs = new java.util.HashMap<>();
        if (attributes != null) {
            String[] kv = attributes.split("=");
            attrs.put(kv[0], kv[1]);
        }
        Response response = request(activities()).post(Entity.json(Map.of("type", "purchase", "quantity", quantity,
                "unit", unit, "date", date, "attributes", attrs)));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.readEntity(JSON).get("field")).isEqualTo(field);
        assertThat(request(activities()).get(new GenericType<List<Object>>() { })).isEmpty();
    }

    /**
     * The unweighted mean over USEEIO sectors, each once, computed here from the EPA's own table (US EPA, USEEIO
     * v1.3.0 supply-chain factors, a US government work in the public domain), which the tests carry so that a
     * fresh clone runs them.
     */
    private static double meanOfIndustriesUnder(String prefix) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(
                    java.nio.file.Path.of("src/test/resources/sources/useeio-v1.3-supply-chain-factors-naics-2022usd.csv"));
            Map<String, Double> bySector = new java.util.LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
                if (cells[0].startsWith(prefix)) {
                    bySector.putIfAbsent(cells[cells.length - 1], Double.parseDouble(cells[cells.length - 2]));
                }
            }
            assertThat(bySector).hasSizeGreaterThan(10);
            return bySector.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
