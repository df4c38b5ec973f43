package org.empreinte.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Every endpoint with each role, and the exact status each gets. Organization A is the one asked
 * about; its editor and viewer, the editor of another organization, the coordinator of a network
 * with which A shares its details and the coordinator of one with which it shares nothing, the
 * administrator of EMPREINTE_ADMIN_TOKEN, and nobody. No read or write crosses organizations.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class AccessMatrixTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final GenericType<Map<String, Object>> JSON = new GenericType<>() { };

    /** The roles, in the order of each row's expected statuses. */
    private static final List<String> ROLES = List.of("anonymous", "otherEditor", "viewer", "editor", "coordinatorWithConsent",
            "coordinatorWithoutConsent", "administrator");

    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static Client anonymous;
    private static long a;
    private static long b;
    private static long activity;
    private static long target;
    private static long shared;
    private static long notShared;
    private static long site;
    private static long action;
    private static long editorId;
    private static long inviterId;
    private static long coordinatorId;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @BeforeAll
    static void organizationsPeopleAndNetworks() {
        anonymous = ClientBuilder.newClient().property(org.glassfish.jersey.client.ClientProperties.FOLLOW_REDIRECTS, false);
        a = id(admin("POST", "/api/organizations", Map.of("name", "Coop A", "sector", "624410", "region", "CA-QC", "employees", 12)));
        b = id(admin("POST", "/api/organizations", Map.of("name", "Coop B", "sector", "624410", "region", "CA-QC", "employees", 8)));
        activity = id(admin("POST", "/api/organizations/" + a + "/activities", Map.of("type", "electricity", "quantity", 1000,
                "unit", "kWh", "date", "2024-03-01")));
        target = id(admin("POST", "/api/organizations/" + a + "/targets", Map.of("baseYear", 2024, "targetYear", 2030,
                "reductionPercent", 30, "scopes", List.of(1, 2, 3), "kind", "absolute")));
        site = id(admin("POST", "/api/organizations/" + a + "/sites", Map.of("name", "Entrepôt", "region", "CA-QC")));
        action = id(admin("POST", "/api/organizations/" + a + "/actions", Map.of("title", "Isolation", "category",
                "stationary_combustion", "expectedYearlyReductionCo2eKg", 50, "startYear", 2025, "status", "planned")));
        shared = id(admin("POST", "/api/networks", Map.of("name", "Pôle régional")));
        notShared = id(admin("POST", "/api/networks", Map.of("name", "Réseau sectoriel")));
        admin("POST", "/api/networks/" + shared + "/members", Map.of("organizationId", a, "sharing", "detailed"));
        admin("POST", "/api/networks/" + notShared + "/members", Map.of("organizationId", a, "sharing", "none"));

        person("otherEditor", user -> admin("POST", "/api/organizations/" + b + "/members", Map.of("userId", user, "role", "editor")));
        person("viewer", user -> admin("POST", "/api/organizations/" + a + "/members", Map.of("userId", user, "role", "viewer")));
        person("editor", user -> {
            editorId = user;
            admin("POST", "/api/organizations/" + a + "/members", Map.of("userId", user, "role", "editor"));
        });
        person("coordinatorWithConsent", user -> admin("POST", "/api/networks/" + shared + "/coordinators", Map.of("userId", user)));
        person("coordinatorWithoutConsent", user -> admin("POST", "/api/networks/" + notShared + "/coordinators",
                Map.of("userId", user)));
        TOKENS.put("administrator", TestApp.ADMIN_TOKEN);
        // Not one of the roles: the coordinator of the networks that invite A.
        person("inviter", user -> inviterId = user);
    }

    @AfterAll
    static void closeClient() {
        anonymous.close();
    }

    private record Call(String method, Supplier<String> path, Supplier<Object> body, String expected) {
    }

    private static Call call(String method, String path, String expected) {
        return new Call(method, () -> path, () -> null, expected);
    }

    private static Call call(String method, String path, Supplier<Object> body, String expected) {
        return new Call(method, () -> path, body, expected);
    }

    /**
     * A pending invitation of a person to A, made by its editor; its id. The matrix makes hundreds: those
     * left waiting are cancelled before the organization reaches its limit of waiting invitations.
     */
    private static long invitationOfA() {
        List<Map<String, Object>> waiting = request(TOKENS.get("editor"), org("/members/invitations"))
                .get(new GenericType<>() { });
        if (waiting.size() > 50) {
            for (Map<String, Object> invitation : waiting) {
                try (Response response = request(TOKENS.get("editor"), org("/members/invitations/" + invitation.get("id")))
                        .delete()) {
                    assertThat(response.getStatus()).isEqualTo(204);
                }
            }
        }
        String email = "invite" + SEQUENCE.incrementAndGet() + "@example.org";
        try (Response response = request(TOKENS.get("editor"), org("/members")).post(Entity.json(Map.of("email", email,
                "role", "viewer")))) {
            assertThat(response.getStatus()).isEqualTo(202);
        }
        List<Map<String, Object>> pending = request(TOKENS.get("editor"), org("/members/invitations"))
                .get(new GenericType<>() { });
        return pending.stream().filter(i -> email.equals(i.get("email"))).mapToLong(i -> ((Number) i.get("id")).longValue())
                .findFirst().orElseThrow();
    }

    /** A new person, viewer of A (added by an administrator); their id. */
    private static long newViewerOfA() {
        long user = id(admin("POST", "/api/users", Map.of("email", "v" + SEQUENCE.incrementAndGet() + "@example.org",
                "name", "Lectrice")));
        admin("POST", org("/members"), Map.of("userId", user, "role", "viewer"));
        return user;
    }

    /** A new site of A, without activities (each call may delete its own). */
    private static long siteOfA() {
        return id(admin("POST", org("/sites"), Map.of("name", "Site " + SEQUENCE.incrementAndGet(), "region", "CA-QC")));
    }

    /** The path of a new invitation's one-time link (A's editor invites someone without an account). */
    private static String linkOfA() {
        invitationOfA();
        String email = "link" + SEQUENCE.incrementAndGet() + "@example.org";
        try (Response response = request(TOKENS.get("editor"), org("/members")).post(Entity.json(Map.of("email", email,
                "role", "viewer")))) {
            assertThat(response.getStatus()).isEqualTo(202);
            return java.net.URI.create((String) response.readEntity(JSON).get("link")).getPath();
        }
    }

    /** A new network whose coordinator has invited A; its id. */
    private static long networkInvitingA() {
        long network = id(admin("POST", "/api/networks", Map.of("name", "Invitant " + SEQUENCE.incrementAndGet())));
        admin("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", inviterId));
        try (Response response = request(TOKENS.get("inviter"), "/api/networks/" + network + "/members")
                .post(Entity.json(Map.of("organizationId", a)))) {
            assertThat(response.getStatus()).isEqualTo(202);
        }
        return network;
    }

    /** A new network that the coordinator with consent coordinates (and nobody else but administrators); its id. */
    private static long coordinatedNetwork() {
        if (coordinatorId == 0) {
            coordinatorId = id(request(TOKENS.get("coordinatorWithConsent"), "/api/users/me").get(JSON));
        }
        long network = id(admin("POST", "/api/networks", Map.of("name", "Campagne " + SEQUENCE.incrementAndGet())));
        admin("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", coordinatorId));
        return network;
    }

    /** Such a network, with its 2024 campaign open; its id. */
    private static long networkWithCampaign() {
        long network = coordinatedNetwork();
        admin("POST", "/api/networks/" + network + "/campaigns", Map.of("year", 2024, "dueDate", "2025-03-31"));
        return network;
    }

    /** The address {@code rest} under the shared network's campaigns, once its 2024 campaign is open. */
    private static String campaignOfShared(String rest) {
        quietly("POST", "/api/networks/" + shared + "/campaigns", Map.of("year", 2024, "dueDate", "2025-03-31"));
        return "/api/networks/" + shared + "/campaigns" + rest;
    }

    /** The address to restore a freshly deleted activity of A. */
    private static String deletedActivity() {
        long id = id(admin("POST", org("/activities"), Map.of("type", "electricity", "quantity", 7, "unit", "kWh",
                "date", "2024-07-01")));
        try (Response response = request(TestApp.ADMIN_TOKEN, org("/activities/" + id)).delete()) {
            assertThat(response.getStatus()).isEqualTo(204);
        }
        return id + "/restore";
    }

    private static String org(String rest) {
        return "/api/organizations/" + a + rest;
    }

    private static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        // anonymous, another organization's editor, viewer, editor, coordinator with consent, without, administrator
        String read = "401 404 200 200 200 404 200";
        for (String path : List.of("", "/sites", "/activities", "/activities/" + activity, "/activities/export",
                "/footprint?year=2024", "/report?year=2024", "/report?year=2024&format=csv", "/years", "/electricity-contracts",
                "/targets", "/targets/" + target, "/targets/" + target + "/progress", "/actions", "/members", "/networks",
                "/benchmark?year=2024", "/activities/templates/energy", "/activities/export.xlsx")) {
            calls.add(call("GET", org(path), read));
        }
        // The audit trail: its editors and administrators, not its viewers nor coordinators.
        calls.add(call("GET", org("/audit"), "401 404 403 200 403 404 200"));
        String write = "401 404 403 %s 403 404 %s";
        calls.add(call("PUT", org(""), () -> Map.of("name", "Coop A", "sector", "624410", "region", "CA-QC", "employees", 12),
                write.formatted(200, 200)));
        calls.add(call("POST", org("/sites"), () -> Map.of("name", "Site " + SEQUENCE.incrementAndGet(), "region", "CA-QC"),
                write.formatted(201, 201)));
        calls.add(call("POST", org("/activities"), () -> Map.of("type", "electricity", "quantity", 10, "unit", "kWh",
                "date", "2024-04-01"), write.formatted(201, 201)));
        calls.add(call("PUT", org("/activities/" + activity), () -> Map.of("type", "electricity", "quantity", 1000, "unit", "kWh",
                "date", "2024-03-01"), write.formatted(200, 200)));
        calls.add(new Call("DELETE", () -> org("/activities/" + id(admin("POST", org("/activities"), Map.of("type", "electricity",
                "quantity", 5, "unit", "kWh", "date", "2024-05-01")))), () -> null, write.formatted(204, 204)));
        calls.add(call("POST", org("/activities/import"), () -> Entity.entity("type,quantity,unit,date\nelectricity,"
                + SEQUENCE.incrementAndGet() + ",kWh,2024-06-01\n", "text/csv"), write.formatted(200, 200)));
        calls.add(call("PUT", org("/years/2024"), () -> Map.of("employees", 12), write.formatted(200, 200)));
        calls.add(call("POST", org("/electricity-contracts"), () -> Map.of("kind", "renewable", "fromYear", 2024,
                "description", "Certificats"), write.formatted(201, 201)));
        calls.add(call("POST", org("/targets"), () -> Map.of("baseYear", 2024, "targetYear", 2030, "reductionPercent", 20,
                "scopes", List.of(2), "kind", "absolute"), write.formatted(201, 201)));
        calls.add(call("POST", org("/actions"), () -> Map.of("title", "Thermopompe", "category", "stationary_combustion",
                "expectedYearlyReductionCo2eKg", 100, "startYear", 2025, "status", "planned"), write.formatted(201, 201)));
        calls.add(call("PUT", org("/sites/" + site), () -> Map.of("name", "Entrepôt", "region", "CA-QC"), write.formatted(200, 200)));
        calls.add(new Call("DELETE", () -> org("/sites/" + id(admin("POST", org("/sites"), Map.of("name", "Temporaire "
                + SEQUENCE.incrementAndGet(), "region", "CA-QC")))), () -> null, write.formatted(204, 204)));
        calls.add(new Call("DELETE", () -> org("/targets/" + id(admin("POST", org("/targets"), Map.of("baseYear", 2024,
                "targetYear", 2030, "reductionPercent", 10, "scopes", List.of(1), "kind", "absolute")))), () -> null,
                write.formatted(204, 204)));
        calls.add(call("PUT", org("/actions/" + action), () -> Map.of("title", "Isolation", "category", "stationary_combustion",
                "expectedYearlyReductionCo2eKg", 60, "startYear", 2025, "status", "in_progress"), write.formatted(200, 200)));
        calls.add(new Call("DELETE", () -> org("/actions/" + id(admin("POST", org("/actions"), Map.of("title", "Temporaire",
                "category", "stationary_combustion", "expectedYearlyReductionCo2eKg", 5, "startYear", 2025, "status",
                "planned")))), () -> null, write.formatted(204, 204)));
        calls.add(new Call("DELETE", () -> org("/electricity-contracts/" + id(admin("POST", org("/electricity-contracts"),
                Map.of("kind", "renewable", "fromYear", 2024, "description", "Temporaire")))), () -> null, write.formatted(204, 204)));
        calls.add(new Call("DELETE", () -> {
            long someone = id(admin("POST", "/api/users", Map.of("email", "m" + SEQUENCE.incrementAndGet() + "@example.org",
                    "name", "Membre")));
            admin("POST", org("/members"), Map.of("userId", someone, "role", "viewer"));
            return org("/members/" + someone);
        }, () -> null, write.formatted(204, 204)));
        // The year's inventory: read as the organization's data; submitted and reopened by its editors. Each call
        // first puts the year in the state it needs, so that the answer says who may, not where the year stands.
        calls.add(call("GET", org("/inventories/2024"), read));
        calls.add(new Call("GET", () -> submitted(org("/inventories/2024/versions/1")), () -> null, read));
        calls.add(new Call("POST", () -> reopened(org("/inventories/2024/submit")), () -> Map.of(), write.formatted(200, 200)));
        calls.add(new Call("POST", () -> submitted(org("/inventories/2024/reopen")), () -> Map.of(), write.formatted(200, 200)));
        // Reviewing: the coordinators of a network the organization shares with, and administrators.
        calls.add(call("GET", "/api/networks/" + shared + "/inventories?year=2024", "401 404 404 404 200 404 200"));
        calls.add(call("GET", "/api/networks/" + notShared + "/inventories?year=2024", "401 404 404 404 404 200 200"));
        calls.add(new Call("POST", () -> submitted("/api/networks/" + shared + "/inventories/" + a + "/2024/review"), () -> Map.of(),
                "401 404 404 404 200 404 200"));
        calls.add(new Call("POST", () -> submitted("/api/networks/" + shared + "/inventories/" + a + "/2024/return"),
                () -> Map.of("comment", "Il manque le chauffage."), "401 404 404 404 200 404 200"));
        // Campaigns: the network's coordinators and administrators, in the API and on the dashboard's forms. Opening
        // and closing each take a network of their own, so that every call finds the campaign it needs open.
        String coordinate = "401 404 404 404 200 404 200";
        calls.add(new Call("POST", () -> "/api/networks/" + coordinatedNetwork() + "/campaigns",
                () -> Map.of("year", 2024, "dueDate", "2025-03-31"), "401 404 404 404 201 404 201"));
        calls.add(call("GET", "/api/networks/" + shared + "/campaigns", coordinate));
        calls.add(call("GET", "/api/networks/" + notShared + "/campaigns", "401 404 404 404 404 200 200"));
        calls.add(new Call("GET", () -> campaignOfShared("/2024"), () -> null, coordinate));
        calls.add(new Call("GET", () -> campaignOfShared("/2024?format=csv"), () -> null, coordinate));
        calls.add(new Call("GET", () -> campaignOfShared("/2024/status.csv"), () -> null, coordinate));
        calls.add(new Call("POST", () -> campaignOfShared("/2024/reminders"), () -> Map.of(), coordinate));
        calls.add(new Call("POST", () -> "/api/networks/" + networkWithCampaign() + "/campaigns/2024/close", () -> Map.of(),
                coordinate));
        String campaignPage = "303 404 404 404 303 404 303";
        calls.add(new Call("POST", () -> "/networks/" + coordinatedNetwork() + "/campaigns", AccessMatrixTest::emptyForm,
                "303 404 404 404 422 404 422"));
        calls.add(new Call("POST", () -> submitted("/networks/" + shared + "/campaigns/2024/members/" + a + "/review"),
                AccessMatrixTest::emptyForm, campaignPage));
        calls.add(new Call("POST", () -> submitted("/networks/" + shared + "/campaigns/2024/members/" + a + "/return"),
                () -> Entity.form(new jakarta.ws.rs.core.Form("comment", "Il manque le chauffage.")), campaignPage));
        calls.add(new Call("POST", () -> campaignOfShared("/2024/reminders").replaceFirst("^/api", ""),
                AccessMatrixTest::emptyForm, campaignPage));
        calls.add(new Call("POST", () -> "/networks/" + networkWithCampaign() + "/campaigns/2024/close",
                AccessMatrixTest::emptyForm, campaignPage));
        // The pages: the same rules; nobody signed in is sent to the sign-in page.
        String page = "303 404 200 200 200 404 200";
        for (String path : List.of("", "/report?year=2024", "/targets", "/networks", "/benchmark?year=2024",
                "/questionnaire/result?year=2024")) {
            calls.add(call("GET", "/organizations/" + a + path, page));
        }
        calls.add(call("GET", "/networks/" + shared + "?year=2024", "303 404 404 404 200 404 200"));
        calls.add(call("GET", "/organizations/" + a + "/audit", "303 404 403 200 403 404 200"));
        calls.add(call("PUT", "/api/networks/" + shared + "/target", () -> Map.of("baseYear", 2024, "targetYear", 2030,
                "reductionPercent", 30, "scopes", List.of(1, 2, 3)), "401 404 404 404 200 404 200"));
        calls.add(call("GET", "/api/networks/" + shared + "/coordinators", "401 404 404 404 200 404 200"));
        calls.add(new Call("GET", () -> "/api/users/" + editorId + "/tokens", () -> null, "401 404 404 200 404 404 200"));
        calls.add(new Call("GET", () -> "/api/users/" + editorId, () -> null, "401 404 404 200 404 404 200"));
        calls.add(new Call("DELETE", () -> "/api/users/" + editorId + "/tokens/" + id(admin("POST", "/api/users/" + editorId
                + "/tokens", Map.of("label", "à révoquer"))), () -> null, "401 404 404 204 404 404 204"));
        calls.add(call("GET", "/api/networks", "401 200 200 200 200 200 200"));
        calls.add(call("DELETE", "/api/networks/" + notShared + "/target", "401 404 404 404 404 204 204"));
        // A coordinator invites (202, whatever the id names); an administrator adds at once.
        calls.add(call("POST", "/api/networks/" + notShared + "/members", () -> Map.of("organizationId", id(admin("POST",
                "/api/organizations", Map.of("name", "Coop D", "sector", "624410", "region", "CA-QC", "employees", 2))),
                "sharing", "none"), "401 404 404 404 404 202 201"));
        calls.add(new Call("DELETE", () -> {
            long c = id(admin("POST", "/api/organizations", Map.of("name", "Coop C", "sector", "624410", "region", "CA-QC",
                    "employees", 2)));
            admin("POST", "/api/networks/" + notShared + "/members", Map.of("organizationId", c, "sharing", "none"));
            return "/api/networks/" + notShared + "/members/" + c;
        }, () -> null, "401 404 404 404 404 204 204"));
        calls.add(new Call("POST", () -> org("/activities/" + deletedActivity()), () -> null, "401 404 403 201 403 404 201"));
        calls.add(call("GET", "/api/airports?q=YUL", "401 200 200 200 200 200 200"));
        calls.add(call("GET", "/api/naics?q=garderie&lang=fr", "401 200 200 200 200 200 200"));
        // What A shares with a network: its editors decide, even against the coordinator's wish.
        calls.add(call("PUT", "/api/networks/" + shared + "/members/" + a, () -> Map.of("sharing", "detailed"),
                write.formatted(200, 200)));
        // The networks' own addresses: their coordinators and administrators only.
        calls.add(call("GET", "/api/networks/" + shared, "401 404 404 404 200 404 200"));
        calls.add(call("GET", "/api/networks/" + shared + "/aggregate?year=2024", "401 404 404 404 200 404 200"));
        calls.add(call("GET", "/api/networks/" + notShared + "/aggregate?year=2024", "401 404 404 404 404 200 200"));
        calls.add(call("POST", "/api/networks", () -> Map.of("name", "Réseau " + SEQUENCE.incrementAndGet()),
                "401 403 403 403 403 403 201"));
        calls.add(call("POST", "/api/networks/" + notShared + "/coordinators", () -> Map.of("userId", 1),
                "401 403 403 403 403 403 201"));
        // Accounts: administrators create users and list them.
        calls.add(call("POST", "/api/users", () -> Map.of("email", "p" + SEQUENCE.incrementAndGet() + "@example.org",
                "name", "Personne", "password", "un mot de passe long"), "401 403 403 403 403 403 201"));
        calls.add(call("GET", "/api/users", "401 403 403 403 403 403 200"));
        calls.add(call("GET", "/api/users/me", "401 200 200 200 200 200 200"));
        // The rest of the pages, as their forms post them: empty forms, refused for their fields (422) once the
        // rule lets the caller through, which it decides before any field is read.
        String form = "303 404 403 422 403 404 422";
        for (String path : List.of("/activities", "/report/contracts", "/report/years", "/sites", "/targets",
                "/targets/actions/estimate", "/targets/actions", "/networks", "/activities/grid", "/questionnaire")) {
            calls.add(call("POST", "/organizations/" + a + path, AccessMatrixTest::emptyForm, form));
        }
        String done = "303 404 403 303 403 404 303";
        calls.add(new Call("POST", () -> "/organizations/" + a + "/activities/" + id(admin("POST", org("/activities"),
                Map.of("type", "electricity", "quantity", 3, "unit", "kWh", "date", "2024-08-01"))) + "/delete",
                AccessMatrixTest::emptyForm, done));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/report/contracts/" + id(admin("POST",
                org("/electricity-contracts"), Map.of("kind", "renewable", "fromYear", 2024, "description", "Page")))
                + "/delete", AccessMatrixTest::emptyForm, done));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/targets/" + id(admin("POST", org("/targets"),
                Map.of("baseYear", 2024, "targetYear", 2030, "reductionPercent", 5, "scopes", List.of(1), "kind", "absolute")))
                + "/delete", AccessMatrixTest::emptyForm, done));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/targets/actions/" + id(admin("POST", org("/actions"),
                Map.of("title", "Page", "category", "stationary_combustion", "expectedYearlyReductionCo2eKg", 5,
                        "startYear", 2025, "status", "planned"))) + "/delete", AccessMatrixTest::emptyForm, done));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/audit/" + deletedActivity().replace("/restore", "")
                .transform(id -> "activities/" + id + "/restore"), AccessMatrixTest::emptyForm, done));
        // The year's page and its two forms, each call first putting the year in the state its form needs.
        calls.add(call("GET", "/organizations/" + a + "/inventories/2024", page));
        calls.add(new Call("POST", () -> reopened("/organizations/" + a + "/inventories/2024/submit"), AccessMatrixTest::emptyForm,
                done));
        calls.add(new Call("POST", () -> submitted("/organizations/" + a + "/inventories/2024/reopen"), AccessMatrixTest::emptyForm,
                done));
        calls.add(call("POST", "/organizations/" + a + "/activities/import", AccessMatrixTest::csvUpload,
                "303 404 403 303 403 404 303"));
        calls.add(call("POST", "/organizations/" + a + "/activities/import/site", AccessMatrixTest::siteAtCheck,
                "303 404 403 200 403 404 200"));
        calls.add(call("POST", "/organizations/" + a + "/activities/" + activity, AccessMatrixTest::emptyForm, form));
        for (String path : List.of("/activities/new", "/activities/import", "/activities/" + activity + "/edit",
                "/activities/grid?year=2024", "/questionnaire?year=2024")) {
            calls.add(call("GET", "/organizations/" + a + path, "303 404 403 200 403 404 200"));
        }
        calls.add(call("GET", org("/actions/" + action), read));
        // Its editors invite (202, whether or not the address is anyone's); administrators add at once, here nobody.
        calls.add(call("POST", org("/members"), () -> Map.of("email", "someone@example.org", "role", "viewer"),
                write.formatted(202, 422)));
        calls.add(call("GET", org("/members/invitations"), write.formatted(200, 200)));
        calls.add(new Call("DELETE", () -> org("/members/invitations/" + invitationOfA()), () -> null, write.formatted(204, 204)));
        calls.add(call("GET", "/api/users/me/invitations", "401 200 200 200 200 200 200"));
        // The team page and its forms: the organization's editors and administrators; its viewers get 403.
        calls.add(call("GET", "/organizations/" + a + "/team", "303 404 403 200 403 404 200"));
        calls.add(call("POST", "/organizations/" + a + "/team/invitations", AccessMatrixTest::emptyForm, form));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/team/invitations/" + invitationOfA() + "/cancel",
                AccessMatrixTest::emptyForm, done));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/team/members/" + newViewerOfA() + "/role",
                () -> Entity.form(new jakarta.ws.rs.core.Form("role", "editor")), done));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/team/members/" + newViewerOfA() + "/remove",
                AccessMatrixTest::emptyForm, done));
        calls.add(new Call("PUT", () -> org("/members/" + newViewerOfA()), () -> Map.of("role", "editor"),
                write.formatted(200, 200)));
        // The settings page and its forms: the organization's editors and administrators; its viewers get 403.
        calls.add(call("GET", "/organizations/" + a + "/settings", "303 404 403 200 403 404 200"));
        calls.add(call("POST", "/organizations/" + a + "/settings", AccessMatrixTest::emptyForm, form));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/settings/sites/" + siteOfA(), AccessMatrixTest::emptyForm,
                form));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/settings/sites/" + siteOfA() + "/delete",
                AccessMatrixTest::emptyForm, done));
        // An invitation's link: open to anyone who holds it; accepting it, only to the person it names (here nobody).
        calls.add(new Call("GET", AccessMatrixTest::linkOfA, () -> null, "200 200 200 200 200 200 200"));
        calls.add(new Call("POST", AccessMatrixTest::linkOfA, AccessMatrixTest::emptyForm, "422 422 422 422 422 422 422"));
        calls.add(new Call("POST", () -> linkOfA() + "/accept", AccessMatrixTest::emptyForm, "303 404 404 404 404 404 404"));
        // Running a network from its page: coordinators and administrators; naming coordinators, administrators only.
        calls.add(call("POST", "/networks/" + shared + "/settings/invitations", AccessMatrixTest::emptyForm,
                "303 404 404 404 422 404 422"));
        calls.add(call("POST", "/networks/" + shared + "/settings/target", AccessMatrixTest::emptyForm,
                "303 404 404 404 422 404 422"));
        calls.add(call("POST", "/networks/" + notShared + "/settings/target/delete", AccessMatrixTest::emptyForm,
                "303 404 404 404 404 303 303"));
        calls.add(call("POST", "/networks/" + shared + "/settings/coordinators", AccessMatrixTest::emptyForm,
                "303 403 403 403 403 403 422"));
        calls.add(new Call("POST", () -> {
            long someone = id(admin("POST", "/api/users", Map.of("email", "k" + SEQUENCE.incrementAndGet() + "@example.org",
                    "name", "Coordination")));
            admin("POST", "/api/networks/" + shared + "/coordinators", Map.of("userId", someone));
            return "/networks/" + shared + "/settings/coordinators/" + someone + "/remove";
        }, AccessMatrixTest::emptyForm, "303 403 403 403 403 403 303"));
        // Someone else's invitation is not found, whoever asks.
        calls.add(new Call("POST", () -> "/api/users/me/invitations/" + invitationOfA() + "/accept", () -> null,
                "401 404 404 404 404 404 404"));
        calls.add(new Call("DELETE", () -> "/api/users/me/invitations/" + invitationOfA(), () -> null,
                "401 404 404 404 404 404 404"));
        calls.add(new Call("POST", () -> "/account/invitations/" + invitationOfA() + "/accept", AccessMatrixTest::emptyForm,
                "303 404 404 404 404 404 404"));
        calls.add(new Call("POST", () -> "/account/invitations/" + invitationOfA() + "/decline", AccessMatrixTest::emptyForm,
                "303 404 404 404 404 404 404"));
        calls.add(call("GET", org("/networks/invitations"), write.formatted(200, 200)));
        calls.add(new Call("POST", () -> org("/networks/invitations/" + networkInvitingA() + "/accept"),
                () -> Map.of("sharing", "aggregate"), write.formatted(201, 201)));
        calls.add(new Call("DELETE", () -> org("/networks/invitations/" + networkInvitingA()), () -> null,
                write.formatted(204, 204)));
        calls.add(call("GET", "/api/networks/" + shared + "/invitations", "401 404 404 404 200 404 200"));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/networks/invitations/" + networkInvitingA() + "/accept",
                () -> Entity.form(new jakarta.ws.rs.core.Form("sharing", "none")), done));
        calls.add(new Call("POST", () -> "/organizations/" + a + "/networks/invitations/" + networkInvitingA() + "/decline",
                AccessMatrixTest::emptyForm, done));
        calls.add(new Call("POST", () -> "/api/users/" + editorId + "/tokens", () -> Map.of("label", "matrice"),
                "401 404 404 201 404 404 201"));
        calls.add(new Call("DELETE", () -> {
            long someone = id(admin("POST", "/api/users", Map.of("email", "c" + SEQUENCE.incrementAndGet() + "@example.org",
                    "name", "Coordination")));
            admin("POST", "/api/networks/" + shared + "/coordinators", Map.of("userId", someone));
            return "/api/networks/" + shared + "/coordinators/" + someone;
        }, () -> null, "401 403 403 403 403 403 204"));
        String signedIn = "401 200 200 200 200 200 200";
        calls.add(call("GET", "/api/airports/distance?from=YUL&to=CDG", signedIn));
        calls.add(call("GET", "/api/organizations", signedIn));
        calls.add(call("POST", "/api/organizations", () -> Map.of("name", "Coop " + SEQUENCE.incrementAndGet(), "sector",
                "624410", "region", "CA-QC", "employees", 3), "401 201 201 201 201 201 201"));
        for (String path : List.of("/", "/emission-factors", "/networks", "/account")) {
            calls.add(call("GET", path, "303 200 200 200 200 200 200"));
        }
        // The sign-in page is the only one open to nobody.
        calls.add(call("GET", "/login", "200 200 200 200 200 200 200"));
        calls.add(call("POST", "/login", AccessMatrixTest::emptyForm, "401 401 401 401 401 401 401"));
        calls.add(call("POST", "/account/users", AccessMatrixTest::emptyForm, "303 403 403 403 403 403 422"));
        calls.add(call("POST", "/networks", AccessMatrixTest::emptyForm, "303 403 403 403 403 403 422"));
        calls.add(call("POST", "/organizations", AccessMatrixTest::emptyForm, "303 422 422 422 422 422 422"));
        calls.add(call("POST", "/account/password", AccessMatrixTest::emptyForm, "303 422 422 422 422 422 422"));
        // The environment's administrator is no stored person: no tokens of its own on the account page.
        calls.add(call("POST", "/account/tokens", AccessMatrixTest::emptyForm, "303 200 200 200 200 200 404"));
        calls.add(call("POST", "/account/tokens/999999/revoke", AccessMatrixTest::emptyForm, "303 404 404 404 404 404 404"));
        calls.add(call("POST", "/logout", AccessMatrixTest::emptyForm, "303 303 303 303 303 303 303"));
        // Shared references: anyone signed in.
        calls.add(call("GET", "/api/emission-factors?type=electricity&region=CA-QC", "401 200 200 200 200 200 200"));
        calls.add(call("GET", "/api", "401 200 200 200 200 200 200"));
        return calls;
    }

    @Test
    void everyEndpointAnswersEachRoleWithTheExactStatus() {
        List<String> wrong = new ArrayList<>();
        for (Call call : calls()) {
            String[] expected = call.expected().split(" ");
            StringBuilder seen = new StringBuilder();
            for (int r = 0; r < ROLES.size(); r++) {
                String path = call.path().get();
                int status = status(ROLES.get(r), call.method(), path, call.body().get());
                seen.append(' ').append(status);
                if (expected[r].equals("?")) {
                    if (r == ROLES.size() - 1) {
                        wrong.add(call.method() + " " + path + " SEEN" + seen);
                    }
                } else if (status != Integer.parseInt(expected[r])) {
                    wrong.add(call.method() + " " + path + " as " + ROLES.get(r) + ": " + status + ", expected " + expected[r]);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The attack that made a stranger a network's coordinator: the same calls with their organization,
     * network and user ids written otherwise ({@code +1}, {@code %2B1}, full-width digits, leading zeros)
     * or with a trailing slash or a matrix parameter. A refused call stays refused; an allowed one either
     * answers the same or, for an id not written the canonical way, 404; none fails with 5xx.
     */
    @Test
    void otherSpellingsOfAnIdAreDecidedAsTheIdItself() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<String> wrong = new ArrayList<>();
        for (Call call : calls()) {
            String[] expected = call.expected().split(" ");
            String sample = call.path().get();
            for (Spelling spelling : Spelling.values()) {
                if (spelling.apply(sample).equals(sample)) {
                    continue; // no id of an organization, network or person in this address: the canonical run covers it
                }
                for (int r = 0; r < ROLES.size(); r++) {
                    String canonical = call.path().get();
                    String spelled = spelling.apply(canonical);
                    int status = rawStatus(http, ROLES.get(r), call.method(), spelled, call.body().get());
                    int canonicalStatus = Integer.parseInt(expected[r]);
                    boolean refused = r == 0 || canonicalStatus == 401 || canonicalStatus == 403 || canonicalStatus == 404;
                    boolean right = status < 500 && (refused ? status == 401 || status == 403 || status == 404
                            || r == 0 && status == canonicalStatus
                            : status == canonicalStatus || !spelling.canonical && status == 404
                                    // the canonical call already made what a second one finds taken
                                    || canonicalStatus == 201 && status == 409);
                    if (!right) {
                        wrong.add(call.method() + " " + spelled + " as " + ROLES.get(r) + ": " + status + ", canonically "
                                + canonicalStatus);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Ways of writing the ids of an address that Jersey would have converted to the same number. */
    enum Spelling {
        PLUS(false, id -> "+" + id),
        ENCODED_PLUS(false, id -> "%2B" + id),
        FULL_WIDTH(false, id -> id.chars().mapToObj(c -> java.net.URLEncoder.encode(
                String.valueOf((char) ('\uFF10' + c - '0')), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining())),
        LEADING_ZEROS(false, id -> "0".repeat(20 - id.length()) + id),
        MATRIX_PARAMETER(true, id -> id + ";x=1"),
        TRAILING_SLASH(true, null);

        final boolean canonical;
        private final java.util.function.UnaryOperator<String> id;

        Spelling(boolean canonical, java.util.function.UnaryOperator<String> id) {
            this.canonical = canonical;
            this.id = id;
        }

        String apply(String address) {
            int query = address.indexOf('?');
            String path = query < 0 ? address : address.substring(0, query);
            String rest = query < 0 ? "" : address.substring(query);
            if (id == null) {
                return path.equals("/") ? address : path + "/" + rest;
            }
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("(?<=/(organizations|networks|users)/)(\\d+)")
                    .matcher(path);
            return ids.replaceAll(match -> java.util.regex.Matcher.quoteReplacement(id.apply(match.group()))) + rest;
        }
    }

    private static int rawStatus(java.net.http.HttpClient http, String role, String method, String path, Object body)
            throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + APP.getLocalPort() + path));
        if (TOKENS.get(role) != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.get(role));
        }
        java.net.http.HttpRequest.BodyPublisher publisher = java.net.http.HttpRequest.BodyPublishers.noBody();
        if (body instanceof Entity<?> entity && entity.getEntity() instanceof jakarta.ws.rs.core.Form form) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            publisher = java.net.http.HttpRequest.BodyPublishers.ofString(form.asMap().entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
                    .collect(java.util.stream.Collectors.joining("&")));
        } else if (body instanceof Entity<?> entity) {
            request.header("Content-Type", entity.getMediaType().toString());
            publisher = java.net.http.HttpRequest.BodyPublishers.ofString((String) entity.getEntity());
        } else if (body != null) {
            request.header("Content-Type", "application/json");
            publisher = java.net.http.HttpRequest.BodyPublishers.ofString(APP.getObjectMapper().writeValueAsString(body));
        }
        java.net.http.HttpRequest built = request.method(method, publisher).build();
        try {
            return http.send(built, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (java.io.IOException closed) {
            // Jetty closes a kept-alive connection after refusing a body it did not read; the next call opens another.
            return http.send(built, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        }
    }

    /** The matrix names every route the application serves, so that none escapes it. */
    @Test
    void everyRouteIsInTheMatrix() {
        List<Call> calls = calls();
        List<String> missing = new ArrayList<>();
        for (AccessFilter.Route route : AccessFilter.routes(RouteDeclarationTest.registered(APP))) {
            java.util.regex.Pattern template = java.util.regex.Pattern.compile(
                    route.path().replaceAll("\\{[^}]+}", "[^/]+"));
            boolean covered = calls.stream().anyMatch(call -> call.method().equals(route.method())
                    && template.matcher(call.path().get().replaceFirst("\\?.*", "")).matches());
            if (!covered) {
                missing.add(route.method() + " " + route.path());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theOrganizationListShowsOnlyOnesOwnOrganizations() {
        List<Map<String, Object>> seen = request(TOKENS.get("otherEditor"), "/api/organizations").get(new GenericType<>() { });
        assertThat(seen).extracting(o -> ((Number) o.get("id")).longValue()).contains(b).doesNotContain(a);
        List<Map<String, Object>> all = request(TestApp.ADMIN_TOKEN, "/api/organizations").get(new GenericType<>() { });
        assertThat(all).extracting(o -> ((Number) o.get("id")).longValue()).contains(a, b);
    }

    private static Entity<?> emptyForm() {
        return Entity.form(new jakarta.ws.rs.core.Form());
    }

    /** The import page's upload, as a browser posts it. */
    private static Entity<?> csvUpload() {
        String boundary = "matrice" + SEQUENCE.incrementAndGet();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\ntype,quantity,unit,date\nelectricity," + SEQUENCE.incrementAndGet()
                + ",kWh,2024-06-02\n\r\n--" + boundary + "--\r\n";
        return Entity.entity(body, "multipart/form-data; boundary=" + boundary);
    }

    /** The check screen's creation of a site a file names, without the file (too large to keep). */
    private static Entity<?> siteAtCheck() {
        String boundary = "matrice" + SEQUENCE.incrementAndGet();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nSite verifie "
                + SEQUENCE.incrementAndGet() + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"region\"\r\n\r\n"
                + "CA-QC\r\n--" + boundary + "--\r\n";
        return Entity.entity(body, "multipart/form-data; boundary=" + boundary);
    }

    private static int status(String role, String method, String path, Object body) {
        Invocation.Builder builder = request(TOKENS.get(role), path);
        Entity<?> entity = body == null ? null : body instanceof Entity<?> e ? e : Entity.json(body);
        try (Response response = entity == null ? builder.method(method) : builder.method(method, entity)) {
            return response.getStatus();
        }
    }

    private static Invocation.Builder request(String token, String path) {
        String url = "http://localhost:" + APP.getLocalPort() + path;
        if (token == null) {
            return anonymous.target(url).request();
        }
        return APP.client().target(url).property(org.glassfish.jersey.client.ClientProperties.FOLLOW_REDIRECTS, false)
                .request().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    /** {@code path}, once A's 2024 inventory is freshly submitted (whatever it was: open, reviewed...). */
    private static String submitted(String path) {
        quietly("POST", org("/inventories/2024/reopen"));
        quietly("POST", org("/inventories/2024/submit"));
        return path;
    }

    /** {@code path}, once A's 2024 inventory is open or reopened (whatever it was). */
    private static String reopened(String path) {
        quietly("POST", org("/inventories/2024/submit"));
        quietly("POST", org("/inventories/2024/reopen"));
        return path;
    }

    /** As the administrator, whatever the answer: the set-up of a state that may already hold. */
    private static void quietly(String method, String path) {
        request(TestApp.ADMIN_TOKEN, path).method(method, Entity.json(Map.of())).close();
    }

    private static void quietly(String method, String path, Object body) {
        request(TestApp.ADMIN_TOKEN, path).method(method, Entity.json(body)).close();
    }

    private static Map<String, Object> admin(String method, String path, Object body) {
        try (Response response = request(TestApp.ADMIN_TOKEN, path).method(method, Entity.json(body))) {
            Map<String, Object> entity = response.readEntity(JSON);
            assertThat(response.getStatus()).as(method + " " + path + ": " + entity).isBetween(200, 299);
            return entity;
        }
    }

    /** A person with the given role (set up by {@code grant} with their id) and a token of theirs. */
    private static void person(String role, java.util.function.LongConsumer grant) {
        long user = id(admin("POST", "/api/users", Map.of("email", role.toLowerCase() + "@example.org", "name", role)));
        grant.accept(user);
        TOKENS.put(role, (String) admin("POST", "/api/users/" + user + "/tokens", Map.of("label", "tests")).get("token"));
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }
}
