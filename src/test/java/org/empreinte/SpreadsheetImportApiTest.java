package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.assertj.core.data.Offset;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

/**
 * Files as people save them from a spreadsheet, imported through the API: a French Excel's CSV (semicolons,
 * Windows-1252, decimal commas, spaces between thousands, French headers and values, JJ/MM/AAAA), a UTF-8 one
 * with narrow no-break spaces, an XLSX workbook; each must give the footprint of the same activities posted one
 * by one. And the dry run, which must store nothing and announce what the import then stores.
 */
@DisplayName("Spreadsheet files (French CSV, Windows-1252, XLSX) and the dry run through the API")
@Tiers.Api
@ExtendWith(DropwizardExtensionsSupport.class)
class SpreadsheetImportApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private static final Offset<Double> KG = within(1e-6);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The same three bills as {@link #FRENCH_EXCEL}, posted through {@code POST .../activities}. */
    private static final List<Map<String, Object>> POSTED = List.of(
            Map.of("type", "electricity", "quantity", 12_000.5, "unit", "kWh", "periodStart", "2024-12-15",
                    "periodEnd", "2025-01-14"),
            Map.of("type", "natural_gas", "quantity", 1_000, "unit", "m3", "periodStart", "2024-11-01", "periodEnd", "2024-11-30",
                    "site", "Usine de Toronto", "tags", List.of("chauffage"), "dataQuality", "estimated"),
            Map.of("type", "heating_oil", "quantity", 2_000.25, "unit", "L", "date", "2024-02-10"));

    /** As a French Excel saves "CSV (séparateur : point-virgule)": a non-breaking space between thousands. */
    private static final String FRENCH_EXCEL = "Type d'activité;Quantité;Unité;Début de la période;Fin de la période;Date;"
            + "Site;Étiquettes;Qualité des données\r\n"
            + "Électricité;12 000,5;kWh;15/12/2024;14/01/2025;;;;mesurée\r\n"
            + "gaz naturel;1\u00A0000;m3;01/11/2024;30/11/2024;;Usine de Toronto;chauffage;Estimée\r\n"
            + "MAZOUT;2 000,25;L;;;10/02/2024;;;\r\n";

