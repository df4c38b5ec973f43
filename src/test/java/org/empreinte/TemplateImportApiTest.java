package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.assertj.core.data.Offset;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

/**
 * The energy template downloaded in French, filled with a year of 24 bills (12 of electricity, 12 of natural gas)
 * as a person would, dry-run then imported: the footprint is the one computed by hand from the factors the
 * library selects for Québec in 2024. Then exported (XLSX and CSV, with kg CO2e) and the export imported again
 * elsewhere: the same footprint.
 */
@DisplayName("XLSX templates filled and imported; exports with kg CO2e")
@Tiers.Api
@ExtendWith(DropwizardExtensionsSupport.class)
public class TemplateImportApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private static final Offset<Double> KG = within(1e-6);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final int[] KWH = {7400, 6900, 6100, 5000, 3800, 3000, 2900, 3100, 3600, 4800, 6000, 7200};
    static final int[] M3 = {1200, 1100, 900, 600, 300, 150, 100, 100, 250, 550, 850, 1150};
    /**
     * Electricity: 59,800 kWh x 0.0019 kg/kWh (ECCC NIR 2022 Annex 13, Table A13-6, Québec, data year 2020, the latest
     * the library has for 2024) = 113.62 kg. Natural gas: 7,250 m³ x (1.926 CO2 + 0.000037 CH4 x 28 + 0.000035 N2O x 265,
     * AR5) = 7,250 x 1.936311 = 14,038.25475 kg (ECCC NIR Annex 6, marketable natural gas, Québec, commercial).
     */
    /**
     * Electricity at Québec's 2020 consumption intensity (1.5 g generated in scope 2 + 0.4 g lost in scope 3); natural
     * gas burned (ECCC, Québec) and its upstream (DESNZ 2024 WTT- fuels, natural gas, 0.3366 kg/m3).
     */
    public static final double EXPECTED_2024 = 59_800 * 0.0019 + 7_250 * (1.926 + 0.000037 * 28 + 0.000035 * 265)
            + 7_250 * 0.3366;

    /** The 24 bills as a French spreadsheet's rows under the template's header (type ... dataQuality). */
    public static List<List<Object>> bills() {
        List<List<Object>> rows = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            YearMonth month = YearMonth.of(2024, m + 1);
            rows.add(java.util.Arrays.asList("Électricité", KWH[m], "kWh", month.atDay(1).toString(),
                    month.atEndOfMonth().toString(), null, "Installation Rosemont", "hydro-quebec", "Mesurée"));
            rows.add(java.util.Arrays.asList("Gaz naturel", M3[m], "m3", month.atDay(1).toString(),
                    month.atEndOfMonth().toString(), null, "Installation Rosemont", "energir;compteur-12345678", "Mesurée"));
        }
        return rows;
    }

    record Reply(int status, byte[] bytes) {
        JsonNode json() {
            try {
                return APP.getObjectMapper().readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Reply send(String method, String path, Entity<?> entity) {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + path).request()
                .header("Accept-Language", "fr").method(method, entity)) {
            return new Reply(response.getStatus(), response.hasEntity() ? response.readEntity(byte[].class) : new byte[0]);
        }
    }

    static long organization() {
        Reply created = send("POST", "/api/organizations", Entity.json(Map.of("name", "CPE " + System.nanoTime(),
                "sector", "624410", "region", "CA-QC", "employees", 12)));
        long id = created.json().get("id").asLong();
        assertThat(send("POST", "/api/organizations/" + id + "/sites",
                Entity.json(Map.of("name", "Installation Rosemont", "region", "CA-QC"))).status()).isEqualTo(201);
        return id;
    }

    private static double footprint(long org) {
        return send("GET", "/api/organizations/" + org + "/footprint?year=2024", null).json().get("totalCo2eKg").asDouble();
    }

    @Test
    void theEnergyTemplateFilledWith24BillsImportsToTheFootprintComputedByHand() throws IOException {
        long org = organization();
        Reply template = send("GET", "/api/organizations/" + org + "/activities/templates/energy?lang=fr", null);
        assertThat(template.status()).isEqualTo(200);
        byte[] filled = TemplateFill.fill(template.bytes(), bills());

        Reply dryRun = send("POST", "/api/organizations/" + org + "/activities/import?dryRun=true", Entity.entity(filled, XLSX));
        assertThat(dryRun.status()).as(new String(dryRun.bytes())).isEqualTo(200);
        assertThat(dryRun.json().get("rows").asInt()).isEqualTo(24);
        assertThat(dryRun.json().get("co2eKg").asDouble()).isCloseTo(EXPECTED_2024, KG);

        Reply imported = send("POST", "/api/organizations/" + org + "/activities/import", Entity.entity(filled, XLSX));
        assertThat(imported.status()).as(new String(imported.bytes())).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(24);
        assertThat(footprint(org)).isCloseTo(EXPECTED_2024, KG);
        assertThat(EXPECTED_2024).isCloseTo(113.62 + 14_038.25475 + 2_440.35, KG);

        // The export in the same layout, with each activity's kg CO2e last; imported elsewhere, the same footprint.
        Reply export = send("GET", "/api/organizations/" + org + "/activities/export.xlsx?lang=fr", null);
        assertThat(export.status()).isEqualTo(200);
        double sum = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(export.bytes()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(25);
            Row header = rows.get(0);
            assertThat(header.getCell(0).getText()).isEqualTo("Type d'activité");
            assertThat(header.getCell(header.getCellCount() - 1).getText()).isEqualTo("kg CO2e");
            for (Row row : rows.subList(1, rows.size())) {
                sum += ((BigDecimal) row.getCell(header.getCellCount() - 1).getValue()).doubleValue();
            }
        }
        assertThat(sum).isCloseTo(EXPECTED_2024, KG);
        long again = organization();
        Reply reimported = send("POST", "/api/organizations/" + again + "/activities/import", Entity.entity(export.bytes(), XLSX));
        assertThat(reimported.status()).as(new String(reimported.bytes())).isEqualTo(200);
        assertThat(footprint(again)).isCloseTo(EXPECTED_2024, KG);

        Reply csv = send("GET", "/api/organizations/" + org + "/activities/export?co2e=true", null);
        String text = new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).endsWith(",co2eKg");
        long third = organization();
        assertThat(send("POST", "/api/organizations/" + third + "/activities/import", Entity.entity(csv.bytes(), "text/csv"))
                .status()).isEqualTo(200);
        assertThat(footprint(third)).isCloseTo(EXPECTED_2024, KG);
    }

    @Test
    void everyFamilyHasATemplateAndAnUnknownOneNamesThem() {
        long org = organization();
        for (String family : List.of("energy", "travel", "purchases", "waste")) {
            Reply reply = send("GET", "/api/organizations/" + org + "/activities/templates/" + family + "?lang=en", null);
            assertThat(reply.status()).as(family).isEqualTo(200);
            assertThat(reply.bytes()).as("a zip: an XLSX workbook").startsWith('P', 'K');
        }
        Reply unknown = send("GET", "/api/organizations/" + org + "/activities/templates/water", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(new String(unknown.bytes())).contains("energy, travel, purchases, waste");
    }
}
