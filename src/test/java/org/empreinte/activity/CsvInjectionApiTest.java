package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The activity export and the report's CSV neutralise a formula a member typed (OWASP: a leading apostrophe),
 * leave numbers alone, and an export still imports back as it was.
 */
@DisplayName("Formulas in CSV exports")
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class CsvInjectionApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";

    private final ApiCalls api = new ApiCalls(APP);

    /** The CSV text as rows of cells, as a spreadsheet would split it. */
    private static List<String[]> cells(String csv) throws Exception {
        try (MappingIterator<String[]> rows = new CsvMapper().readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
            return rows.readAll();
        }
    }

    private long organizationWithSite(String name) {
        long organization = api.organization();
        api.created("/api/organizations/" + organization + "/sites", Map.of("name", name, "region", "CA-QC"));
        return organization;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExportNeutralisesFormulasAndImportsBackAsItWas() throws Exception {
        long original = organizationWithSite(FORMULA);
        String activities = "/api/organizations/" + original + "/activities";
        api.created(activities, Map.of("type", "electricity", "quantity", 1000, "unit", "kWh", "periodStart", "2024-01-01",
                "periodEnd", "2024-01-31", "site", FORMULA, "tags", List.of(FORMULA, "+chauffage", "-5")));
        api.created(activities, Map.of("type", "electricity", "quantity", 500.5, "unit", "kWh", "date", "2024-02-01",
                "tags", List.of("-5")));

        String csv = api.request(activities + "/export").get(String.class);
        List<String[]> rows = cells(csv);
        List<String> header = List.of(rows.get(0));
        String[] first = rows.get(1);
        String[] second = rows.get(2);
        assertThat(first[header.indexOf("site")]).isEqualTo("'" + FORMULA);
        // Tags are written in their stored order; the cell starts with '+', so it is neutralised whole.
        assertThat(first[header.indexOf("tags")]).isEqualTo("'+chauffage;-5;" + FORMULA);
        assertThat(first[header.indexOf("quantity")]).isEqualTo("1000");
        assertThat(second[header.indexOf("tags")]).as("a number runs nothing").isEqualTo("-5");
        assertThat(second[header.indexOf("quantity")]).isEqualTo("500.5");

        long copy = organizationWithSite(FORMULA);
        try (Response imported = api.request("/api/organizations/" + copy + "/activities/import")
                .post(Entity.entity(csv.getBytes(StandardCharsets.UTF_8), "text/csv"))) {
            assertThat(imported.getStatus()).as(imported.readEntity(String.class)).isEqualTo(200);
        }
        List<Map<String, Object>> before = api.list(activities);
        List<Map<String, Object>> after = api.list("/api/organizations/" + copy + "/activities");
        assertThat(after).hasSize(2);
        for (int i = 0; i < 2; i++) {
            for (String field : List.of("type", "quantity", "unit", "periodStart", "periodEnd", "tags", "co2eKg")) {
                assertThat(after.get(i).get(field)).as(field).isEqualTo(before.get(i).get(field));
            }
            assertThat(((Map<?, ?>) before.get(i).getOrDefault("site", Map.of())).get("name"))
                    .isEqualTo(((Map<?, ?>) after.get(i).getOrDefault("site", Map.of())).get("name"));
        }
        assertThat((List<Object>) after.get(0).get("tags")).containsExactlyInAnyOrder(FORMULA, "+chauffage", "-5");
    }

    @Test
    void theReportNeutralisesWhatMembersTypedButNotItsNumbers() throws Exception {
        long organization = organizationWithSite("@Usine");
        String path = "/api/organizations/" + organization;
        api.created(path + "/activities", Map.of("type", "electricity", "quantity", 1000, "unit", "kWh", "date", "2024-01-01",
                "site", "@Usine"));
        api.created(path + "/activities", Map.of("type", "electricity", "quantity", 5000, "unit", "kWh", "date", "2023-01-01"));
        api.created(path + "/electricity-contracts", Map.of("kind", "renewable", "fromYear", 2024, "description", "-Certificats"));
        try (Response put = api.request(path + "/years/2024").put(Entity.json(Map.of("customLabel", "=1+1",
                "customValue", 10)))) {
            assertThat(put.getStatus()).isEqualTo(200);
        }

        List<String[]> rows = cells(api.request(path + "/report?year=2024&format=csv&lang=fr").get(String.class));
        assertThat(rows).anySatisfy(row -> assertThat(row[0] + "|" + row[2]).isEqualTo("site|'@Usine"));
        assertThat(rows).anySatisfy(row -> assertThat(row[0] + "|" + row[2]).isEqualTo("scope2_contract|'-Certificats"));
        assertThat(rows).anySatisfy(row -> assertThat(row[0] + "|" + row[2] + "|" + row[4])
                .isEqualTo("intensity|'=1+1|kg CO2e / =1+1"));
        // 2024 is below 2023: the change is a negative number, written as one.
        String[] change = rows.stream().filter(row -> row[0].equals("previous_period") && row[1].equals("change"))
                .findFirst().orElseThrow();
        assertThat(change[3]).startsWith("-").doesNotStartWith("'");
        assertThat(Double.parseDouble(change[3])).isNegative();
    }
}
