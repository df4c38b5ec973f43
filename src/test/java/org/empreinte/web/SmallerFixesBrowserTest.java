package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Issue 14's smaller fixes as a person meets them: a target refused for a base year without data and not "on
 * track" with the base year alone; the history in words, in local time, within 1366 px; the factor page searched
 * and paged by its form, without JavaScript's help.
 */
@Tiers.Slow
class SmallerFixesBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void targetsNeedBaseYearDataAndALaterYearToBeJudged() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 10_000,
                "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        driver.get(url("/organizations/" + organization + "/targets"));
        driver.findElement(By.id("baseYear")).sendKeys("2019");
        driver.findElement(By.id("targetYear")).sendKeys("2030");
        driver.findElement(By.id("preset-sbti_1_5c")).click();
        clickAndLoad(By.id("target-submit"));
        assertThat(driver.findElement(By.id("error-baseYear")).getText()).startsWith("Aucune activité en 2019");
        assertThat(api.list("/api/organizations/" + organization + "/targets")).isEmpty();

        driver.findElement(By.id("baseYear")).clear();
        driver.findElement(By.id("baseYear")).sendKeys("2024");
        driver.findElement(By.id("preset-sbti_1_5c")).click();
        clickAndLoad(By.id("target-submit"));
        assertThat(driver.findElement(By.cssSelector("[id^=target-status-]")).getText())
                .startsWith("Seule l'année de référence 2024 a des données");
        assertThat(driver.findElement(By.cssSelector("[id^=target-delete-]")).getAttribute("class")).isEqualTo("danger");
        assertThat(driver.findElement(By.cssSelector("[id^=chart-target-] svg text.axis-unit")).getText()).isEqualTo("kg éq. CO₂");

        // A bill of January 2025 alone: a later year, but not one to judge by.
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 500,
                "unit", "kWh", "periodStart", "2025-01-01", "periodEnd", "2025-01-31"));
        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector("[id^=target-status-]")).getText())
                .startsWith("Pas encore de suivi : 2025 n'a des données que dans 1 mois sur 12");
        assertThat(driver.findElements(By.cssSelector("[id^=target-needed-]"))).isEmpty();
    }

    @Test
    void theHistorySaysWhatChangedInWordsAndLocalTime() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        long id = ((Number) api.created(activities, Map.of("type", "electricity", "quantity", 12_000, "unit", "kWh",
                "periodStart", "2024-01-01", "periodEnd", "2024-01-31")).get("id")).longValue();
        try (var response = api.request(activities + "/" + id).put(Entity.json(Map.of("type", "electricity", "quantity", 15_000,
                "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-01-31")))) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
        driver.get(url("/organizations/" + organization + "/audit"));
        String history = driver.findElement(By.id("audit")).getText().replaceAll("[\\u00a0\\u202f]", " ");
        assertThat(history).contains("Activité — modification", "quantité : 12 000 → 15 000").doesNotContain("{\"", "\":");
        assertThat(history).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}");
        assertThat(scrollWidth()).isLessThanOrEqualTo(1366L);
        Chromium.screenshots(driver, "audit");
        assertThat(scrollWidth()).isLessThanOrEqualTo(1366L);
        driver.get(url("/organizations/" + organization + "/audit?lang=en"));
        assertThat(driver.findElement(By.id("audit")).getText().replaceAll("[\\u00a0\\u202f]", " "))
                .contains("quantity: 12,000 → 15,000");
    }

    @Test
    void theFactorPageIsSearchedAndPagedByItsForm() {
        driver.get(url("/emission-factors"));
        String count = driver.findElement(By.id("factor-count")).getText();
        assertThat(count).startsWith("Facteurs 1 à 50 sur ");
        assertThat(driver.findElements(By.cssSelector("#factor-table tbody tr"))).hasSize(50);
        clickAndLoad(By.id("factors-next"));
        assertThat(driver.findElement(By.id("factor-count")).getText()).startsWith("Facteurs 51 à 100 sur ");

        driver.findElement(By.id("q")).clear();
        driver.findElement(By.id("q")).sendKeys("gaz naturel quebec");
        clickAndLoad(By.id("factor-search-submit"));
        // Accents aside, every word: the Québec natural gas factor (its French label says all three), named by its
        // label; its id waits behind "Source".
        assertThat(driver.findElement(By.id("factor-table")).getText())
                .contains("Gaz naturel brûlé (résidentiel, commercial, institutionnel) — Québec")
                .doesNotContain("eccc-natural-gas-ca-qc");
        assertThat(driver.getCurrentUrl()).contains("q=gaz+naturel+quebec");
        assertThat(driver.findElements(By.id("factors-next"))).isEmpty();

        driver.get(url("/emission-factors?region=XX-ZZ"));
        assertThat(driver.findElement(By.id("error-region")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("factor-count")).getText()).isEqualTo("Aucun facteur ne correspond à cette recherche.");
        Chromium.screenshots(driver, "factors-refused");
    }

    private Long scrollWidth() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    }
}
