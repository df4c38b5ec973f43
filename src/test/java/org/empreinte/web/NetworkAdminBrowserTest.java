package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * An administrator runs a network from its pages: creates it, invites two organizations, names a coordinator and
 * sets then changes its target; the empty network says it has no members rather than that all have reported.
 */
@Tiers.Slow
class NetworkAdminBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void anAdministratorCreatesANetworkInvitesTwoOrganizationsAndNamesACoordinatorInFrench() {
        ApiCalls api = new ApiCalls(APP);
        api.created("/api/organizations", Map.of("name", "Coop du Marché", "sector", "445110", "region", "CA-QC", "employees", 9));
        api.created("/api/organizations", Map.of("name", "CPE Les Lucioles", "sector", "624410", "region", "CA-QC", "employees", 14));
        api.created("/api/users", Map.of("email", "pole@example.org", "name", "Coordination du pôle"));

        driver.get(url("/?lang=fr"));
        clickAndLoad(By.id("nav-networks"));
        driver.findElement(By.id("name")).sendKeys("Pôle Estrie");
        clickAndLoad(By.id("network-submit"));
        assertThat(driver.findElement(By.id("network-not-sharing")).getText())
                .isEqualTo("Ce réseau n'a encore aucun membre : invitez des organisations.");
        assertThat(driver.findElement(By.id("network-reporting")).getText())
                .isEqualTo("Aucun membre ne partage encore son bilan avec le réseau.");
        assertThat(driver.findElements(By.id("network-all-reported"))).isEmpty();
        assertThat(driver.findElement(By.id("network-members-summary")).getText())
                .isEqualTo("Ce réseau n'a encore aucun membre : invitez des organisations.");

        invite("Coop du Marché");
        assertThat(driver.findElement(By.id("network-manage-notice")).getText())
                .isEqualTo("Invitation envoyée : elle attend l'acceptation des éditeurs de l'organisation.");
        invite("CPE Les Lucioles");
        assertThat(driver.findElement(By.id("network-pending")).getText()).contains("Coop du Marché").contains("CPE Les Lucioles");

        driver.findElement(By.id("coordinator-email")).sendKeys("personne@example.org");
        clickAndLoad(By.id("network-coordinator-submit"));
        assertThat(driver.findElement(By.id("error-coordinator-email")).getText())
                .isEqualTo("Utilisateur inconnu : personne@example.org.");
        WebElement email = driver.findElement(By.id("coordinator-email"));
        email.clear();
        email.sendKeys("pole@example.org");
        clickAndLoad(By.id("network-coordinator-submit"));
        assertThat(driver.findElement(By.id("network-coordinators")).getText()).contains("Coordination du pôle");

        type("target-base-year", "2024");
        type("target-target-year", "2030");
        type("target-reduction", "30");
        clickAndLoad(By.id("network-target-submit"));
        assertThat(driver.findElement(By.id("network-target-now")).getText())
                .isEqualTo("Cible actuelle : −30 % entre 2024 et 2030, portées 1, 2, 3.");
        type("target-reduction", "42,5");
        driver.findElement(By.id("target-scope-3")).click();
        clickAndLoad(By.id("network-target-submit"));
        assertThat(driver.findElement(By.id("network-target-now")).getText())
                .isEqualTo("Cible actuelle : −42,5 % entre 2024 et 2030, portées 1, 2.");
        Chromium.screenshots(driver, "network-manage");
        driver.get(url("/networks"));
        assertThat(driver.findElement(By.id("networks")).getText()).contains("Pôle Estrie (aucun membre)");
    }

    @Test
    void anAdministratorRunsANetworkInEnglish() {
        ApiCalls api = new ApiCalls(APP);
        api.created("/api/organizations", Map.of("name", "Bike Co-op", "sector", "445110", "region", "CA-QC", "employees", 4));
        api.created("/api/organizations", Map.of("name", "Food Bank", "sector", "624210", "region", "CA-QC", "employees", 7));
        api.created("/api/users", Map.of("email", "hub@example.org", "name", "Hub coordinator"));

        driver.get(url("/networks?lang=en"));
        driver.findElement(By.id("name")).sendKeys("Eastern Townships hub");
        clickAndLoad(By.id("network-submit"));
        assertThat(driver.findElement(By.id("network-not-sharing")).getText())
                .isEqualTo("This network has no members yet: invite organizations.");
        invite("Bike Co-op");
        invite("Food Bank");
        assertThat(driver.findElement(By.id("network-pending")).getText()).contains("Bike Co-op").contains("Food Bank");
        driver.findElement(By.id("coordinator-email")).sendKeys("hub@example.org");
        clickAndLoad(By.id("network-coordinator-submit"));
        assertThat(driver.findElement(By.id("network-manage-notice")).getText()).isEqualTo("Coordinator named.");
        assertThat(driver.findElement(By.id("network-coordinators")).getText()).contains("Hub coordinator");
        type("target-base-year", "2030");
        type("target-target-year", "2024");
        type("target-reduction", "30");
        clickAndLoad(By.id("network-target-submit"));
        assertThat(driver.findElement(By.id("error-target-target-year")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("network-target-now")).getText()).isEqualTo("No target for now.");
    }

    private void invite(String organization) {
        new Select(driver.findElement(By.id("invite-organization"))).selectByVisibleText(organization);
        clickAndLoad(By.id("network-invite-submit"));
    }

    private void type(String id, String value) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }
}
