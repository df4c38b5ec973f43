package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/** A colleague invited by a co-op's editor finds the invitation on "Mon compte", accepts it and opens the co-op. */
class InvitationBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final String PASSWORD = "lanterne verte sous la pluie";

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Override
    protected boolean signsInFirst() {
        return false;
    }

    @Test
    void theInvitedColleagueAcceptsOnTheAccountPage() {
        ApiCalls api = new ApiCalls(APP);
        long editor = ((Number) api.created("/api/users", Map.of("email", "coordonnatrice@example.org", "name",
                "Coordonnatrice")).get("id")).longValue();
        String token = (String) api.created("/api/users/" + editor + "/tokens", Map.of("label", "essai")).get("token");
        long coop;
        try (Response created = api.request("/api/organizations").header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("name", "Coop La Remise", "sector", "624410", "region", "CA-QC", "employees", 6)))) {
            coop = ((Number) created.readEntity(ApiCalls.JSON).get("id")).longValue();
        }
        api.created("/api/users", Map.of("email", "collegue@example.org", "name", "Collègue", "password", PASSWORD));
        try (Response invited = api.request("/api/organizations/" + coop + "/members").header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("email", "collegue@example.org", "role", "editor")))) {
            assertThat(invited.getStatus()).isEqualTo(202);
        }

        Chromium.signIn(driver, APP.getLocalPort(), "collegue@example.org", PASSWORD);
        driver.get(url("/account"));
        assertThat(driver.findElement(By.id("invitations")).getText())
                .contains("« Coop La Remise » vous invite à vous joindre à son équipe, comme éditeur.");
        Chromium.screenshots(driver, "account-invitation");
        clickAndLoad(By.cssSelector("#invitations button[id^='invitation-accept-']"));

        waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/organizations/" + coop + "$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Coop La Remise");
        driver.get(url("/account"));
        assertThat(driver.findElements(By.id("invitations"))).isEmpty();
    }
}
