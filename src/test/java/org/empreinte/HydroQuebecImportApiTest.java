package org.empreinte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

/**
 * Hydro-Québec's downloads (hourly, daily, billing periods; sample files written by hand under
 * {@code src/test/resources/org/empreinte/activity/hydro-quebec}, no customer's data) imported for a site: each
 * gives the activities and the footprint of the same kWh posted through the API, computed by hand from the
 * Québec factor the library selects for 2024, ECCC NIR 2022 Annex 13, Table A13-6, Québec, data year 2020
 * (the latest it has): 1.9 g CO2e/kWh ({@code eccc-electricity-ca-qc-2020}). The organization is in Ontario and
 * its site in Québec: the region is the site's.
 */
@DisplayName("Hydro-Québec downloads imported for a site, overlaps refused or replaced")
@Tiers.Api
@ExtendWith(DropwizardExtensionsSupport.class)
class HydroQuebecImportApiTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private static final Offset<Double> KG = within(1e-9);
    private static final double QC_KG_PER_KWH = 0.0019;
    private static final String SITE = "Siège social";

    record Reply(int status, String text) {
        JsonNode json() {
            try {
                return APP.getObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Reply send(String method, String path, Entity<?> entity, String language) {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + path)
                .request(MediaType.APPLICATION_JSON).header("Accept-Language", language).method(method, entity)) {
            return new Reply(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    private static Reply send(String method, String path, Entity<?> entity) {
        return send(method, path, entity, "en");
    }

    static byte[] sample(String name) {
        try (InputStream in = HydroQuebecImportApiTest.class.getResourceAsStream("/org/empreinte/activity/hydro-quebec/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply upload(long org, String query, byte[] file, String language) {
        return send("POST", "/api/organizations/" + org + "/activities/import?utility=hydro-quebec&site="
                + URLEncoder.encode(SITE, StandardCharsets.UTF_8) + query, Entity.entity(file, "text/csv"), language);
    }

    private static long organization() {
        Reply created = send("POST", "/api/organizations", Entity.json(Map.of("name", "Coop " + System.nanoTime(),
                "sector", "624410", "region", "CA-ON", "employees", 12)));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(send("POST", "/api/organizations/" + id + "/sites", Entity.json(Map.of("name", SITE, "region", "CA-QC")))
                .status()).isEqualTo(201);
        return id;
    }

    /** The same kWh posted one by one: an electricity bill per period, measured, for the site. */
    private static long posted(double[] kwh, String... periods) {
        long org = organization();
        for (int i = 0; i < kwh.length; i++) {
            Reply reply = send("POST", "/api/organizations/" + org + "/activities", Entity.json(Map.of("type", "electricity",
                    "quantity", kwh[i], "unit", "kWh", "periodStart", periods[2 * i], "periodEnd", periods[2 * i + 1],
                    "site", SITE, "dataQuality", "measured", "tags", List.of("hydro-quebec"))));
            assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        }
        return org;
    }

    private static double footprint(long org) {
        return send("GET", "/api/organizations/" + org + "/footprint?year=2024", null).json().get("totalCo2eKg").asDouble();
    }

    private static List<String> activities(long org) {
        List<String> list = new ArrayList<>();
        send("GET", "/api/organizations/" + org + "/activities", null).json().forEach(a -> list.add(a.get("quantity").asDouble()
                + " " + a.get("unit").asText() + " " + a.get("periodStart").asText() + ".." + a.get("periodEnd").asText() + " "
                + a.get("dataQuality").asText() + " " + a.get("factor").get("id").asText() + " " + a.get("co2eKg").asDouble()));
        list.sort(null);
        return list;
    }

    private static void importsAsPosted(String file, double[] kwh, String... periods) {
        long reference = posted(kwh, periods);
        long org = organization();

        Reply reply = upload(org, "", sample(file), "en");

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("imported").asInt()).isEqualTo(kwh.length);
        // Scope 2 is the generation's part (1.5 g/kWh, NIR 2022 Table A13-6, 2020), the losses (0.4 g) another line:
        // the footprint below counts both, 1.9 g/kWh.
        assertThat(activities(org)).isEqualTo(activities(reference)).allSatisfy(a -> assertThat(a)
                .contains("measured eccc-electricity-generation-ca-qc-2020"));
        double expected = 0;
        for (double k : kwh) {
            expected += k * QC_KG_PER_KWH;
        }
        assertThat(footprint(org)).isCloseTo(expected, KG).isCloseTo(footprint(reference), KG);
    }

    @Test
    void anHourlyDualEnergyFileBecomesOneActivityPerMonth() {
        // January: 41.25 + (38.50 + 12.75) = 92.5 kWh on the 31st; February: (40.00 + 15.50) + 37.75 = 93.25 kWh on
        // the 1st. Footprint: (92.5 + 93.25) x 0.0019 = 0.352925 kg.
        importsAsPosted("horaire.csv", new double[] {92.5, 93.25}, "2024-01-31", "2024-01-31", "2024-02-01", "2024-02-01");
        assertThat((92.5 + 93.25) * QC_KG_PER_KWH).isCloseTo(0.352925, KG);
    }

    @Test
    void aDailyFileBecomesOneActivityPerMonthWithItsSpacedThousands() {
        // March 30-31: 812.5 + 790.25 + 10.5 = 1,613.25 kWh; April 1-2: 805 + 1,020.75 = 1,825.75 kWh.
        // Footprint: 3,439 x 0.0019 = 6.5341 kg.
        importsAsPosted("quotidien.csv", new double[] {1613.25, 1825.75}, "2024-03-30", "2024-03-31", "2024-04-01",
                "2024-04-02");
    }

    @Test
    void theEnglishBillingExportBecomesOneActivityPerBillingPeriod() {
        // 24,580 kWh from January 19 to March 18, 18,325 kWh from March 19 to May 17: 42,905 x 0.0019 = 81.5195 kg.
        importsAsPosted("periodes.csv", new double[] {24580, 18325}, "2024-01-19", "2024-03-18", "2024-03-19", "2024-05-17");
    }

    @Test
    void anOverlappingDownloadIsRefusedNamingThePeriodsOrReplacesThemAndNeverDoublesThem() {
        long org = organization();
        assertThat(upload(org, "", sample("periodes.csv"), "en").status()).isEqualTo(200);

        // The daily file's March 30-31 and April 1-2 fall in the second billing period.
        Reply refused = upload(org, "", sample("quotidien.csv"), "fr");
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("message").asText())
                .isEqualTo("La période 2024-03-30 – 2024-03-31 chevauche ce que le site « Siège social » a déjà :"
                        + " 2024-03-19 – 2024-05-17. Acceptés : une période sans chevauchement, ou l'import avec remplacement.");
        assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(activities(org)).hasSize(2);

        Reply dryRun = upload(org, "&replace=true&dryRun=true", sample("quotidien.csv"), "en");
        assertThat(dryRun.json().get("replaced").asInt()).isEqualTo(1);
        assertThat(activities(org)).hasSize(2);

        Reply replaced = upload(org, "&replace=true", sample("quotidien.csv"), "en");
        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        // The first billing period stays, the second gives way to the two months of the daily file.
        assertThat(footprint(org)).isCloseTo((24580 + 1613.25 + 1825.75) * QC_KG_PER_KWH, KG);
        assertThat(activities(org)).hasSize(3);
    }

    @Test
    void aBadReadingIsRefusedNamingRowColumnValueAndWhatIsAccepted() {
        long org = organization();
        String file = "Contrat;Tarif;Date;kWh bas;kWh Haut;Code de consommation\r\n"
                + "0312345678;DT;2024-03-30;812,5;;R\r\n"
                + "0312345678;DT;31/02/2024;790,25;;R\r\n"
                + "0312345678;DT;2024-04-01;-5;;R\r\n";
        Reply reply = upload(org, "", file.getBytes(Charset.forName("windows-1252")), "fr");

        assertThat(reply.status()).as(reply.text()).isEqualTo(422);
        JsonNode errors = reply.json().get("errors");
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("Date");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("« 31/02/2024 » n'est pas une date ; acceptées :"
                + " AAAA-MM-JJ (avec ou sans l'heure) ou JJ/MM/AAAA.");
        assertThat(errors.get(1).get("row").asInt()).isEqualTo(4);
        assertThat(errors.get(1).get("column").asText()).isEqualTo("kWh bas");
        assertThat(activities(org)).isEmpty();

        Reply header = upload(org, "", "Date;Consommation\r\n2024-01-01;5\r\n".getBytes(StandardCharsets.UTF_8), "en");
        assertThat(header.status()).isEqualTo(422);
        assertThat(header.json().get("errors").get(0).get("message").asText()).contains("'Date;Consommation'",
                "Contrat;Date et heure;kWh bas;kWh Haut (hourly)");
    }

    @Test
    void theSiteIsRequiredAndAnUnknownUtilityNamesTheOneAccepted() {
        long org = organization();
        Reply noSite = send("POST", "/api/organizations/" + org + "/activities/import?utility=hydro-quebec",
                Entity.entity(sample("horaire.csv"), "text/csv"));
        assertThat(noSite.status()).isEqualTo(400);
        assertThat(noSite.text()).contains("site is required");
        Reply other = send("POST", "/api/organizations/" + org + "/activities/import?utility=energir&site=1",
                Entity.entity(sample("horaire.csv"), "text/csv"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.text()).contains("accepted: hydro-quebec");
    }

    @Test
    void theDryRunOfAFileNamingUnknownSitesListsThem() {
        long org = organization();
        String file = "type,quantity,unit,date,site\nelectricity,100,kWh,2024-01-15,Entrepôt Nord\n"
                + "electricity,50,kWh,2024-02-15,Entrepôt Nord\nelectricity,70,kWh,2024-02-15,Comptoir\n";
        Reply reply = send("POST", "/api/organizations/" + org + "/activities/import?dryRun=true",
                Entity.entity(file.getBytes(StandardCharsets.UTF_8), "text/csv"));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("unknownSites")).extracting(JsonNode::asText).containsExactly("Entrepôt Nord", "Comptoir");
    }

    /** The upload page, as a browser sends it: the file, the kind of file, the site's id, in French. */
    private static Reply page(long org, byte[] file, String site, boolean dryRun) {
        String boundary = "----empreinte-hydro";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"horaire.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("kind", "hydro-quebec", "site", site));
        if (dryRun) {
            fields.put("dryRun", "true");
        }
        fields.forEach((name, value) -> body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try (Response response = APP.client().property("jersey.config.client.followRedirects", false)
                .target("http://localhost:" + APP.getLocalPort() + "/organizations/" + org + "/activities/import")
                .request(MediaType.TEXT_HTML).header("Accept-Language", "fr")
                .post(Entity.entity(body.toByteArray(), "multipart/form-data; boundary=" + boundary))) {
            return new Reply(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    @Test
    void theUploadPageImportsADownloadForTheSiteChosen() {
        long org = organization();
        String site = send("GET", "/api/organizations/" + org + "/sites", null).json().get(0).get("id").asText();

        Reply noSite = page(org, sample("horaire.csv"), "", false);
        assertThat(noSite.status()).isEqualTo(422);
        assertThat(noSite.text()).contains("Choisissez le site du compteur");

        Reply checked = page(org, sample("horaire.csv"), site, true);
        assertThat(checked.status()).as(checked.text()).isEqualTo(200);
        assertThat(checked.text()).contains("Ce fichier ajouterait 2 activités");
        assertThat(activities(org)).isEmpty();

        assertThat(page(org, sample("horaire.csv"), site, false).status()).isEqualTo(303);
        assertThat(footprint(org)).isCloseTo((92.5 + 93.25) * QC_KG_PER_KWH, KG);
    }
}
