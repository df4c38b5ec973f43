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
 * Finding 2: viewers and coordinators read the audit trail (who changed what, every value ever
 * stored) through {@code /audit/}, {@code /audit;x=1} and the page {@code /organizations/{id}/audit/},
 * because the check was a path suffix.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
class AuditTrailPathsTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.shared();
    static final Outsider OUT = new Outsider(APP);
    static long organization;
    static Outsider.Person viewer;
    static Outsider.Person coordinator;
    static Outsider.Person editor;

    @BeforeAll
    static void anOrganizationWithAHistory() {
        organization = OUT.organization("Coop surveillée");
        OUT.setUp("POST", "/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 500,
                "unit", "kWh", "date", "2024-02-01"));
        viewer = OUT.person("viewer");
        OUT.setUp("POST", "/api/organizations/" + organization + "/members", Map.of("userId", viewer.id(), "role", "viewer"));
        editor = OUT.person("editor");
        OUT.setUp("POST", "/api/organizations/" + organization + "/members", Map.of("userId", editor.id(), "role", "editor"));
        long network = Outsider.id(OUT.setUp("POST", "/api/networks", Map.of("name", "Pôle")));
        OUT.setUp("POST", "/api/networks/" + network + "/members", Map.of("organizationId", organization, "sharing", "detailed"));
        coordinator = OUT.person("coordinator");
        OUT.setUp("POST", "/api/networks/" + network + "/coordinators", Map.of("userId", coordinator.id()));
    }

    private static List<String> addresses() {
        String api = "/api/organizations/" + organization + "/audit";
        String page = "/organizations/" + organization + "/audit";
        return List.of(api, api + "/", api + ";x=1", api + "?limit=5", page, page + "/", page + ";x=1",
                "/api/organizations/+" + organization + "/audit", "/organizations/%2B" + organization + "/audit/");
    }

    @Test
    void readersOfAnOrganizationDoNotReadItsHistory() {
        for (Outsider.Person reader : List.of(viewer, coordinator)) {
            for (String address : addresses()) {
                Outsider.Answer answer = OUT.call(reader.token(), "GET", address, null);
                assertThat(answer.status()).as(reader.email() + " " + address).isIn(403, 404);
                assertThat(answer.body()).doesNotContain("kWh").doesNotContain(editor.email());
            }
        }
    }

    @Test
    void itsEditorsDo() {
        for (String address : addresses().subList(0, 7)) {
            assertThat(OUT.call(editor.token(), "GET", address, null).status()).as(address).isEqualTo(200);
        }
    }
}
