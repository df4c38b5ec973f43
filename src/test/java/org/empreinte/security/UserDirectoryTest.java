package org.empreinte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Finding 4: anyone could create an organization, then {@code POST .../members {"userId": N}}
 * answered with user N's address and name for every N (and added them silently), while a missing N
 * answered otherwise; a coordinator's {@code POST /api/networks/{id}/members} revealed every
 * organization's existence and name; a coordinator read a detailed member's people with their addresses.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class UserDirectoryTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    static final Outsider OUT = new Outsider(APP);

    @Test
    void namingAPersonAnswersTheSameWhetherOrNotTheyExist() {
        Outsider.Person prober = OUT.person("prober");
        Outsider.Person someone = OUT.person("someone");
        long own = Outsider.id(OUT.call(prober.token(), "POST", "/api/organizations", Map.of("name", "Coop sonde",
                "sector", "624410", "region", "CA-QC", "employees", 1)).json());
        String members = "/api/organizations/" + own + "/members";

        Outsider.Answer existing = OUT.call(prober.token(), "POST", members, Map.of("userId", someone.id(), "role", "viewer"));
        Outsider.Answer missing = OUT.call(prober.token(), "POST", members, Map.of("userId", 999_999, "role", "viewer"));
        Outsider.Answer byAddress = OUT.call(prober.token(), "POST", members, Map.of("email", someone.email(), "role", "viewer"));
        Outsider.Answer byUnknownAddress = OUT.call(prober.token(), "POST", members,
                Map.of("email", "personne@example.org", "role", "viewer"));
        for (Outsider.Answer answer : List.of(existing, missing, byAddress, byUnknownAddress)) {
            assertThat(answer.status()).isEqualTo(202);
            // Each invitation has its own one-time link, random whoever is named: the rest of the answer is the same.
            assertThat(answer.body().replaceAll("\"link\":\"[^\"]*\"", "\"link\":\"…\""))
                    .isEqualTo(existing.body().replaceAll("\"link\":\"[^\"]*\"", "\"link\":\"…\""))
                    .doesNotContain(someone.email()).doesNotContain("someone");
        }
        // Nobody was added without their word: the organization still has its creator only.
        assertThat(OUT.call(prober.token(), "GET", members, null).list()).extracting(m -> m.get("userId"))
                .containsExactly((int) prober.id());
        assertThat(OUT.call(someone.token(), "GET", "/api/organizations/" + own, null).status()).isEqualTo(404);
    }

    @Test
    void theInvitedPersonAcceptsAndOnlyThen() {
        Outsider.Person editor = OUT.person("editor");
        Outsider.Person colleague = OUT.person("colleague");
        Outsider.Person other = OUT.person("other");
        long org = Outsider.id(OUT.call(editor.token(), "POST", "/api/organizations", Map.of("name", "Coop accueillante",
                "sector", "624410", "region", "CA-QC", "employees", 4)).json());
        assertThat(OUT.call(editor.token(), "POST", "/api/organizations/" + org + "/members",
                Map.of("email", colleague.email().toUpperCase(), "role", "editor")).status()).isEqualTo(202);
        assertThat(OUT.call(editor.token(), "GET", "/api/organizations/" + org + "/members/invitations", null).list())
                .extracting(i -> i.get("email")).containsExactly(colleague.email());

        List<Map<String, Object>> received = OUT.call(colleague.token(), "GET", "/api/users/me/invitations", null).list();
        assertThat(received).extracting(i -> i.get("organizationName")).containsExactly("Coop accueillante");
        long invitation = ((Number) received.get(0).get("id")).longValue();
        // Someone else cannot take it.
        assertThat(OUT.call(other.token(), "GET", "/api/users/me/invitations", null).list()).isEmpty();
        assertThat(OUT.call(other.token(), "POST", "/api/users/me/invitations/" + invitation + "/accept", null).status())
                .isEqualTo(404);
        assertThat(OUT.call(colleague.token(), "GET", "/api/organizations/" + org, null).status()).isEqualTo(404);

        Outsider.Answer accepted = OUT.call(colleague.token(), "POST", "/api/users/me/invitations/" + invitation + "/accept",
                null);
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json()).containsEntry("role", "editor");
        assertThat(OUT.call(colleague.token(), "PUT", "/api/organizations/" + org, Map.of("name", "Coop accueillante",
                "sector", "624410", "region", "CA-QC", "employees", 5)).status()).isEqualTo(200);
        assertThat(OUT.call(colleague.token(), "GET", "/api/users/me/invitations", null).list()).isEmpty();
        assertThat(OUT.call(editor.token(), "GET", "/api/organizations/" + org + "/members/invitations", null).list()).isEmpty();
    }

    @Test
    void aCoordinatorLearnsNothingOfOrganizationsOutsideTheNetwork() {
        long network = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Réseau curieux")));
        Outsider.Person coordinator = OUT.person("coordinator");
        OUT.setUp("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", coordinator.id()));
        long secret = OUT.organization("Coop discrète");
        String members = "/api/networks/" + network + "/members";

        Outsider.Answer existing = OUT.call(coordinator.token(), "POST", members, Map.of("organizationId", secret,
                "sharing", "detailed"));
        Outsider.Answer missing = OUT.call(coordinator.token(), "POST", members, Map.of("organizationId", 999_999,
                "sharing", "detailed"));
        assertThat(existing.status()).isEqualTo(202);
        assertThat(missing.status()).isEqualTo(202);
        assertThat(existing.body()).isEqualTo(missing.body()).doesNotContain("discrète");
        assertThat(OUT.call(coordinator.token(), "GET", "/api/networks/" + network + "/invitations", null).body())
                .doesNotContain("discrète");
        // Invited is not joined: nothing of the organization is read until its editors accept, choosing what they share.
        assertThat(OUT.admin("GET", "/api/networks/" + network, null).json().get("memberCount")).isEqualTo(0);
        assertThat(OUT.call(coordinator.token(), "GET", "/api/organizations/" + secret, null).status()).isEqualTo(404);

        Outsider.Person editor = OUT.person("editor");
        OUT.setUp("POST", "/api/organizations/" + secret + "/members", Map.of("userId", editor.id(), "role", "editor"));
        assertThat(OUT.call(editor.token(), "GET", "/api/organizations/" + secret + "/networks/invitations", null).list())
                .extracting(i -> i.get("networkName")).containsExactly("Réseau curieux");
        Outsider.Answer joined = OUT.call(editor.token(), "POST", "/api/organizations/" + secret + "/networks/invitations/"
                + network + "/accept", Map.of("sharing", "aggregate"));
        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.json()).containsEntry("sharing", "aggregate");
        // Aggregate only: the coordinator still reads none of its data.
        assertThat(OUT.call(coordinator.token(), "GET", "/api/organizations/" + secret, null).status()).isEqualTo(404);
    }

    @Test
    void aCoordinatorSeesADetailedMembersPeopleWithoutTheirAddresses() {
        long network = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Pôle")));
        Outsider.Person coordinator = OUT.person("coordinator");
        OUT.setUp("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", coordinator.id()));
        long member = OUT.organization("Coop détaillée");
        OUT.setUp("POST", "/api/networks/" + network + "/members", Map.of("organizationId", member, "sharing", "detailed"));
        Outsider.Person editor = OUT.person("editor");
        OUT.setUp("POST", "/api/organizations/" + member + "/members", Map.of("userId", editor.id(), "role", "editor"));

        Outsider.Answer seen = OUT.call(coordinator.token(), "GET", "/api/organizations/" + member + "/members", null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body()).doesNotContain(editor.email());
        assertThat(seen.list()).extracting(m -> m.get("role")).containsExactly("editor");
        assertThat(OUT.call(editor.token(), "GET", "/api/organizations/" + member + "/members", null).body())
                .contains(editor.email());
    }

    /** The people of an organization by pages, by name; a coordinator's next-page link carries no address either. */
    @Test
    void anOrganizationsPeopleComeByPages() {
        long network = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Pôle paginé")));
        Outsider.Person coordinator = OUT.person("coordinator");
        OUT.setUp("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", coordinator.id()));
        long org = OUT.organization("Coop nombreuse");
        OUT.setUp("POST", "/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", "detailed"));
        List<Outsider.Person> people = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Outsider.Person person = OUT.person("membre");
            OUT.setUp("POST", "/api/organizations/" + org + "/members", Map.of("userId", person.id(), "role", "viewer"));
            people.add(person);
        }
        for (Outsider.Person reader : List.of(people.get(0), coordinator)) {
            List<Object> seen = new java.util.ArrayList<>();
            String next = "/api/organizations/" + org + "/members?limit=2";
            int pages = 0;
            while (next != null) {
                Outsider.Answer page = OUT.call(reader.token(), "GET", next, null);
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.list()).hasSizeLessThanOrEqualTo(2);
                page.list().forEach(m -> seen.add(m.get("userId")));
                String link = page.headers().firstValue("Link").orElse(null);
                if (reader == coordinator && link != null) {
                    String cursor = java.net.URLDecoder.decode(link.replaceAll(".*after=([^&>]*).*", "$1"),
                            java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8))
                            .doesNotContain("@");
                }
                next = link == null ? null : link.replaceAll("^<([^>]+)>.*", "$1");
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            // The names are all alike here ("membre"), so the id orders them: each once, in that order.
            assertThat(seen).containsExactlyElementsOf(people.stream().map(p -> (Object) (int) p.id()).toList());
        }
    }

    /** Review finding: an editor invited themselves (and another account of theirs), was removed, and came back. */
    @Test
    void aRemovedEditorCannotComeBackThroughAnInvitationTheySent() {
        Outsider.Person editor = OUT.person("editor");
        Outsider.Person secondAccount = OUT.person("second");
        long org = OUT.organization("Coop vigilante");
        OUT.setUp("POST", "/api/organizations/" + org + "/members", Map.of("userId", editor.id(), "role", "editor"));
        for (long invited : List.of(editor.id(), secondAccount.id())) {
            assertThat(OUT.call(editor.token(), "POST", "/api/organizations/" + org + "/members",
                    Map.of("userId", invited, "role", "editor")).status()).isEqualTo(202);
        }
        assertThat(OUT.call(secondAccount.token(), "GET", "/api/users/me/invitations", null).list()).hasSize(1);
        long invitation = ((Number) OUT.call(secondAccount.token(), "GET", "/api/users/me/invitations", null).list().get(0)
                .get("id")).longValue();

        assertThat(OUT.admin("DELETE", "/api/organizations/" + org + "/members/" + editor.id(), null).status()).isEqualTo(204);

        assertThat(OUT.call(editor.token(), "GET", "/api/users/me/invitations", null).list()).isEmpty();
        assertThat(OUT.call(secondAccount.token(), "GET", "/api/users/me/invitations", null).list()).isEmpty();
        assertThat(OUT.call(secondAccount.token(), "POST", "/api/users/me/invitations/" + invitation + "/accept", null)
                .status()).isEqualTo(404);
        assertThat(OUT.call(editor.token(), "GET", "/api/organizations/" + org, null).status()).isEqualTo(404);
        assertThat(OUT.call(secondAccount.token(), "GET", "/api/organizations/" + org, null).status()).isEqualTo(404);
    }

    /** Review finding: an invitation left after an administrator added the organization at once answered 500. */
    @Test
    void anInvitationOvertakenByADirectAdditionIsGoneNotAnError() {
        long network = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Réseau pressé")));
        Outsider.Person coordinator = OUT.person("coordinator");
        OUT.setUp("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", coordinator.id()));
        long org = OUT.organization("Coop doublement invitée");
        Outsider.Person editor = OUT.person("editor");
        OUT.setUp("POST", "/api/organizations/" + org + "/members", Map.of("userId", editor.id(), "role", "editor"));
        assertThat(OUT.call(coordinator.token(), "POST", "/api/networks/" + network + "/members",
                Map.of("organizationId", org)).status()).isEqualTo(202);
        OUT.setUp("POST", "/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", "none"));
        assertThat(OUT.call(editor.token(), "POST", "/api/organizations/" + org + "/networks/invitations/" + network
                + "/accept", Map.of("sharing", "detailed")).status()).isEqualTo(404);
        assertThat(OUT.call(editor.token(), "GET", "/api/organizations/" + org + "/networks", null).list())
                .extracting(m -> m.get("sharing")).containsExactly("none");
    }

    /** Review finding: a coordinator reading a detailed member saw the member's other networks, even those it shares nothing with. */
    @Test
    void aCoordinatorSeesOnlyTheirOwnNetworkAmongAMembersNetworks() {
        long mine = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Pôle du coordonnateur")));
        long other = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Réseau confidentiel")));
        Outsider.Person coordinator = OUT.person("coordinator");
        OUT.setUp("POST", "/api/networks/" + mine + "/coordinators", Map.of("userId", coordinator.id()));
        long org = OUT.organization("Coop en deux réseaux");
        OUT.setUp("POST", "/api/networks/" + mine + "/members", Map.of("organizationId", org, "sharing", "detailed"));
        OUT.setUp("POST", "/api/networks/" + other + "/members", Map.of("organizationId", org, "sharing", "none"));

        Outsider.Answer seen = OUT.call(coordinator.token(), "GET", "/api/organizations/" + org + "/networks", null);
        assertThat(seen.list()).extracting(m -> ((Number) m.get("networkId")).longValue()).containsExactly(mine);
        assertThat(OUT.call(coordinator.token(), "GET", "/organizations/" + org + "/networks", null).body())
                .doesNotContain("Réseau confidentiel");
        assertThat(OUT.admin("GET", "/api/organizations/" + org + "/networks", null).list()).hasSize(2);
    }

    /** Review finding: an organization's editor told existing network ids from missing ones by the error. */
    @Test
    void anEditorCannotTellWhichNetworksExist() {
        Outsider.Person editor = OUT.person("editor");
        long own = Outsider.id(OUT.call(editor.token(), "POST", "/api/organizations", Map.of("name", "Coop sondeuse",
                "sector", "624410", "region", "CA-QC", "employees", 1)).json());
        long existing = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Réseau existant")));
        for (String method : List.of("PUT", "DELETE")) {
            Outsider.Answer there = OUT.call(editor.token(), method, "/api/networks/" + existing + "/members/" + own,
                    Map.of("sharing", "none"));
            Outsider.Answer missing = OUT.call(editor.token(), method, "/api/networks/" + (existing + 1000) + "/members/" + own,
                    Map.of("sharing", "none"));
            assertThat(there.status()).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(there.body().replace(Long.toString(existing), "N"))
                    .isEqualTo(missing.body().replace(Long.toString(existing + 1000), "N"));
        }
    }

    /** Review finding: invitations were unbounded, a way to place invitations for every address there might be. */
    @Test
    void anOrganizationHasAtMostAHundredInvitationsWaiting() {
        Outsider.Person editor = OUT.person("editor");
        long org = Outsider.id(OUT.call(editor.token(), "POST", "/api/organizations", Map.of("name", "Coop prolixe",
                "sector", "624410", "region", "CA-QC", "employees", 1)).json());
        String members = "/api/organizations/" + org + "/members";
        for (int i = 0; i < 100; i++) {
            assertThat(OUT.call(editor.token(), "POST", members, Map.of("email", "p" + i + "@example.org", "role", "viewer"))
                    .status()).isEqualTo(202);
        }
        Outsider.Answer full = OUT.call(editor.token(), "POST", members, Map.of("email", "p100@example.org", "role", "viewer"));
        assertThat(full.status()).isEqualTo(422);
        assertThat(full.json()).containsEntry("field", "email");
        // Inviting the same address again replaces its invitation rather than adding one.
        assertThat(OUT.call(editor.token(), "POST", members, Map.of("email", "p7@example.org", "role", "editor")).status())
                .isEqualTo(202);
    }
}
