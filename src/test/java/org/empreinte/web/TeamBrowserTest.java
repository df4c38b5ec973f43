package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A co-op's editor invites a colleague from the team page; the colleague, who has no account, opens the one-time
 * link, chooses her password and arrives signed in on the co-op. In French, then in English.
 */
@Tiers.Slow
class TeamBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final String EDITOR_PASSWORD = "grenier de la rue Rachel";

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Override
    protected boolean signsInFirst() {
        return false;
    }

    @Test
    void anEditorInvitesAColleagueWhoSetsHerPasswordThroughTheLinkInFrench() {
        long coop = coopWithEditor("coordonnatrice@example.org", "Coop La Remise");
        Chromium.signIn(driver, APP.getLocalPort(), "coordonnatrice@example.org", EDITOR_PASSWORD);
        driver.get(url("/organizations/" + coop + "?lang=fr"));
        // An editor who coordinates no network is not offered the networks in the menu.
        assertThat(driver.findElements(By.id("nav-networks"))).isEmpty();
        clickAndLoad(By.id("team-link"));
        assertThat(driver.findElement(By.id("team-title")).getText()).isEqualTo("Coop La Remise — équipe");
        assertThat(driver.findElement(By.id("team-no-invitations")).getText()).isEqualTo("Aucune invitation en attente.");
        driver.findElement(By.id("invite-email")).sendKeys("collegue@example.org");
        new Select(driver.findElement(By.id("invite-role"))).selectByValue("editor");
        clickAndLoad(By.id("team-invite-submit"));
        String link = driver.findElement(By.id("team-link-url")).getAttribute("href");
        assertThat(link).startsWith(url("/invitations/"));
        assertThat(driver.findElement(By.id("team-invitations")).getText()).contains("collegue@example.org").contains("Éditeur");
        Chromium.screenshots(driver, "team-invited");

        driver.manage().deleteAllCookies();
        driver.get(link);
        assertThat(driver.findElement(By.id("invitation-text")).getText())
                .isEqualTo("« Coop La Remise » vous invite à rejoindre son équipe, comme éditeur.");
        Chromium.screenshots(driver, "invitation-link");
        driver.findElement(By.id("invitation-name")).sendKeys("Collègue");
        driver.findElement(By.id("invitation-password")).sendKeys("motdepasse1234");
        clickAndLoad(By.id("invitation-submit"));
        // The password rules of the account page hold here too: easy to guess, refused, nothing created.
        assertThat(driver.findElement(By.id("error-invitation-password")).getText()).contains("trop facile à deviner");
        driver.findElement(By.id("invitation-password")).sendKeys("les hérons du canal Lachine");
        clickAndLoad(By.id("invitation-submit"));

        waiting().until(ExpectedConditions.urlMatches("/organizations/" + coop + "$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Coop La Remise");
        assertThat(driver.findElement(By.id("account-link")).getText()).isEqualTo("Collègue");
        // Used once: the same link no longer opens anything.
        driver.manage().deleteAllCookies();
        driver.get(link);
        assertThat(driver.findElement(By.id("invitation-gone")).getText()).startsWith("Ce lien d'invitation ne fonctionne pas");
        // She signs in again with the password she chose and finds the co-op among hers.
        Chromium.signIn(driver, APP.getLocalPort(), "collegue@example.org", "les hérons du canal Lachine");
        driver.get(url("/organizations/" + coop + "/team"));
        assertThat(driver.findElement(By.id("team-members")).getText()).contains("Collègue").contains("Coordonnatrice");
        Chromium.screenshots(driver, "team");

        // On a phone the menu folds behind its button, which says whether it is open.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
        driver.get(url("/organizations/" + coop + "/team"));
        assertThat(driver.findElement(By.id("nav-factors")).isDisplayed()).isFalse();
        driver.findElement(By.id("nav-toggle")).click();
        assertThat(driver.findElement(By.id("nav-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(driver.findElement(By.id("logout")).isDisplayed()).isTrue();
        Chromium.screenshots(driver, "menu-open");
    }

    @Test
    void anEditorInvitesAColleagueInEnglishAndCannotRemoveTheLastEditor() {
        long coop = coopWithEditor("manager@example.org", "Green Bikes Co-op");
        Chromium.signIn(driver, APP.getLocalPort(), "manager@example.org", EDITOR_PASSWORD);
        driver.get(url("/organizations/" + coop + "/team?lang=en"));
        assertThat(driver.findElement(By.id("team-title")).getText()).isEqualTo("Green Bikes Co-op — team");
        long me = meId("manager@example.org");
        navigate(() -> {
            driver.findElement(By.id("team-remove-" + me)).click();
            assertThat(alert().getText()).isEqualTo("Remove this person from the team?");
            alert().accept();
        });
        assertThat(driver.findElement(By.id("team-error")).getText())
                .isEqualTo("The organization must keep at least one editor: make someone else an editor first.");

        driver.findElement(By.id("invite-email")).sendKeys("bookkeeper@example.org");
        clickAndLoad(By.id("team-invite-submit"));
        String link = driver.findElement(By.id("team-link-url")).getAttribute("href");
        assertThat(driver.findElement(By.id("team-link-title")).getText()).isEqualTo("Invitation link");

        driver.manage().deleteAllCookies();
        driver.get(link + "?lang=en");
        assertThat(driver.findElement(By.id("invitation-text")).getText())
                .isEqualTo("\"Green Bikes Co-op\" invites you to join its team, as viewer.");
        driver.findElement(By.id("invitation-name")).sendKeys("Bookkeeper");
        driver.findElement(By.id("invitation-password")).sendKeys("ledger by the lachine canal");
        clickAndLoad(By.id("invitation-submit"));
        waiting().until(ExpectedConditions.urlMatches("/organizations/" + coop + "$"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Green Bikes Co-op");
        // A viewer: the team page is for editors.
        driver.get(url("/organizations/" + coop + "/team"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("403");
    }

    /** A person with a password who creates the co-op, and so is its editor; the co-op's id. */
    private long coopWithEditor(String email, String name) {
        ApiCalls api = new ApiCalls(APP);
        long editor = ((Number) api.created("/api/users", Map.of("email", email, "name",
                email.startsWith("coord") ? "Coordonnatrice" : "Manager", "password", EDITOR_PASSWORD)).get("id")).longValue();
        String token = (String) api.created("/api/users/" + editor + "/tokens", Map.of("label", "essai")).get("token");
        try (Response created = api.request("/api/organizations").header("Authorization", "Bearer " + token)
                .post(Entity.json(Map.of("name", name, "sector", "624410", "region", "CA-QC", "employees", 6)))) {
            return ((Number) created.readEntity(ApiCalls.JSON).get("id")).longValue();
        }
    }

    private long meId(String email) {
        return new ApiCalls(APP).list("/api/users").stream().filter(u -> email.equals(u.get("email")))
                .mapToLong(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
    }
}
