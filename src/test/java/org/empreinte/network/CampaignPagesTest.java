package org.empreinte.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteApplication;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The campaign section of a network's dashboard, as its forms post it, in French and English, on the shipped
 * config.yml: no SMTP server, so reminders are shown and never sent.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class CampaignPagesTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(OnTheFirstOfMarch.class,
            TestApp.temporaryDatabase("campaign-pages"));

    /** Empreinte on 1 March 2026: a campaign due 31 March is not late yet. */
    public static class OnTheFirstOfMarch extends EmpreinteApplication {
        public OnTheFirstOfMarch() {
            super(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
        }
    }

    private final ApiCalls api = new ApiCalls(APP);

    @Test
    void aCoordinatorOpensFollowsRemindsAndClosesACampaignFromTheDashboard() {
        long network = CampaignApiTest.id(api.created("/api/networks", Map.of("name", "Pôle des Laurentides")));
        long a = organization("Coop Alpha");
        long b = organization("Coop Bêta");
        long c = organization("Coop Gamma");
        for (long org : List.of(a, b, c)) {
            api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", "aggregate"));
            api.created("/api/organizations/" + org + "/activities", Map.of("type", "electricity", "quantity", 40_000,
                    "unit", "kWh", "periodStart", "2025-01-01", "periodEnd", "2025-12-31", "region", "CA-QC"));
        }
        long editor = CampaignApiTest.id(api.created("/api/users", Map.of("email", "gamma@example.org", "name", "Gamma")));
        api.request("/api/organizations/" + c + "/members").post(Entity.json(Map.of("userId", editor, "role", "editor"))).close();
        String dashboard = "/networks/" + network + "?year=2025";

        String none = page(dashboard, "fr");
        assertThat(none).contains("Aucune campagne de déclaration n'est ouverte pour 2025.")
                .contains("<label for=\"campaign-due-date\">Date limite de soumission</label>");
        assertAccessible(none);

        // A refused form comes back with the message beside its field and what was typed.
        Response refused = post("/networks/" + network + "/campaigns", new Form("year", "2025").param("dueDate", "31 mars"));
        String refusedPage = text(refused);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refusedPage).contains("<p class=\"field-error\" id=\"error-campaign-due-date\">Une date AAAA-MM-JJ est attendue.</p>")
                .contains("value=\"31 mars\"");

        Response opened = post("/networks/" + network + "/campaigns", new Form("year", "2025").param("dueDate", "2026-03-31"));
        assertThat(opened.getStatus()).isEqualTo(303);
        assertThat(opened.getLocation().toString()).endsWith(dashboard + "&campaign=opened#campaign");
        assertThat(page(dashboard + "&campaign=opened", "fr")).contains("Campagne ouverte.")
                .contains("Bilans attendus au plus tard le 31 mars 2026.");
        // A second one for the year: refused beside the year.
        Response twice = post("/networks/" + network + "/campaigns", new Form("year", "2025").param("dueDate", "2026-04-30"));
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(text(twice)).contains("id=\"error-campaign-year\">Le réseau a déjà une campagne pour 2025.");

        submit(a);
        submit(b);
        String two = page(dashboard, "fr");
        assertThat(two).contains("id=\"campaign-group-submitted\">Soumis (2)</h3>")
                .contains("id=\"campaign-review-" + a + "\"").contains("id=\"campaign-return-" + b + "\"");
        assertAccessible(two);

        assertThat(post("/networks/" + network + "/campaigns/2025/members/" + a + "/review", new Form()).getStatus()).isEqualTo(303);
        // Sending back needs a comment: the page again, the message beside that member's comment.
        Response noComment = post("/networks/" + network + "/campaigns/2025/members/" + b + "/return", new Form("comment", " "));
        assertThat(noComment.getStatus()).isEqualTo(422);
        assertThat(text(noComment)).contains("id=\"error-campaign-comment-" + b + "\">Ce champ est obligatoire.");
        Response returned = post("/networks/" + network + "/campaigns/2025/members/" + b + "/return",
                new Form("comment", "Il manque le chauffage."));
        assertThat(returned.getStatus()).isEqualTo(303);
        assertThat(returned.getLocation().toString()).contains("campaign=returned");
        String afterReview = page(dashboard + "&campaign=returned", "fr");
        assertThat(afterReview).contains("Bilan renvoyé au membre avec votre commentaire.")
                .contains("id=\"campaign-count-reviewed\"><th scope=\"row\">Révisé</th><td class=\"num\">1</td>")
                .contains("id=\"campaign-count-in_progress\"><th scope=\"row\">En cours</th><td class=\"num\">1</td>")
                .contains("Dernier commentaire : Il manque le chauffage.");

        // Without SMTP, the reminders are shown, never sent: to whom (how many editors) and what.
        String reminders = page(dashboard, "fr");
        assertThat(reminders).contains("L'envoi de courriels n'est pas configuré (SMTP) : rien n'est envoyé.")
                .contains("id=\"campaign-reminder-" + c + "\">Coop Gamma : 1 éditeur ou éditrice")
                .contains("Rappel : bilan 2025 attendu par le réseau Pôle des Laurentides d'ici le 31 mars 2026")
                .contains("/organizations/" + c + "/inventories/2025")
                .doesNotContain("gamma@example.org");
        Response previewed = post("/networks/" + network + "/campaigns/2025/reminders", new Form());
        assertThat(previewed.getStatus()).isEqualTo(303);
        assertThat(previewed.getLocation().toString()).contains("campaign=previewed");
        assertThat(page(dashboard + "&campaign=previewed", "fr")).contains("aucun rappel n'a été envoyé");
        Map<String, Object> answer = api.request("/api/networks/" + network + "/campaigns/2025/reminders").post(Entity.json(Map.of()))
                .readEntity(ApiCalls.JSON);
        assertThat(answer).containsEntry("mailEnabled", false).containsEntry("sent", 0);

        String english = page(dashboard, "en");
        assertThat(english).contains("Reporting campaign 2025").contains("Inventories due by March 31, 2026.")
                .contains("Coop Gamma: 1 editor").contains("Download the campaign status (CSV)")
                .contains("href=\"/api/networks/" + network + "/campaigns/2025/status.csv?lang&#61;en\"");
        assertAccessible(english);

        assertThat(post("/networks/" + network + "/campaigns/2025/close", new Form()).getStatus()).isEqualTo(303);
        String closed = page(dashboard + "&campaign=closed", "fr");
        assertThat(closed).contains("Campagne close : les chiffres publiés du réseau pour l'année sont figés.")
                .contains("id=\"campaign-closed\"").doesNotContain("id=\"campaign-close\"").doesNotContain("id=\"campaign-remind\"");
        assertThat(page("/networks/" + network + "?year=2024", "fr")).contains("Campagne 2025 (close)");
    }

    /** Every visible input has its label, and headings go down one level at a time. */
    private static void assertAccessible(String page) {
        Matcher inputs = Pattern.compile("<input (?![^>]*type=\"hidden\")[^>]*id=\"([^\"]+)\"").matcher(page);
        List<String> unlabelled = new ArrayList<>();
        while (inputs.find()) {
            if (!page.contains("<label for=\"" + inputs.group(1) + "\"")) {
                unlabelled.add(inputs.group(1));
            }
        }
        assertThat(unlabelled).isEmpty();
        assertThat(Pattern.compile("<input (?![^>]*type=\"hidden\")(?![^>]*id=)").matcher(page).find()).isFalse();
        Matcher headings = Pattern.compile("<h([1-6])").matcher(page);
        int level = 0;
        while (headings.find()) {
            int next = Integer.parseInt(headings.group(1));
            assertThat(next).as("a heading after h" + level).isLessThanOrEqualTo(level + 1);
            level = next;
        }
        assertThat(page).doesNotContain("<script>").doesNotContain("onclick=");
    }

    private String page(String path, String lang) {
        Response response = api.request(path + (path.contains("?") ? "&" : "?") + "lang=" + lang).get();
        String body = text(response);
        assertThat(response.getStatus()).as(body).isEqualTo(200);
        return body;
    }

    /** The page's HTML with its apostrophes as people read them (Mustache writes them &#39;). */
    private static String text(Response response) {
        return response.readEntity(String.class).replace("&#39;", "'");
    }

    private Response post(String path, Form form) {
        Invocation.Builder request = APP.client().target("http://localhost:" + APP.getLocalPort() + path)
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request();
        return request.post(Entity.form(form));
    }

    private void submit(long org) {
        Response response = api.request("/api/organizations/" + org + "/inventories/2025/submit").post(Entity.json(Map.of()));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
    }

    private long organization(String name) {
        return CampaignApiTest.id(api.created("/api/organizations", Map.of("name", name, "sector", "624410", "region", "CA-QC",
                "employees", 10)));
    }
}
