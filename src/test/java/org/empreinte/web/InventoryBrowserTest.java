package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A member submits its year from its pages, and the network's coordinator sees it move from "not submitted" to
 * reporting; the member then adds a bill and its year's page says what changed since. Québec's electricity at
 * eccc-electricity-ca-qc-2020 = 0.0019 kg CO2e/kWh.
 */
class InventoryBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void aMemberSubmitsItsYearAndTheCoordinatorSeesItChangeState() {
        ApiCalls api = new ApiCalls(APP);
        long organization = ((Number) api.created("/api/organizations", Map.of("name", "CPE Les Lucioles", "sector", "624410",
                "region", "CA-QC", "employees", 12)).get("id")).longValue();
        // 100,000 kWh: 190 kg.
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 100_000,
                "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        long network = ((Number) api.created("/api/networks", Map.of("name", "Pôle de Lanaudière")).get("id")).longValue();
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", organization, "sharing", "aggregate"));

        driver.get(url("/networks/" + network + "?year=2024"));
        assertThat(driver.findElement(By.id("network-not-reported")).getText()).contains("CPE Les Lucioles");
        assertThat(driver.findElement(By.id("network-reporting")).getText()).isEqualTo("Aucun membre n'a encore déclaré son bilan 2024 (membres qui partagent : 1).");

        // The network's campaign for 2024: the member's page says what to do and by when.
        api.created("/api/networks/" + network + "/campaigns", Map.of("year", 2024, "dueDate", "2099-03-31"));
        driver.get(url("/organizations/" + organization + "?year=2024"));
        assertThat(driver.findElement(By.className("campaign-link")).getText())
                .isEqualTo("Pôle de Lanaudière : bilan 2024 à soumettre au plus tard le 2099-03-31.");
        assertThat(driver.findElement(By.id("inventory-line")).getText()).startsWith("Bilan 2024 : pas encore soumis.");
        clickAndLoad(By.id("inventory-link"));
        assertThat(driver.findElement(By.id("inventory-state")).getAttribute("data-state")).isEqualTo("open");
        Chromium.screenshots(driver, "inventory-open");
        clickAndLoad(By.id("inventory-submit"));
        assertThat(driver.findElement(By.id("inventory-notice")).getText()).isEqualTo("Bilan 2024 soumis.");
        assertThat(driver.findElement(By.id("inventory-state")).getAttribute("data-state")).isEqualTo("submitted");
        assertThat(driver.findElement(By.id("inventory-submitted-total")).getText()).isEqualTo("Chiffres soumis : 190 kg éq. CO₂.");
        assertThat(driver.findElement(By.id("inventory-since")).getText()).isEqualTo("Rien n'a changé depuis la soumission.");

        driver.get(url("/organizations/" + organization + "?year=2024"));
        assertThat(driver.findElement(By.className("campaign-link")).getText())
                .isEqualTo("Pôle de Lanaudière : bilan 2024 soumis, merci.");

        // The coordinator's page: reporting now, no longer listed as missing.
        driver.get(url("/networks/" + network + "?year=2024"));
        assertThat(driver.findElement(By.id("network-reporting")).getText()).isEqualTo("1 membre sur 1 a déclaré son bilan 2024.");
        assertThat(driver.findElement(By.id("network-not-reported")).getText()).doesNotContain("CPE Les Lucioles");

        // A bill added after submitting: the year's page says what changed; 5,000 kWh is 9.5 kg.
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 5_000,
                "unit", "kWh", "periodStart", "2024-12-01", "periodEnd", "2024-12-31"));
        driver.get(url("/organizations/" + organization + "/inventories/2024"));
        assertThat(driver.findElement(By.id("inventory-since")).getText())
                .isEqualTo("Depuis la soumission : +9,5 kg éq. CO₂ ; 1 activité ajoutée.");
        Chromium.screenshots(driver, "inventory-submitted");

        // Reopened with a reason, in English.
        clickAndLoad(By.id("lang-switch"));
        driver.findElement(By.id("comment")).sendKeys("Missing December bill");
        clickAndLoad(By.id("inventory-reopen"));
        assertThat(driver.findElement(By.id("inventory-notice")).getText()).isEqualTo("2024 inventory reopened.");
        assertThat(driver.findElement(By.id("inventory-state")).getText())
                .endsWith("version 1 stays what your networks read until the next submission.");
        assertThat(driver.findElement(By.id("inventory-comment")).getText()).isEqualTo("Comment: Missing December bill");
        Chromium.screenshots(driver, "inventory-reopened");
    }
}