    record Reply(int status, String text) {
        JsonNode json() {
            try {
                return APP.getObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Reply send(String method, String path, Entity<?> entity) {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + path)
                .request(MediaType.APPLICATION_JSON).method(method, entity)) {
            return new Reply(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    private static Reply upload(long org, String query, byte[] file, String type) {
        return send("POST", "/api/organizations/" + org + "/activities/import" + query, Entity.entity(file, type));
    }

    private static long organization(String name) {
        Reply created = send("POST", "/api/organizations",
                Entity.json(Map.of("name", name, "sector", "624410", "region", "CA-QC", "employees", 12)));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(send("POST", "/api/organizations/" + id + "/sites",
                Entity.json(Map.of("name", "Usine de Toronto", "region", "CA-ON"))).status()).isEqualTo(201);
        return id;
    }

    private static long posted() {
        long org = organization("Saisie à la main " + System.nanoTime());
        POSTED.forEach(activity -> assertThat(send("POST", "/api/organizations/" + org + "/activities", Entity.json(activity))
                .status()).isEqualTo(201));
        return org;
    }

    private static double footprint(long org, int year) {
        return send("GET", "/api/organizations/" + org + "/footprint?year=" + year, null).json().get("totalCo2eKg").asDouble();
    }

    /** What an organization's activities are, compared without their ids and times. */
    private static List<String> activities(long org) {
        List<String> list = new ArrayList<>();
        send("GET", "/api/organizations/" + org + "/activities", null).json().forEach(a -> list.add(a.get("type").asText()
                + " " + a.get("quantity").asDouble() + " " + a.get("unit").asText() + " " + a.get("periodStart").asText() + ".."
                + a.get("periodEnd").asText() + " " + a.get("dataQuality").asText() + " " + a.get("co2eKg").asDouble()));
        list.sort(null);
        return list;
    }

    private static void assertSameAs(long imported, long reference) {
        assertThat(activities(imported)).hasSize(3).isEqualTo(activities(reference));
        for (int year : List.of(2024, 2025)) {
            assertThat(footprint(imported, year)).as("footprint " + year).isGreaterThan(0).isCloseTo(footprint(reference, year), KG);
        }
    }

    @Test
    void aFrenchExcelCsvInWindows1252GivesTheFootprintOfTheSameActivitiesPosted() {
        long reference = posted();
        long org = organization("Coop de Rimouski");
        byte[] file = FRENCH_EXCEL.getBytes(WINDOWS_1252);
        assertThat(new String(file, StandardCharsets.UTF_8)).as("bytes that are not UTF-8").contains("\uFFFD");

        Reply reply = upload(org, "", file, "text/csv");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("imported").asInt()).isEqualTo(3);
        assertSameAs(org, reference);
    }

    @Test
    void aUtf8SemicolonFileWithNarrowNoBreakSpacesAndAByteOrderMarkToo() {
        long reference = posted();
        long org = organization("Coop de Gaspé");
        String text = "\uFEFF" + FRENCH_EXCEL.replace("12 000,5", "12\u202F000,5").replace("2 000,25", "2\u2009000,25");

        Reply reply = upload(org, "", text.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertSameAs(org, reference);
    }

    @Test
    void anXlsxWorkbookWithNumbersAndDatesAsCellsImportsFromTheSheetNamed() throws IOException {
        long reference = posted();
        long org = organization("Coop de Sherbrooke");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Empreinte", "1.0");
        workbook.newWorksheet("Notes").value(0, 0, "Factures de l'année");
        Worksheet sheet = workbook.newWorksheet("Factures");
        List<String> header = List.of("Type d'activité", "Quantité", "Unité", "Début de la période", "Fin de la période", "Date",
                "Site", "Étiquettes", "Qualité des données");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.value(1, 0, "électricité");
        sheet.value(1, 1, 12_000.5);
        sheet.value(1, 2, "kWh");
        date(sheet, 1, 3, LocalDate.of(2024, 12, 15));
        date(sheet, 1, 4, LocalDate.of(2025, 1, 14));
        // a row left empty between two bills, as people leave them
        sheet.value(3, 0, "Gaz naturel");
        sheet.value(3, 1, "1 000"); // a number typed as text
        sheet.value(3, 2, "m3");
        sheet.value(3, 3, "01/11/2024"); // a date typed as text
        sheet.value(3, 4, "2024-11-30");
        sheet.value(3, 6, "Usine de Toronto");
        sheet.value(3, 7, "chauffage");
        sheet.value(3, 8, "estimée");
        sheet.value(4, 0, "heating_oil");
        sheet.value(4, 1, 2_000.25);
        sheet.value(4, 2, "L");
        date(sheet, 4, 5, LocalDate.of(2024, 2, 10));
        workbook.finish();

        Reply first = upload(org, "", out.toByteArray(), XLSX);
        assertThat(first.status()).as("the first sheet has no activity layout").isEqualTo(422);
        assertThat(first.json().get("errors").get(0).get("message").asText()).contains("unknown column 'Factures de l'année'");
        Reply missing = upload(org, "?sheet=Budget", out.toByteArray(), XLSX);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("message").asText()).isEqualTo("the workbook has no sheet 'Budget'; its sheets are Notes, Factures");

        Reply reply = upload(org, "?sheet=Factures", out.toByteArray(), XLSX);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertSameAs(org, reference);
        Reply notAWorkbook = upload(org, "", "type\nelectricity\n".getBytes(StandardCharsets.UTF_8), XLSX);
        assertThat(notAWorkbook.status()).isEqualTo(400);
    }

    private static void date(Worksheet sheet, int row, int column, LocalDate day) {
        sheet.value(row, column, day);
        sheet.style(row, column).format("dd/mm/yyyy").set();
    }

    @Test
    void aFileMixingDecimalCommasAndPointsIsRefusedNamingTheRows() {
        long org = organization("Coop mélangée");
        String file = "type;quantité;unité;date\n"
                + "electricity;1200;kWh;2024-01-15\n" // 2: no decimal mark, fits both
                + "electricity;1,5;kWh;2024-01-16\n" // 3: a decimal comma: the file's way
                + "electricity;1.5;kWh;2024-01-17\n" // 4: a decimal point: refused
                + "electricity;2 500,75;kWh;2024-01-18\n" // 5: fine
                + "electricity;2.5;kWh;2024-01-19\n"; // 6: refused

        Reply reply = upload(org, "", file.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertThat(reply.status()).isEqualTo(422);
        JsonNode errors = reply.json().get("errors");
        assertThat(errors).extracting(e -> e.get("row").asInt(), e -> e.get("column").asText())
                .containsExactly(tuple(4, "quantity"), tuple(6, "quantity"));
        assertThat(errors.get(0).get("message").asText()).isEqualTo("quantity '1.5' is not written as this file writes its"
                + " numbers: with a decimal comma, such as 1234,5 or 12 000,5 (as row 3: 1,5)");
        assertThat(send("GET", "/api/organizations/" + org + "/activities", null).json()).isEmpty();
    }

    @Test
    void aDryRunStoresNothingAndAnnouncesWhatTheImportThenStores() {
        long org = organization("Coop prudente");
        byte[] file = FRENCH_EXCEL.getBytes(WINDOWS_1252);

        Reply dry = upload(org, "?dryRun=true", file, "text/csv");

        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        JsonNode summary = dry.json();
        assertThat(summary.get("dryRun").asBoolean()).isTrue();
        assertThat(summary.get("rows").asInt()).isEqualTo(3);
        assertThat(summary.get("co2eKgByType").fieldNames()).toIterable()
                .containsExactly("electricity", "heating_oil", "natural_gas");
        assertThat(activities(org)).isEmpty();
        assertThat(footprint(org, 2024)).isZero();
        assertThat(upload(org, "?dryRun=true", file, "text/csv").status()).as("a dry run records no import").isEqualTo(200);

        Reply real = upload(org, "", file, "text/csv");

        assertThat(real.status()).isEqualTo(200);
        assertThat(real.json().get("imported").asInt()).isEqualTo(summary.get("rows").asInt());
        Map<String, Double> byType = new TreeMap<>();
        send("GET", "/api/organizations/" + org + "/activities", null).json()
                // Every line of each activity, as the dry run's figures and the footprint count them.
                .forEach(a -> byType.merge(a.get("type").asText(), a.get("allLinesCo2eKg").asDouble(), Double::sum));
        summary.get("co2eKgByType").fields().forEachRemaining(
                e -> assertThat(byType.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue().asDouble(), KG));
        for (int year : List.of(2024, 2025)) {
            assertThat(footprint(org, year)).as("footprint " + year).isGreaterThan(0)
                    .isCloseTo(summary.get("co2eKgByYear").get(Integer.toString(year)).asDouble(), KG);
        }
        assertThat(summary.get("co2eKg").asDouble()).isCloseTo(footprint(org, 2024) + footprint(org, 2025), KG);
        Reply again = upload(org, "?dryRun=true", file, "text/csv");
        assertThat(again.status()).as("the dry run of a file already imported says so").isEqualTo(409);
    }

    /** A file sent from the upload page, as a browser sends it, the page in that language. */
    private static Reply page(long org, String fileName, byte[] file, boolean dryRun, String language) {
        String boundary = "----empreinte-spreadsheet";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        if (dryRun) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\ntrue")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try (Response response = APP.client().property("jersey.config.client.followRedirects", false)
                .target("http://localhost:" + APP.getLocalPort() + "/organizations/" + org + "/activities/import")
                .request(MediaType.TEXT_HTML).header("Accept-Language", language)
                .post(Entity.entity(body.toByteArray(), "multipart/form-data; boundary=" + boundary))) {
            return new Reply(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    @Test
    void thePageChecksAFileWithoutImportingItAndRefusesAnUnknownTypeInTheReadersLanguage() {
        long org = organization("Coop de la page");
        byte[] file = FRENCH_EXCEL.getBytes(WINDOWS_1252);

        Reply checked = page(org, "factures.csv", file, true, "fr");

        assertThat(checked.status()).as(checked.text()).isEqualTo(200);
        assertThat(checked.text()).contains("id=\"import-preview\"", "Ce fichier ajouterait 3 activités", "Gaz naturel",
                "<td>2025</td>");
        assertThat(activities(org)).isEmpty();

        byte[] wrong = "Type;Quantité;Unité;Date\nélectrique;100;kWh;15/01/2024\n".getBytes(StandardCharsets.UTF_8);
        Reply french = page(org, "erreur.csv", wrong, false, "fr");
        Reply english = page(org, "erreur.csv", wrong, false, "en");
        assertThat(french.status()).isEqualTo(422);
        assertThat(french.text()).contains("Type « électrique » inconnu ; types acceptés : électricité, gaz naturel,");
        assertThat(english.text()).contains("Unknown type &#39;électrique&#39;; accepted types: electricity, natural gas,");

        assertThat(page(org, "factures.csv", file, false, "fr").status()).as("imported, then to the organization").isEqualTo(303);
        assertThat(activities(org)).hasSize(3);
    }
}
