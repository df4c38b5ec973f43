package org.empreinte.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.empreinte.ApiCalls.JSON;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteApplication;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A network's campaign over HTTP, on an application whose clock the test moves past the due date and whose
 * reminders go to an SMTP server in this process. Electricity in Québec: eccc-electricity-ca-qc-2020, 0.0019 kg/kWh.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class CampaignApiTest {

    /** The application's clock: 1 March 2026 until a test moves it. */
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(AtTheTestsClock.class,
            TestApp.temporaryDatabase("campaign"), Map.of("mail.host", "127.0.0.1", "mail.port", Integer.toString(SMTP_PORT),
                    "mail.tls", "none", "mail.from", "coordination@empreinte.test", "mail.baseUrl", "https://empreinte.example/"));

    private final ApiCalls api = new ApiCalls(APP);

    /** Empreinte at the test's clock. */
    public static class AtTheTestsClock extends EmpreinteApplication {
        public AtTheTestsClock() {
            super(CLOCK);
        }
    }

    @Test
    void aCampaignFollowsEachMemberFromOpeningToLateAndRemindsTheLateOnesInFrench() throws Exception {
        CLOCK.set(Instant.parse("2026-03-01T12:00:00Z"));
        long network = id(api.created("/api/networks", Map.of("name", "Pôle de l'Outaouais")));
        long a = organization("Coop Alpha");
        long b = organization("Coop Bêta");
        long c = organization("Coop Gamma");
        long d = organization("Coop Delta");
        member(network, a, "detailed");
        member(network, b, "aggregate");
        member(network, c, "aggregate");
        member(network, d, "none");
        editor(a, "alpha@example.org");
        editor(c, "gamma@example.org");
        editor(c, "gamma2@example.org");
        viewer(c, "lecture.gamma@example.org");
        for (long org : List.of(a, b, c)) {
            electricity(org, 50_000);
        }

        String campaigns = "/api/networks/" + network + "/campaigns";
        Response opened = api.request(campaigns).post(Entity.json(Map.of("year", 2025, "dueDate", "2026-03-31")));
        Map<String, Object> campaign = opened.readEntity(JSON);
        assertThat(opened.getStatus()).as(campaign.toString()).isEqualTo(201);
        assertThat(opened.getLocation().getPath()).isEqualTo(campaigns + "/2025");
        assertThat(campaign).containsEntry("year", 2025).containsEntry("dueDate", "2026-03-31").doesNotContainKey("closedAt");
        // One per network and year.
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("year", 2025, "dueDate", "2026-04-30"))), 409, "year");
        assertThat(api.list(campaigns)).singleElement().satisfies(x -> assertThat(x.get("dueDate")).isEqualTo("2026-03-31"));

        // Before anyone submits: the three sharing members not started, the one sharing nothing counted, never named.
        Map<String, Object> status = status(network, 2025);
        assertThat(status.get("pastDue")).isEqualTo(false);
        assertThat(status.get("counts")).isEqualTo(Map.of("not_started", 3, "in_progress", 0, "submitted", 0, "reviewed", 0,
                "late", 0));
        assertThat(status.get("notSharing")).isEqualTo(1);
        assertThat(status.toString()).doesNotContain("Coop Delta");

        // Two members submit; the coordinator reviews one and sends the other back.
        submit(a, 2025);
        submit(b, 2025);
        assertThat(states(status(network, 2025))).isEqualTo(Map.of("Coop Alpha", "submitted", "Coop Bêta", "submitted",
                "Coop Gamma", "not_started"));
        post("/api/networks/" + network + "/inventories/" + a + "/2025/review", Map.of());
        post("/api/networks/" + network + "/inventories/" + b + "/2025/return", Map.of("comment", "Il manque le chauffage."));
        status = status(network, 2025);
        assertThat(states(status)).isEqualTo(Map.of("Coop Alpha", "reviewed", "Coop Bêta", "in_progress",
                "Coop Gamma", "not_started"));
        assertThat(member(status, "Coop Bêta")).containsEntry("comment", "Il manque le chauffage.")
                .containsEntry("inventoryState", "reopened");

        // The due date passes: neither the reopened nor the never-submitted year is in; both are late.
        CLOCK.set(Instant.parse("2026-04-01T08:00:00Z"));
        status = status(network, 2025);
        assertThat(status.get("pastDue")).isEqualTo(true);
        assertThat(states(status)).isEqualTo(Map.of("Coop Alpha", "reviewed", "Coop Bêta", "late", "Coop Gamma", "late"));
        assertThat(status.get("counts")).isEqualTo(Map.of("not_started", 0, "in_progress", 0, "submitted", 0, "reviewed", 1,
                "late", 2));

        // Reminders: to the late members' editors (Bêta has none), never to a viewer nor to a reviewed member.
        Response reminded = api.request(campaigns + "/2025/reminders").post(Entity.json(Map.of()));
        Map<String, Object> reminders = reminded.readEntity(JSON);
        assertThat(reminded.getStatus()).as(reminders.toString()).isEqualTo(200);
        assertThat(reminders).containsEntry("mailEnabled", true).containsEntry("sent", 2).containsEntry("failed", 0);
        assertThat((List<?>) reminders.get("reminders")).extracting(r -> ((Map<?, ?>) r).get("name") + ":"
                + ((Map<?, ?>) r).get("recipients")).containsExactlyInAnyOrder("Coop Bêta:0", "Coop Gamma:2");
        assertThat(reminders.toString()).as("the coordinator is told how many, never the addresses")
                .doesNotContain("gamma@example.org");

        assertThat(MAIL.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(CampaignApiTest::recipient))
                .containsExactlyInAnyOrder("gamma@example.org", "gamma2@example.org");
        MimeMessage message = received[0];
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("coordination@empreinte.test");
        assertThat(message.getSubject()).isEqualTo("Rappel : bilan 2025 attendu par le réseau Pôle de l'Outaouais d'ici le 31 mars 2026");
        String body = text(message);
        assertThat(body).contains("Bonjour,")
                .contains("Le réseau Pôle de l'Outaouais mène sa campagne de déclaration 2025 : le bilan 2025 de Coop Gamma est"
                        + " attendu au plus tard le 31 mars 2026.")
                .contains("La date limite est passée et il n'a pas encore été soumis.")
                .contains("Pour le compléter et le soumettre : https://empreinte.example/organizations/" + c + "/inventories/2025");
        assertThat(status(network, 2025).get("remindedAt")).isEqualTo("2026-04-01T08:00:00Z");

        // The status as CSV, in the reader's language: by Accept-Language and by lang, at both addresses.
        String english = api.request(campaigns + "/2025/status.csv").header("Accept-Language", "en-CA").get(String.class);
        List<String> lines = english.lines().toList();
        assertThat(lines.get(0)).isEqualTo("Organization id,Member,State,Submitted version,Submitted at,Updated at,Comment");
        assertThat(lines).hasSize(4).anySatisfy(l -> assertThat(l).startsWith(a + ",Coop Alpha,Reviewed,1,"))
                .anySatisfy(l -> assertThat(l).startsWith(b + ",Coop Bêta,Late,1,").endsWith(",Il manque le chauffage."))
                .anySatisfy(l -> assertThat(l).isEqualTo(c + ",Coop Gamma,Late,,,,"))
                .noneSatisfy(l -> assertThat(l).contains("Delta"));
        Response french = api.request(campaigns + "/2025?format=csv&lang=fr").header("Accept-Language", "en-CA").get();
        assertThat(french.getHeaderString("Content-Type")).startsWith("text/csv");
        assertThat(french.readEntity(String.class).lines().findFirst().orElseThrow())
                .isEqualTo("No de l'organisation,Membre,État,Version soumise,Soumis le,Mis à jour le,Commentaire");
    }

    @Test
    void closingFreezesThePublishedAggregateWhileBeforeItALowerSharingLeavesTheFiguresAtOnce() {
        CLOCK.set(Instant.parse("2026-03-01T12:00:00Z"));
        long network = id(api.created("/api/networks", Map.of("name", "Réseau à clore")));
        List<Long> members = new ArrayList<>();
        // 100,000, 90,000 and 80,000 kWh: 190 + 171 + 152 = 513 kg; none above 70 %.
        for (int kwh : new int[] {100_000, 90_000, 80_000}) {
            long org = organization("Membre " + kwh);
            electricity(org, kwh);
            member(network, org, "aggregate");
            submit(org, 2025);
            members.add(org);
        }
        api.created("/api/networks/" + network + "/campaigns", Map.of("year", "2025", "dueDate", "2026-03-31"));
        String aggregate = "/api/networks/" + network + "/aggregate?year=2025";
        Map<String, Object> live = api.request(aggregate).get(JSON);
        assertThat(((Number) live.get("totalCo2eKg")).doubleValue()).isEqualTo(513);
        assertThat(live).doesNotContainKey("closedAt");

        // Before closing, the live rule: a member lowering its sharing leaves the figures at once (two left: hidden).
        share(network, members.get(0), "none");
        Map<String, Object> withdrawn = api.request(aggregate).get(JSON);
        assertThat(withdrawn.get("totalCo2eKg")).isNull();
        assertThat(((Map<?, ?>) withdrawn.get("hidden")).get("total")).isEqualTo("too_few");
        share(network, members.get(0), "aggregate");

        Response closed = api.request("/api/networks/" + network + "/campaigns/2025/close").post(Entity.json(Map.of()));
        Map<String, Object> campaign = closed.readEntity(JSON);
        assertThat(closed.getStatus()).as(campaign.toString()).isEqualTo(200);
        assertThat(campaign.get("closedAt")).isEqualTo("2026-03-01T12:00:00Z");

        // After closing, the published figures stay as they were, whatever members change in what they share.
        share(network, members.get(0), "none");
        share(network, members.get(1), "none");
        Map<String, Object> frozen = api.request(aggregate).get(JSON);
        assertThat(frozen.get("closedAt")).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(((Number) frozen.get("totalCo2eKg")).doubleValue()).isEqualTo(513);
        Map<String, Object> withoutMark = new HashMap<>(frozen);
        withoutMark.remove("closedAt");
        assertThat(withoutMark).isEqualTo(live);
        // Another year, with no closed campaign, still follows the live rule.
        assertThat(api.request("/api/networks/" + network + "/aggregate?year=2024").get(JSON)).doesNotContainKey("closedAt");
        // The dashboard shows the frozen figures too.
        String page = api.request("/networks/" + network + "?year=2025").header("Accept-Language", "fr-CA").get(String.class);
        assertThat(page).contains("id=\"network-total\">513</span>").contains("Campagne close le 1 mars 2026");

        assertRefused(api.request("/api/networks/" + network + "/campaigns/2025/close").post(Entity.json(Map.of())), 409, "year");
        assertRefused(api.request("/api/networks/" + network + "/campaigns/2025/reminders").post(Entity.json(Map.of())), 409,
                "year");
    }

    @Test
    void aMembersOwnReasonForReopeningItsYearStaysWithItsCoordinatorsSeeOnlyTheirOwnComments() {
        CLOCK.set(Instant.parse("2026-03-01T12:00:00Z"));
        long network = id(api.created("/api/networks", Map.of("name", "Pôle discret")));
        long org = organization("Coop Discrète");
        member(network, org, "aggregate");
        electricity(org, 10_000);
        long editor = id(api.created("/api/users", Map.of("email", "discrete@example.org", "name", "Discrète")));
        api.created("/api/organizations/" + org + "/members", Map.of("userId", editor, "role", "editor"));
        String token = (String) api.created("/api/users/" + editor + "/tokens", Map.of("label", "test")).get("token");
        api.request("/api/networks/" + network + "/campaigns").post(Entity.json(Map.of("year", 2025, "dueDate", "2026-03-31")))
                .close();
        submit(org, 2025);

        String reason = "Notre comptable a fait une erreur sur les factures de gaz";
        Response reopened = api.request("/api/organizations/" + org + "/inventories/2025/reopen")
                .header("Authorization", "Bearer " + token).post(Entity.json(Map.of("comment", reason)));
        assertThat(reopened.getStatus()).as(reopened.readEntity(String.class)).isEqualTo(200);

        String inventories = api.request("/api/networks/" + network + "/inventories?year=2025").get(String.class);
        assertThat(inventories).contains("reopened").doesNotContain(reason);
        assertThat(member(status(network, 2025), "Coop Discrète")).doesNotContainKey("comment");
        assertThat(api.request("/api/networks/" + network + "/campaigns/2025?format=csv").get(String.class)).doesNotContain(reason);
        // The organization itself still reads it.
        assertThat(api.request("/api/organizations/" + org + "/inventories/2025").get(String.class)).contains(reason);

        // The coordinators' own comment, once the year is submitted again and sent back, they read.
        submit(org, 2025);
        post("/api/networks/" + network + "/inventories/" + org + "/2025/return", Map.of("comment", "Merci de joindre la facture."));
        assertThat(api.request("/api/networks/" + network + "/inventories?year=2025").get(String.class))
                .contains("Merci de joindre la facture.");
    }

    @Test
    void aBadYearOrDueDateIsRefusedNamingTheField() {
        long network = id(api.created("/api/networks", Map.of("name", "Réseau strict")));
        String campaigns = "/api/networks/" + network + "/campaigns";
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("dueDate", "2026-03-31"))), 422, "year");
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("year", "deux mille", "dueDate", "2026-03-31"))), 422, "year");
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("year", 1800, "dueDate", "2026-03-31"))), 422, "year");
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("year", 2025))), 422, "dueDate");
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("year", 2025, "dueDate", "2026-02-30"))), 422, "dueDate");
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("year", 2025, "dueDate", "31/03/2026"))), 422, "dueDate");
        assertRefused(api.request(campaigns).post(Entity.json(Map.of("year", 2025, "dueDate", "2024-12-31"))), 422, "dueDate");
        assertThat(api.list(campaigns)).isEmpty();
        assertRefused(api.request(campaigns + "/2025").get(), 404, null);
        assertRefused(api.request("/api/networks/999999/campaigns").post(Entity.json(Map.of("year", 2025,
                "dueDate", "2026-03-31"))), 404, null);
        assertRefused(api.request(campaigns + "/2025?format=xml").get(), 422, "format");
    }

    private Map<String, Object> status(long network, int year) {
        Response response = api.request("/api/networks/" + network + "/campaigns/" + year).get();
        Map<String, Object> body = response.readEntity(JSON);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(200);
        return body;
    }

    private static Map<String, String> states(Map<String, Object> status) {
        Map<String, String> states = new HashMap<>();
        for (Object member : (List<?>) status.get("members")) {
            states.put((String) ((Map<?, ?>) member).get("name"), (String) ((Map<?, ?>) member).get("state"));
        }
        return states;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> status, String name) {
        return ((List<Map<String, Object>>) status.get("members")).stream().filter(m -> name.equals(m.get("name"))).findFirst()
                .orElseThrow();
    }

    private void post(String path, Map<String, Object> body) {
        Response response = api.request(path).post(Entity.json(body));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
    }

    private void share(long network, long org, String sharing) {
        Response response = api.request("/api/networks/" + network + "/members/" + org).put(Entity.json(Map.of("sharing", sharing)));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(200);
    }

    private long organization(String name) {
        return id(api.created("/api/organizations", Map.of("name", name, "sector", "624410", "region", "CA-QC", "employees", 10)));
    }

    private void electricity(long org, double kwh) {
        api.created("/api/organizations/" + org + "/activities", Map.of("type", "electricity", "quantity", kwh, "unit", "kWh",
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31", "region", "CA-QC"));
    }

    private void member(long network, long org, String sharing) {
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", sharing));
    }

    private void editor(long org, String email) {
        person(org, email, "editor");
    }

    private void viewer(long org, String email) {
        person(org, email, "viewer");
    }

    private void person(long org, String email, String role) {
        long user = id(api.created("/api/users", Map.of("email", email, "name", email)));
        Response response = api.request("/api/organizations/" + org + "/members").post(Entity.json(Map.of("userId", user,
                "role", role)));
        assertThat(response.getStatus()).as(response.readEntity(String.class)).isBetween(200, 201);
    }

    private void submit(long org, int year) {
        post("/api/organizations/" + org + "/inventories/" + year + "/submit", Map.of());
    }

    private void assertRefused(Response response, int status, String field) {
        Map<String, Object> body = response.readEntity(JSON);
        assertThat(response.getStatus()).as(body.toString()).isEqualTo(status);
        assertThat(body.get("field")).isEqualTo(field);
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text of a message, whether it came as one part or several. */
    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text && part.isMimeType("text/plain")) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart inner = multipart.getBodyPart(i);
                String text = text(inner);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the test sets: the due date passes when the test says so. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
