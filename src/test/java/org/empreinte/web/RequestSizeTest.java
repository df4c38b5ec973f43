package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
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
 * Request bodies are held to their limits (config.yml's defaults: 1 MiB, 32 MiB for CSV uploads)
 * over HTTP, with a Content-Length and chunked, API and pages.
 */
@DisplayName("Request body limits")
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class RequestSizeTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    private static final int MIB = 1024 * 1024;

    private static long organization;

    @BeforeAll
    static void anOrganization() {
        organization = new ApiCalls(APP).organization();
    }

    private static RawHttp.Answer post(String path, String contentType, byte[] body, boolean chunked, String language)
            throws IOException, InterruptedException {
        return RawHttp.post(APP.getLocalPort(), path, Map.of("Authorization", "Bearer " + TestApp.ADMIN_TOKEN,
                "Content-Type", contentType, "Accept-Language", language), body, chunked);
    }

    private static JsonNode json(RawHttp.Answer answer) throws IOException {
        return APP.getObjectMapper().readTree(answer.body());
    }

    /** An activity whose tags make the body about {@code bytes} long. */
    private static byte[] activityWithTags(int bytes) {
        StringBuilder body = new StringBuilder(bytes + 200)
                .append("{\"type\":\"electricity\",\"quantity\":10,\"unit\":\"kWh\",\"date\":\"2024-01-01\",\"tags\":[");
        String tag = "\"" + "t".repeat(58) + "\"";
        while (body.length() < bytes) {
            body.append(tag).append(',');
        }
        return body.append("\"last\"]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String activities() {
        return "/api/organizations/" + organization + "/activities";
    }

    private static int storedActivities() {
        return new ApiCalls(APP).list(activities()).size();
    }

    @Test
    void aTwentyMegabyteJsonOfTagsIsRefusedWith413AndNothingIsStored() throws Exception {
        RawHttp.Answer answer = post(activities(), "application/json", activityWithTags(20_000_000), false, "fr");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = json(answer);
        assertThat(body.get("code").asInt()).isEqualTo(413);
        // Asked in French, the API answers in French (an English client reads "larger than 1 MiB").
        assertThat(body.get("message").asText()).contains("La requête dépasse 1 Mo");
        assertThat(body.has("field")).isFalse();
        assertThat(storedActivities()).isZero();
    }

    @Test
    void aChunkedBodyIsCutAtTheLimitAndNothingIsStored() throws Exception {
        // No Content-Length: only counting the bytes as they are read can stop it.
        RawHttp.Answer answer = post(activities(), "application/json", activityWithTags(20_000_000), true, "fr");

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(json(answer).get("message").asText()).contains("La requête dépasse 1 Mo");
        assertThat(storedActivities()).isZero();
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() throws Exception {
        // Whitespace is valid JSON: a small activity padded to just under 1 MiB, with a length and chunked.
        String activity = "{\"type\":\"electricity\",\"quantity\":10,\"unit\":\"kWh\",\"date\":\"2024-02-01\",\"tags\":[\"padded\"]}";
        byte[] padded = (" ".repeat(MIB - activity.length()) + activity).getBytes(StandardCharsets.UTF_8);
        assertThat(padded.length).isEqualTo(MIB);

        assertThat(post(activities(), "application/json", padded, false, "fr").status()).isEqualTo(201);
        assertThat(post(activities(), "application/json", padded, true, "fr").status()).isEqualTo(201);

        ApiCalls api = new ApiCalls(APP);
        for (Map<String, Object> stored : api.list(activities() + "?tag=padded")) {
            assertThat(api.request(activities() + "/" + stored.get("id")).delete().getStatus()).isEqualTo(204);
        }
    }

    @Test
    void aFormTooLargeIsAPageInTheReadersLanguage() throws Exception {
        byte[] form = ("name=" + "x".repeat(2 * MIB) + "&region=CA-QC").getBytes(StandardCharsets.UTF_8);
        String path = "/organizations/" + organization + "/sites";

        RawHttp.Answer french = post(path, "application/x-www-form-urlencoded", form, false, "fr-CA");
        assertThat(french.status()).isEqualTo(413);
        assertThat(french.header("Content-Type")).startsWith("text/html");
        assertThat(french.body()).contains("La requête dépasse 1 Mo");

        RawHttp.Answer english = post(path, "application/x-www-form-urlencoded", form, true, "en-CA");
        assertThat(english.status()).isEqualTo(413);
        assertThat(english.body()).contains("The request is larger than 1 MB");
    }

    @Test
    void aSixteenMegabyteCsvStillReachesTheImport() throws Exception {
        // A file of the documented size is judged by the import's own rules (here its header), not by its size.
        RawHttp.Answer answer = post(activities() + "/import", "text/csv", csvOf(16 * MIB), false, "en");

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(json(answer).get("message").asText()).contains("header");
    }

    @Test
    void aSixteenMegabyteUploadFromThePageStillReachesTheImport() throws Exception {
        String boundary = "----empreinte-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(head);
        body.write(csvOf(16 * MIB));
        body.write(tail);

        RawHttp.Answer answer = post("/organizations/" + organization + "/activities/import",
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), true, "fr");

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.body()).contains("L&#39;en-tête du fichier");
    }

    @Test
    void anUploadOverItsLimitIsRefusedBeforeItIsRead() throws Exception {
        RawHttp.Answer answer = post(activities() + "/import", "text/csv", csvOf(33 * MIB), false, "en");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(json(answer).get("message").asText()).contains("larger than 32 MiB").contains("import command");
        assertThat(storedActivities()).isZero();
    }

    /** A CSV file of exactly {@code bytes} bytes whose header names an unknown column. */
    private static byte[] csvOf(int bytes) {
        byte[] file = new byte[bytes];
        byte[] header = "type,colour\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, file, 0, header.length);
        for (int i = header.length; i < bytes; i++) {
            file[i] = (byte) ((i - header.length) % 20 == 19 ? '\n' : 'a');
        }
        return file;
    }
}
