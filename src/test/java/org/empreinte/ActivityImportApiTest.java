package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

/**
 * {@code POST .../activities/import} and {@code GET .../activities/export} end to end on the real
 * application: expected figures are multiplied out here from the factor files, and every refused
 * file is checked to have stored nothing.
 */
@DisplayName("CSV import and export through the API")
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class ActivityImportApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private static final Offset<Double> KG = within(1e-6);
    private static final String HEADER = "type,quantity,unit,periodStart,periodEnd,date,site,tags\n";

    record Reply(int status, MediaType type, String text, Map<String, String> headers) {
        JsonNode json() {
            try {
                return APP.getObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Reply send(String method, String path, Entity<?> entity, String accept) {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + path)
                .request(accept).method(method, entity)) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.getStringHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Reply(response.getStatus(), response.getMediaType(),
                    response.hasEntity() ? response.readEntity(String.class) : "", headers);
        }
    }

    private static Reply json(String method, String path, Object body) {
        return send(method, path, body == null ? null : Entity.json(body), MediaType.APPLICATION_JSON);
    }

    private static Reply importCsv(long org, byte[] file) {
        return importCsv(org, file, "text/csv");
    }

    private static Reply importCsv(long org, byte[] file, String contentType) {
        return send("POST", "/api/organizations/" + org + "/activities/import", Entity.entity(file, contentType),
                MediaType.APPLICATION_JSON);
    }

    private static Reply importCsv(long org, String file) {
        return importCsv(org, file.getBytes(StandardCharsets.UTF_8));
    }

    private static Reply export(long org, String query) {
        return send("GET", "/api/organizations/" + org + "/activities/export" + query, null, "text/csv");
    }

    private static long organization(String name) {
        Reply created = json("POST", "/api/organizations",
                Map.of("name", name, "sector", "624410", "region", "CA-QC", "employees", 12));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(json("POST", "/api/organizations/" + id + "/sites", Map.of("name", "Usine de Toronto", "region", "CA-ON"))
                .status()).isEqualTo(201);
        return id;
    }

    private static JsonNode activities(long org) {
        return json("GET", "/api/organizations/" + org + "/activities", null).json();
    }

    private static double footprint(long org, int year) {
        return json("GET", "/api/organizations/" + org + "/footprint?year=" + year, null).json().get("totalCo2eKg").asDouble();
    }

    /** The refusal of a file: status 422, the API's error body with its list of errors, nothing stored. */
    private static JsonNode refused(long org, Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        JsonNode body = reply.json();
        assertThat(body.get("code").asInt()).isEqualTo(422);
        assertThat(body.get("message").asText()).contains("nothing was imported");
        assertThat(activities(org)).as("nothing stored").isEmpty();
        return body.get("errors");
    }

    private static List<Object[]> errors(JsonNode errors) {
        List<Object[]> list = new ArrayList<>();
        errors.forEach(e -> list.add(new Object[] {e.get("row").asInt(), e.get("column").isNull() ? null : e.get("column").asText(),
                e.get("message").asText()}));
        return list;
    }

    // ---- Round trip ---------------------------------------------------------------------------------------------

    @Test
    void shouldImportAnExportIntoAnEmptyOrganizationWithTheSameFootprint() {
        long original = organization("Coop d'origine");
        String activities = "/api/organizations/" + original + "/activities";
        List<Map<String, Object>> logged = List.of(
                Map.of("type", "electricity", "quantity", 12_000, "unit", "kWh", "periodStart", "2024-12-15", "periodEnd", "2025-01-14"),
                Map.of("type", "natural_gas", "quantity", 1_000, "unit", "m3", "periodStart", "2024-11-01", "periodEnd", "2024-11-30",
                        "site", "Usine de Toronto", "tags", List.of("chauffage", "usine")),
                Map.of("type", "heating_oil", "quantity", 2_000, "unit", "L", "date", "2024-02-10", "tags", List.of("chauffage")),
                Map.of("type", "gasoline", "quantity", 800.5, "unit", "L", "periodStart", "2024-05-01", "periodEnd", "2024-08-31",
                        "dataQuality", "estimated", "tags", List.of("flotte, camion")),
                Map.of("type", "electricity", "quantity", 1_000, "unit", "kWh", "periodStart", "2024-03-01", "periodEnd", "2024-03-31",
                        "region", "CA-AB", "attributes", Map.of("fuel", "electric")));
        for (Map<String, Object> activity : logged) {
            assertThat(json("POST", activities, activity).status()).isEqualTo(201);
        }
        // eccc-electricity-ca-qc-2020 (the newest data year): 12,000 kWh x 0.0019 = 22.8 kg over 31 days, 17 of them in 2024
        double winterBill = 12_000 * 0.0019;
        // desnz-2024-natural-gas-m3 (eccc-canada has none for Ontario): 1,000 m3 x (2.0414 + 0.00307 + 0.00095) kg CO2e
        double torontoGas = 1_000 * (2.0414 + 0.00307 + 0.00095);
        // eccc-light-fuel-oil-ca: 2,000 L x 2.753 kg CO2; eccc-gasoline-ca: 800.5 L x 2.307 kg CO2
        double oil = 2_000 * 2.753;
        double gasoline = 800.5 * 2.307;
        // eccc-electricity-ca-ab-2020 (the activity's own region): 1,000 kWh x 0.640
        double alberta = 1_000 * 0.640;
        // (the bills' generation in scope 2 and the grid's losses in scope 3 add up to these consumption intensities)
        // Upstream of the fuels, DESNZ 2024 WTT- fuels: natural gas 0.3366 kg/m3, gas oil 0.62665 kg/L, petrol 0.58094 kg/L
        double upstream = 1_000 * 0.3366 + 2_000 * 0.62665 + 800.5 * 0.58094;
        double year2024 = winterBill * 17 / 31 + torontoGas + oil + gasoline + alberta + upstream; // 12,105.62 kg
        assertThat(footprint(original, 2024)).isCloseTo(year2024, KG);

        Reply exported = export(original, "");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.type().isCompatible(MediaType.valueOf("text/csv"))).isTrue();
        assertThat(exported.headers().get("content-disposition"))
                .isEqualTo("attachment; filename=\"empreinte-activities-" + original + ".csv\"");
        assertThat(exported.text().lines()).hasSize(1 + 5).first().isEqualTo(
                "type,quantity,unit,periodStart,periodEnd,date,region,site,tags,dataQuality,from,to,cabin,roundTrip,passengers,"
                        + "fuel,country,naics,material,disposal,kind,mode,employees,days,heating,taxesIncluded,flightFactors,chargedKwh");
        assertThat(exported.text()).contains("natural_gas,1000,m3,2024-11-01,2024-11-30,,,Usine de Toronto,chauffage;usine,measured,",
                "\"flotte, camion\"", ",CA-AB,", ",electric,");

        long copy = organization("Coop copiée");
        Reply imported = importCsv(copy, exported.text().getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(5);
        assertThat(footprint(copy, 2024)).isCloseTo(year2024, KG).isCloseTo(footprint(original, 2024), KG);
        assertThat(footprint(copy, 2025)).isCloseTo(winterBill * 14 / 31, KG).isCloseTo(footprint(original, 2025), KG);
        // and the copy exports the very same file
        assertThat(export(copy, "").text()).isEqualTo(exported.text());
        JsonNode gas = activities(copy).get(3); // in period order: oil, Alberta, gasoline, gas, winter bill
        assertThat(gas.get("type").asText()).isEqualTo("natural_gas");
        assertThat(gas.get("site").get("name").asText()).isEqualTo("Usine de Toronto");
        assertThat(gas.get("region").asText()).isEqualTo("CA-ON");
        assertThat(gas.get("co2eKg").asDouble()).isCloseTo(torontoGas, KG);
    }

    @Test
    void shouldRoundTripEveryScope3TypeThroughExportAndImport() {
        long original = organization("Chantier d'origine");
        String activities = "/api/organizations/" + original + "/activities";
        List<Map<String, Object>> logged = List.of(
                Map.of("type", "flight", "date", "2024-06-10",
                        "attributes", Map.of("from", "YUL", "to", "CDG", "cabin", "economy", "roundTrip", true, "passengers", 2)),
                Map.of("type", "train", "quantity", 250, "unit", "km", "date", "2024-03-05",
                        "attributes", Map.of("kind", "urban", "passengers", 3)),
                Map.of("type", "bus", "quantity", 260, "unit", "km", "date", "2024-11-20", "attributes", Map.of("kind", "coach")),
                Map.of("type", "car", "quantity", 120, "unit", "km", "date", "2024-05-01", "attributes", Map.of("fuel", "electric")),
                Map.of("type", "hotel", "quantity", 3, "unit", "night", "date", "2024-06-11", "attributes", Map.of("country", "FR")),
                Map.of("type", "commuting", "quantity", 12, "unit", "km", "periodStart", "2024-01-01", "periodEnd", "2024-12-31",
                        "attributes", Map.of("mode", "car", "fuel", "gasoline", "employees", 4, "days", 190)),
                Map.of("type", "homeworking", "quantity", 7, "unit", "h", "periodStart", "2024-01-01", "periodEnd", "2024-12-31",
                        "attributes", Map.of("heating", "natural_gas", "employees", 4, "days", 40)),
                Map.of("type", "purchase", "quantity", 1000, "unit", "CAD", "date", "2024-05-01", "attributes", Map.of("naics", "54")),
                Map.of("type", "waste", "quantity", 120, "unit", "kg", "date", "2024-05-01",
                        "attributes", Map.of("material", "food", "disposal", "composting")));
        for (Map<String, Object> activity : logged) {
            Reply reply = json("POST", activities, activity);
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        }
        Reply exported = export(original, "");
        long copy = organization("Chantier copié");
        Reply imported = importCsv(copy, exported.text().getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(logged.size());
        // The same footprint, and the same file again: every attribute came back (a lost "kind" or "days"
        // would change a factor or a count).
        assertThat(footprint(copy, 2024)).isCloseTo(footprint(original, 2024), KG);
        assertThat(export(copy, "").text()).isEqualTo(exported.text());
    }

    @Test
    void shouldExportWithTheFiltersOfTheList() {
        long org = organization("Filtres");
        assertThat(importCsv(org, HEADER
                + "electricity,100,kWh,2024-01-01,2024-01-31,,,siège\n"
                + "propane,10,L,,,2024-06-15,,siège\n"
                + "electricity,200,kWh,2025-01-01,2025-01-31,,,\n").status()).isEqualTo(200);

        assertThat(export(org, "?type=electricity").text().lines()).hasSize(3);
        assertThat(export(org, "?tag=si%C3%A8ge&from=2024-02-01").text().lines()).hasSize(2).last().asString()
                .startsWith("propane,10,L,2024-06-15,2024-06-15,");
        assertThat(export(org, "?from=2026-01-01").text()).hasLineCount(1);
        Reply badDate = export(org, "?to=demain");
        assertThat(badDate.status()).isEqualTo(422);
        assertThat(badDate.json().get("field").asText()).isEqualTo("to");
        assertThat(export(987_654, "").status()).isEqualTo(404);
    }

    @Test
    void shouldImportTheSampleFileOfTheReadme() throws IOException {
        long org = organization("CPE Les Petits Pas");
        assertThat(json("POST", "/api/organizations/" + org + "/sites",
                Map.of("name", "Installation Rosemont", "region", "CA-QC")).status()).isEqualTo(201);

        Reply reply = importCsv(org, java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples/activities-sample.csv")));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("imported").asInt()).isEqualTo(6);
        // eccc-electricity-ca-qc-2020: (7,100 + 6,800) kWh x 0.0019 kg
        double electricity = (7_100 + 6_800) * 0.0019;
        // eccc-natural-gas-ca-qc: (1,250.5 + 1,102) m3 x (1.926 + 0.000037 x 28 + 0.000035 x 265) kg, AR5
        double gas = (1_250.5 + 1_102) * (1.926 + 0.000037 * 28 + 0.000035 * 265);
        // eccc-gasoline-ca: 62.4 L x 2.307 kg CO2; eccc-diesel-stationary-ca: 180 L x (2.681 + 0.000078 x 28 + 0.000022 x 265)
        double gasoline = 62.4 * 2.307;
        double diesel = 180 * (2.681 + 0.000078 * 28 + 0.000022 * 265);
        JsonNode all = json("GET", "/api/organizations/" + org + "/footprint?from=2024-01-01&to=2025-12-31", null).json();
        // and the fuels' upstream, DESNZ 2024 WTT- fuels: natural gas 0.3366 kg/m3, petrol 0.58094 kg/L, diesel 0.61101 kg/L
        double upstream = (1_250.5 + 1_102) * 0.3366 + 62.4 * 0.58094 + 180 * 0.61101;
        assertThat(all.get("totalCo2eKg").asDouble()).isCloseTo(electricity + gas + gasoline + diesel + upstream, KG);
        // the first bill runs 2024-12-19..2025-01-18: 13 of its 31 days in 2024
        assertThat(footprint(org, 2024)).isCloseTo(7_100 * 0.0019 * 13 / 31, KG);
    }

    // ---- Refused files ------------------------------------------------------------------------------------------

    @Test
    void shouldRefuseAFileWithOneBadRowNamingItsRowAndColumnAndStoreNothing() {
        long org = organization("Une erreur");
        Reply reply = importCsv(org, HEADER
                + "electricity,1000,kWh,2024-01-01,2024-01-31,,,\n"
                + "electricity,1000,km,2024-02-01,2024-02-29,,,\n" // row 3: a distance for electricity
                + "natural_gas,500,m3,2024-01-01,2024-01-31,,,\n");

        JsonNode errors = refused(org, reply);
        assertThat(errors(errors)).extracting(e -> e[0], e -> e[1]).containsExactly(tuple(3, "unit"));
        assertThat(errors.get(0).get("message").asText()).isEqualTo("unit 'km' does not fit type 'electricity'; use one of"
                + " [kWh, MWh, GJ, MJ]");
        assertThat(reply.json().get("truncated").asBoolean()).isFalse();
        assertThat(footprint(org, 2024)).isZero();
    }

    @Test
    void shouldListEveryBadRowWithTheRulesOfPostActivities() {
        long org = organization("Plusieurs erreurs");
        Reply reply = importCsv(org, "type,quantity,unit,periodStart,periodEnd,site,region,tags,dataQuality,passengers\n"
                + "teleportation,1,km,2024-01-01,2024-01-02,,,,,\n" // 2
                + "electricity,1000,kWh,2024-01-01,2024-01-31,,,,,\n" // 3: good
                + "electricity,1000,kWh,2024-03-01,2024-02-01,,,,,\n" // 4: end before start
                + "electricity,1000,kWh,2024-03-01,2024-03-31,Nulle part,,,,\n" // 5: unknown site
                + "electricity,,kWh,2024-03-01,2024-03-31,,,,,\n" // 6: no quantity
                + "electricity,-4,kWh,2024-03-01,2024-03-31,,,,,\n" // 7: negative
                + "electricity,4,kWh,2024-03-01,2024-03-31,,XX-YY,,,\n" // 8: region
                + "electricity,4,kWh,2024-03-01,2024-03-31,,,a;;b,,\n" // 9: empty tag
                + "electricity,4,kWh,2024-03-01,2024-03-31,,,,guessed,\n" // 10: data quality
                + "electricity,4,kWh,2024-13-01,2024-03-31,,,,,\n" // 11: not a date
                + "\n" // 12: blank, skipped
                + "electricity,4 000,kWh,2024-03-01,2024-03-31,,,,,\n" // 13: not a number
                + "electricity,4,kWh,2024-03-01,2024-03-31,,,,,deux\n"); // 14: passengers

        assertThat(errors(refused(org, reply))).extracting(e -> e[0], e -> e[1]).containsExactly(
                tuple(2, "type"), tuple(4, "periodEnd"), tuple(5, "site"), tuple(6, "quantity"), tuple(7, "quantity"),
                tuple(8, "region"), tuple(9, "tags"), tuple(10, "dataQuality"), tuple(11, "periodStart"),
                tuple(13, "quantity"), tuple(14, "passengers"));
        assertThat(errors(reply.json().get("errors"))).extracting(e -> e[2]).contains(
                "unknown type 'teleportation'; known types: [electricity, natural_gas, heating_oil, propane, diesel, gasoline,"
                        + " flight, car, bus, train, taxi, hotel, waste, purchase, commuting, homeworking]",
                "periodEnd is before periodStart", "this organization has no site 'Nulle part'", "quantity is required",
                "a tag cannot be empty", "periodStart must be a date YYYY-MM-DD");
        assertThat(reply.json().get("message").asText()).isEqualTo("11 errors in the file; nothing was imported");
    }

    @Test
    void shouldRefuseTheSameFileTwiceWithoutDoublingIt() {
        long org = organization("Doublon");
        byte[] file = (HEADER + "electricity,1000,kWh,2024-01-01,2024-01-31,,,\n"
                + "propane,100,L,,,2024-01-15,,\n").getBytes(StandardCharsets.UTF_8);
        Reply first = importCsv(org, file);
        assertThat(first.status()).isEqualTo(200);
        // eccc-electricity-ca-qc-2020: 1,000 x 0.0019 (generated and lost); eccc-propane-ca: 100 x (1.515 + 0.000024 x 28
        // + 0.000108 x 265), and its upstream, DESNZ 2024 WTT- fuels, Propane, litres: 100 x 0.1817
        double once = 1_000 * 0.0019 + 100 * (1.515 + 0.000024 * 28 + 0.000108 * 265) + 100 * 0.1817;
        assertThat(footprint(org, 2024)).isCloseTo(once, KG);

        Reply second = importCsv(org, file);

        assertThat(second.status()).isEqualTo(409);
        JsonNode body = second.json();
        assertThat(body.get("code").asInt()).isEqualTo(409);
        assertThat(body.get("importId").asLong()).isEqualTo(first.json().get("importId").asLong());
        assertThat(body.get("importedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.get("message").asText()).contains("already imported", body.get("importedAt").asText());
        assertThat(activities(org)).hasSize(2);
        assertThat(footprint(org, 2024)).isCloseTo(once, KG);
    }

    @Test
    void shouldRefuseAnUnknownColumnAndAHeaderWithoutType() {
        long org = organization("Colonnes");

        JsonNode unknown = refused(org, importCsv(org, "type,quantity,unit,date,couleur\nelectricity,1,kWh,2024-01-01,bleu\n"));
        assertThat(errors(unknown)).extracting(e -> e[0], e -> e[1]).containsExactly(tuple(1, "couleur"));
        assertThat(unknown.get(0).get("message").asText()).startsWith("unknown column 'couleur'");

        JsonNode noType = refused(org, importCsv(org, "quantity,unit,date\n1,kWh,2024-01-01\n"));
        assertThat(errors(noType)).extracting(e -> e[0], e -> e[1], e -> e[2])
                .containsExactly(tuple(1, "type", "the header has no 'type' column"));
    }

    @Test
    void shouldRefuseAFileWithAHeaderOnlyOrNothing() {
        long org = organization("Vide");

        Reply headerOnly = importCsv(org, HEADER);
        assertThat(refused(org, headerOnly)).isEmpty();
        assertThat(headerOnly.json().get("message").asText()).isEqualTo(
                "the file has no activity rows after its header; nothing was imported");

        assertThat(errors(refused(org, importCsv(org, "")))).extracting(e -> e[0]).containsExactly(1);
    }

    @Test
    void shouldAnswer400ForAFileThatIsNotReadableCsv() {
        long org = organization("Illisible");

        Reply unclosed = importCsv(org, HEADER + "electricity,1,kWh,2024-01-01,2024-01-31,,\"Siège,\n");
        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(unclosed.json().get("code").asInt()).isEqualTo(400);
        assertThat(unclosed.json().get("message").asText()).startsWith("not readable as CSV at row 2");

        Reply latin1 = importCsv(org, (HEADER + "electricity,1,kWh,2024-01-01,2024-01-31,,,\n"
                + "electricity,1,kWh,2024-01-01,2024-01-31,,Entrepôt,\n").getBytes(StandardCharsets.ISO_8859_1));
        // read as Windows-1252: "Entrepôt" is a site this organization does not have
        assertThat(errors(refused(org, latin1))).extracting(e -> e[0], e -> e[1]).containsExactly(tuple(3, "site"));
        // the first bytes of a PNG image: not UTF-8, and control characters no spreadsheet writes
        Reply binary = importCsv(org, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H'});
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.json().get("message").asText()).startsWith("the file is not text: neither UTF-8 nor Windows-1252");

        assertThat(importCsv(org, HEADER.getBytes(StandardCharsets.UTF_8), "text/csv; charset=ISO-8859-1").status()).isEqualTo(415);
        assertThat(importCsv(org, HEADER.getBytes(StandardCharsets.UTF_8), "application/json").status()).isEqualTo(415);
        assertThat(importCsv(987_654, HEADER + "electricity,1,kWh,2024-01-01,2024-01-31,,,\n").status()).isEqualTo(404);
        assertThat(activities(org)).isEmpty();
    }

    @Test
    void shouldAcceptAByteOrderMarkAndWindowsLineEnds() {
        long org = organization("Tableur");
        byte[] text = "type,quantity\r\nelectricity,1000.5\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[text.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(text, 0, file, 3, text.length);
        // the mark is not part of the name "type"; the row has no unit: refused by the activity's rules, at row 2
        assertThat(errors(refused(org, importCsv(org, file)))).extracting(e -> e[0], e -> e[1]).containsExactly(tuple(2, "unit"));

        byte[] good = "\uFEFFtype,quantity,unit,periodStart,periodEnd\r\nelectricity,1000.5,kWh,2024-01-01,2024-01-31\r\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(importCsv(org, good).status()).isEqualTo(200);
        // eccc-electricity-ca-qc-2020: 1,000.5 kWh x 0.0019
        assertThat(footprint(org, 2024)).isCloseTo(1_000.5 * 0.0019, KG);
    }
}
