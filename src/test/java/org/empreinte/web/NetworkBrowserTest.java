package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;

import org.openqa.selenium.support.ui.Select;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/** A member changes its consent on the French consent page; the coordinator's dashboard changes with it. */
class NetworkBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void consentChangedOnThePageChangesTheDashboardAtOnce() {
        ApiCalls api = new ApiCalls(APP);
        long network = ((Number) api.created("/api/networks", Map.of("name", "Pôle Montérégie")).get("id")).longValue();
        long sharing = api.organization();
        long alsoSharing = api.organization();
        long withholding = api.organization();
        // eccc-electricity-ca-qc-2020 (the newest data year): 10,000 kWh x 0.0019 = 19 kg; 60,000 kWh, 114 kg;
        // 100,000 kWh, 190 kg. Each submits its 2024 inventory.
        int[] kwh = {10_000, 60_000, 100_000};
        long[] members = {sharing, alsoSharing, withholding};
        for (int i = 0; i < members.length; i++) {
            api.created("/api/organizations/" + members[i] + "/activities", Map.of("type", "electricity", "quantity", kwh[i],
                    "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
            api.request("/api/organizations/" + members[i] + "/inventories/2024/submit")
                    .post(jakarta.ws.rs.client.Entity.json(Map.of())).close();
        }
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", sharing, "sharing", "aggregate"));
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", alsoSharing, "sharing", "aggregate"));
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", withholding, "sharing", "none"));
        // The coordinator of the pole, and the editor of the member that shares nothing yet.
        long coordinator = ((Number) api.created("/api/users", Map.of("email", "coordination@example.org", "name",
                "Coordination", "password", "mot de passe de la coordination")).get("id")).longValue();
        api.created("/api/networks/" + network + "/coordinators", Map.of("userId", coordinator));
        long editor = ((Number) api.created("/api/users", Map.of("email", "membre@example.org", "name", "Membre",
                "password", "mot de passe du membre")).get("id")).longValue();
        api.created("/api/organizations/" + withholding + "/members", Map.of("userId", editor, "role", "editor"));
        Chromium.signIn(driver, APP.getLocalPort(), "coordination@example.org", "mot de passe de la coordination");

        String dashboard = "http://localhost:" + APP.getLocalPort() + "/networks/" + network + "?year=2024";
        driver.get(dashboard);
        // Two members' figures: fewer than 3, hidden, and the page says why.
        assertThat(driver.findElements(By.id("network-total"))).isEmpty();
        assertThat(driver.findElement(By.id("network-total-hidden")).getText())
                .isEqualTo("Total masqué : moins de 3 membres qui partagent ont soumis leur bilan 2024.");
        assertThat(driver.findElement(By.id("network-reporting")).getText())
                .isEqualTo("2 membres sur 2 ont déclaré leur bilan 2024.");
        assertThat(driver.findElement(By.id("network-not-sharing")).getText()).isEqualTo("1 membre sur 3 ne partage rien avec le réseau : compté, jamais nommé.");

        // The coordinator cannot open the members' own pages: they share no details.
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + withholding);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("404");

        // The member that shared nothing finds its networks from its own page and shares its aggregate.
        Chromium.signIn(driver, APP.getLocalPort(), "membre@example.org", "mot de passe du membre");
        driver.get(dashboard);
        assertThat(driver.findElements(By.id("network-total"))).as("the member does not see the dashboard").isEmpty();
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + withholding);
        clickAndLoad(By.id("networks-link"));
        assertThat(driver.findElement(By.id("consent-networks")).getText()).contains("Pôle Montérégie");
        new Select(driver.findElement(By.id("sharing-" + network))).selectByValue("aggregate");
        clickAndLoad(By.id("consent-submit-" + network));
        assertThat(driver.findElement(By.id("consent-notice")).getText()).contains("dès maintenant");
        assertThat(new Select(driver.findElement(By.id("sharing-" + network))).getFirstSelectedOption().getText())
                .isEqualTo("Agrégé seulement");

        // 19 + 114 + 190 = 323 kg, three members sharing their submissions: what the coordinator sees at once.
        Chromium.signIn(driver, APP.getLocalPort(), "coordination@example.org", "mot de passe de la coordination");
        driver.get(dashboard);
        assertThat(driver.findElement(By.id("network-total")).getText()).isEqualTo("323");
        assertThat(driver.findElement(By.id("network-reporting")).getText())
                .isEqualTo("3 membres sur 3 ont déclaré leur bilan 2024.");
        // 30 FTE each: 0.63, 3.8 and 6.3 kg per FTE; the median alone below 10 members, no quartile chart.
        assertThat(driver.findElement(By.id("network-distribution")).getText()).contains("médiane 3,8 kg éq. CO₂ (3 membres");
        assertThat(driver.findElements(By.cssSelector("#chart-distribution svg"))).isEmpty();
        // Neither member shares its detail: no per-member table.
        assertThat(driver.findElements(By.id("network-members"))).isEmpty();
    }

    /**
     * A coordinator invites an organization; on the consent page its editor sees the invitation, with
     * nothing shared chosen first, picks what to share and accepts.
     */
    @Test
    void anInvitationIsAcceptedOnTheConsentPageWithTheSharingChosen() throws Exception {
        ApiCalls api = new ApiCalls(APP);
        long network = ((Number) api.created("/api/networks", Map.of("name", "Réseau des CPE")).get("id")).longValue();
        long organization = api.organization();
        long coordinator = ((Number) api.created("/api/users", Map.of("email", "invitante@example.org", "name",
                "Invitante")).get("id")).longValue();
        api.created("/api/networks/" + network + "/coordinators", Map.of("userId", coordinator));
        String token = (String) api.created("/api/users/" + coordinator + "/tokens", Map.of("label", "essai")).get("token");
        try (var response = api.request("/api/networks/" + network + "/members")
                .header("Authorization", "Bearer " + token)
                .post(jakarta.ws.rs.client.Entity.json(Map.of("organizationId", organization)))) {
            assertThat(response.getStatus()).isEqualTo(202);
        }

        driver.get(url("/organizations/" + organization + "/networks"));
        assertThat(driver.findElement(By.id("consent-invitations-title")).getText()).isEqualTo("Invitations à rejoindre un réseau");
        assertThat(driver.findElement(By.id("invitation-" + network)).getText()).contains("Réseau des CPE");
        Select sharing = new Select(driver.findElement(By.id("invitation-sharing-" + network)));
        assertThat(sharing.getFirstSelectedOption().getText()).isEqualTo("Rien");
        Chromium.screenshots(driver, "consent-invitation");
        sharing.selectByValue("aggregate");
        clickAndLoad(By.id("invitation-accept-" + network));

        assertThat(driver.findElement(By.id("consent-notice")).getText()).startsWith("Votre organisation a rejoint le réseau");
        assertThat(driver.findElements(By.id("consent-invitations-title"))).isEmpty();
        assertThat(new Select(driver.findElement(By.id("sharing-" + network))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("aggregate");
    }
}
