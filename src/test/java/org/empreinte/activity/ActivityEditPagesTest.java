package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.Tiers;
import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * The edit form as a browser without scripts sends it back: every field the page holds, as the page filled it. Sent
 * back unchanged, it must store the activity as it was, for every kind that has attributes: otherwise a field the
 * form does not fill (a train's kind, a flight's round trip, a decimal quantity in French) is silently changed by
 * whoever edits something else.
 */
@Tiers.Api
@Tiers.Slow
@ExtendWith(DropwizardExtensionsSupport.class)
class ActivityEditPagesTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    private static final Pattern INPUT = Pattern.compile("<input ([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select [^>]*name=\"([^\"]*)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\"[^>]*?( selected)?>");

    private ApiCalls api;
    private long organization;
    private long site;

    @BeforeEach
    void organization() {
        api = new ApiCalls(APP);
        organization = api.organization();
        site = ((Number) api.created("/api/organizations/" + organization + "/sites", Map.of("name", "Entrepôt",
                "region", "CA-QC")).get("id")).longValue();
    }

    /** Each with values other than the form's defaults (the first choice, one passenger, kWh), so a lost one shows. */
    private List<Map<String, Object>> everyKind() {
        return List.of(
                Map.of("type", "flight", "periodStart", "2024-03-04", "periodEnd", "2024-03-11", "attributes",
                        Map.of("from", "YUL", "to", "CDG", "roundTrip", true, "passengers", 2, "cabin", "business")),
                Map.of("type", "flight", "quantity", 1234.5, "unit", "mi", "date", "2024-04-02", "attributes",
                        Map.of("passengers", 3, "cabin", "economy")),
                Map.of("type", "car", "quantity", 812.25, "unit", "mi", "date", "2024-05-01", "attributes",
                        Map.of("fuel", "diesel")),
                Map.of("type", "hotel", "quantity", 3, "unit", "night", "date", "2024-05-01", "attributes",
                        Map.of("country", "FR")),
                Map.of("type", "purchase", "quantity", 1000, "unit", "CAD", "date", "2024-05-01", "attributes",
                        Map.of("naics", "541511")),
                Map.of("type", "purchase", "quantity", 500, "unit", "kg", "date", "2024-05-01", "attributes",
                        Map.of("material", "paper")),
                Map.of("type", "waste", "quantity", 1.5, "unit", "t", "date", "2024-05-01", "attributes",
                        Map.of("material", "paper", "disposal", "recycling")),
                Map.of("type", "bus", "quantity", 300, "unit", "km", "date", "2024-06-01", "attributes",
                        Map.of("kind", "coach", "passengers", 4)),
                Map.of("type", "train", "quantity", 540, "unit", "km", "date", "2024-06-02", "attributes",
                        Map.of("kind", "urban", "passengers", 2)),
                Map.of("type", "commuting", "quantity", 15, "unit", "km", "periodStart", "2024-01-01", "periodEnd",
                        "2024-12-31", "attributes", Map.of("mode", "car", "fuel", "diesel", "employees", 2, "days", 220)),
                Map.of("type", "homeworking", "quantity", 7, "unit", "h", "periodStart", "2024-02-05", "periodEnd",
                        "2024-02-09", "attributes", Map.of("heating", "natural_gas", "employees", 3, "days", 2)));
    }

    @Test
    void everyKindSentBackUnchangedIsStoredUnchangedInBothLanguages() {
        for (String language : List.of("fr-CA", "en-CA")) {
            for (Map<String, Object> body : everyKind()) {
                Map<String, Object> logged = new LinkedHashMap<>(body);
                logged.put("tags", List.of("Sommet 2024", "délégation"));
                logged.put("site", site);
                logged.put("dataQuality", "estimated");
                assertUnchangedBy(language, api.created(activities(), logged));
            }
        }
    }

    @Test
    void aRegionGivenThroughTheApiStaysGiven() {
        // Ontario's grid, not the site's Québec: lost on the way, the footprint would drop a hundredfold.
        assertUnchangedBy("fr-CA", api.created(activities(), Map.of("type", "electricity", "quantity", 12_000.5,
                "unit", "kWh", "periodStart", "2024-12-15", "periodEnd", "2025-01-14", "region", "CA-ON", "site", site)));
    }

    @Test
    void aChangedFlightIsRecomputedAndARefusalComesBackBesideItsField() {
        Map<String, Object> flight = api.created(activities(), Map.of("type", "flight", "date", "2024-03-04",
                "attributes", Map.of("from", "YUL", "to", "CDG", "roundTrip", true, "passengers", 1)));
        long id = ((Number) flight.get("id")).longValue();
        Map<String, String> fields = editForm("fr-CA", id);
        assertThat(fields).containsEntry("from", "YUL").containsEntry("to", "CDG").containsEntry("roundTrip", "true")
                .containsEntry("quantity", "");
        fields.put("passengers", "2");
        try (Response response = post("fr-CA", id, fields)) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getLocation().toString()).endsWith("/organizations/" + organization + "?year=2024");
        }
        Map<String, Object> changed = api.request(activities() + "/" + id).get(ApiCalls.JSON);
        assertThat(((Number) changed.get("co2eKg")).doubleValue())
                .isEqualTo(2 * ((Number) flight.get("co2eKg")).doubleValue(), org.assertj.core.api.Assertions.within(1e-6));

        fields.put("to", "ZZZ");
        try (Response response = post("fr-CA", id, fields)) {
            assertThat(response.getStatus()).isEqualTo(422);
            String page = response.readEntity(String.class);
            assertThat(page).contains("id=\"error-to\"").contains("action=\"/organizations/" + organization + "/activities/"
                    + id + "\"").contains("value=\"ZZZ\"");
        }
        assertThat(api.request(activities() + "/" + id).get(ApiCalls.JSON).get("co2eKg")).isEqualTo(changed.get("co2eKg"));
    }

    @Test
    void anotherOrganizationsActivityIsNotFound() {
        long other = api.organization();
        Map<String, Object> bill = api.created("/api/organizations/" + other + "/activities", Map.of("type", "electricity",
                "quantity", 10, "unit", "kWh", "date", "2024-01-01"));
        try (Response response = request("/organizations/" + organization + "/activities/" + bill.get("id") + "/edit",
                "fr-CA").get()) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
    }

    private void assertUnchangedBy(String language, Map<String, Object> before) {
        long id = ((Number) before.get("id")).longValue();
        try (Response response = post(language, id, editForm(language, id))) {
            assertThat(response.getStatus()).as(before + " in " + language + ": " + (response.getStatus() == 422
                    ? response.readEntity(String.class).replaceAll("(?s).*?(<p class=\"field-error\"[^<]*).*", "$1") : ""))
                    .isEqualTo(303);
        }
        Map<String, Object> after = api.request(activities() + "/" + id).get(ApiCalls.JSON);
        assertThat(comparable(after)).as(language).isEqualTo(comparable(before));
        assertThat(after.get("updatedAt")).as("it was written again, not skipped").isNotEqualTo(before.get("updatedAt"));
    }

    /** All but when it was written; attributes as text, which is how a form sends them and the kinds read both. */
    private static Map<String, Object> comparable(Map<String, Object> activity) {
        Map<String, Object> copy = new TreeMap<>(activity);
        copy.remove("updatedAt");
        if (activity.get("attributes") instanceof Map<?, ?> attributes) {
            Map<String, String> text = new TreeMap<>();
            attributes.forEach((key, value) -> text.put(key.toString(), value.toString()));
            copy.put("attributes", text);
        }
        return copy;
    }

    /** The fields the edit page's form sends: inputs with their values, ticked boxes, each list's chosen option. */
    private Map<String, String> editForm(String language, long id) {
        String page;
        try (Response response = request("/organizations/" + organization + "/activities/" + id + "/edit", language).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            page = response.readEntity(String.class);
        }
        String form = page.substring(page.indexOf("<form class=\"stacked\""), page.indexOf("</form>", page.indexOf("id=\"activity-form\"")));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            boolean box = "checkbox".equals(attributes.get("type"));
            if (attributes.containsKey("name") && (!box || attributes.containsKey("checked"))) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher option = OPTION.matcher(select.group(2));
            String chosen = null;
            while (option.find()) {
                if (chosen == null || option.group(2) != null) {
                    chosen = unescape(option.group(1));
                }
            }
            fields.put(select.group(1), chosen == null ? "" : chosen);
        }
        return fields;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([a-zA-Z-]+)(?:=\"([^\"]*)\")?").matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1), m.group(2) == null ? "" : unescape(m.group(2)));
        }
        return attributes;
    }

    private static String unescape(String html) {
        Matcher m = Pattern.compile("&#(\\d+);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private Response post(String language, long id, Map<String, String> fields) {
        Form form = new Form();
        fields.forEach(form::param);
        return request("/organizations/" + organization + "/activities/" + id, language).post(Entity.form(form));
    }

    private jakarta.ws.rs.client.Invocation.Builder request(String path, String language) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path)
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request().header("Accept-Language", language);
    }

    private String activities() {
        return "/api/organizations/" + organization + "/activities";
    }
}
