package org.empreinte.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Finding 1 (critical): the network check ran only for ids of plain digits, and Jersey turned
 * {@code +1}, {@code %2B1}, full-width digits and leading zeros into the network's id. A person with
 * no role at all read the aggregate, named themselves coordinator, then read every detailed member's
 * activities; they could also remove the real coordinator, change the target and invite organizations.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class NetworkTakeoverTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    static final Outsider OUT = new Outsider(APP);
    static long network;
    static long member;
    static Outsider.Person coordinator;
    static Outsider.Person stranger;

    @BeforeAll
    static void aNetworkWithADetailedMember() {
        member = OUT.organization("Coop partageuse");
        OUT.setUp("POST", "/api/organizations/" + member + "/activities", Map.of("type", "electricity", "quantity", 1000,
                "unit", "kWh", "date", "2024-03-01"));
        network = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Pôle visé")));
        OUT.setUp("POST", "/api/networks/" + network + "/members", Map.of("organizationId", member, "sharing", "detailed"));
        coordinator = OUT.person("coordination");
        OUT.setUp("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", coordinator.id()));
        stranger = OUT.person("stranger");
    }

    @Test
    void noSpellingOfTheNetworksIdOpensItToAStranger() {
        for (String id : Outsider.spellings(network)) {
            String base = "/api/networks/" + id;
            assertThat(OUT.call(stranger.token(), "GET", base + "/aggregate?year=2024", null).status()).as(base).isEqualTo(404);
            assertThat(OUT.call(stranger.token(), "GET", base, null).status()).as(base).isEqualTo(404);
            assertThat(OUT.call(stranger.token(), "POST", base + "/coordinators", Map.of("userId", stranger.id())).status())
                    .as(base).isIn(403, 404);
            assertThat(OUT.call(stranger.token(), "DELETE", base + "/coordinators/" + coordinator.id(), null).status())
                    .as(base).isIn(403, 404);
            assertThat(OUT.call(stranger.token(), "PUT", base + "/target", Map.of("baseYear", 2024, "targetYear", 2030,
                    "reductionPercent", 1, "scopes", List.of(1))).status()).as(base).isEqualTo(404);
            assertThat(OUT.call(stranger.token(), "DELETE", base + "/target", null).status()).as(base).isEqualTo(404);
            assertThat(OUT.call(stranger.token(), "POST", base + "/members", Map.of("organizationId", member,
                    "sharing", "none")).status()).as(base).isEqualTo(404);
            assertThat(OUT.call(stranger.token(), "DELETE", base + "/members/" + member, null).status()).as(base).isEqualTo(404);
            assertThat(OUT.call(stranger.token(), "GET", "/networks/" + id + "?year=2024", null).status()).as(base)
                    .isEqualTo(404);
        }
        // Nothing changed: the real coordinator is the only one, and the stranger reads no member's data.
        assertThat(OUT.admin("GET", "/api/networks/" + network + "/coordinators", null).list())
                .extracting(c -> ((Number) c.get("id")).longValue()).containsExactly(coordinator.id());
        for (String path : List.of("/activities", "/activities/export", "/footprint?year=2024")) {
            assertThat(OUT.call(stranger.token(), "GET", "/api/organizations/" + member + path, null).status()).isEqualTo(404);
        }
        assertThat(OUT.admin("GET", "/api/networks/" + network, null).json().get("target")).isNull();
        assertThat(OUT.admin("GET", "/api/networks/" + network, null).json().get("memberCount")).isEqualTo(1);
    }

    @Test
    void theSpelledIdsOfAMembersOrganizationAreRefusedToo() {
        for (String id : Outsider.spellings(member)) {
            assertThat(OUT.call(stranger.token(), "GET", "/api/organizations/" + id + "/activities", null).status()).isEqualTo(404);
            assertThat(OUT.call(stranger.token(), "PUT", "/api/networks/" + network + "/members/" + id,
                    Map.of("sharing", "none")).status()).isEqualTo(404);
        }
    }

    @Test
    void theRealCoordinatorStillCoordinates() {
        assertThat(OUT.call(coordinator.token(), "GET", "/api/networks/" + network + "/aggregate?year=2024", null).status())
                .isEqualTo(200);
        // A spelled id is refused even to them: only the canonical one is an address of the network.
        assertThat(OUT.call(coordinator.token(), "GET", "/api/networks/+" + network + "/aggregate?year=2024", null).status())
                .isEqualTo(404);
    }
}
