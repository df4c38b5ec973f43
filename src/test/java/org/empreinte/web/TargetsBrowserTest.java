package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.openqa.selenium.support.ui.Select;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A person sets an SBTi 1.5 °C target on the French targets page, sees its chart and status, then reads it in English;
 * estimates an action from a change of activity, then deletes it and the target.
 */
class TargetsBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void setsATargetWithAPresetAndSeesItsTrajectoryInFrenchAndEnglish() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        // eccc-electricity-ca-qc-2019, 0.0015 kg/kWh: 1,500 kg in 2019; eccc-electricity-ca-qc-2020 (the newest data year),
        // 0.0019 kg/kWh: 1,520 kg in 2023.
        for (Map.Entry<String, Integer> year : Map.of("2019", 1_000_000, "2023", 800_000).entrySet()) {
            api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity",
                    year.getValue(), "unit", "kWh", "periodStart", year.getKey() + "-01-01", "periodEnd", year.getKey() + "-12-31"));
        }
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization);
        clickAndLoad(By.id("targets-link"));
        assertThat(driver.findElement(By.id("targets-none")).getText()).startsWith("Aucune cible");

        driver.findElement(By.id("baseYear")).sendKeys("2019");
        driver.findElement(By.id("targetYear")).sendKeys("2030");
        driver.findElement(By.id("preset-sbti_1_5c")).click();
        // 4.2 % of 2019 a year for 11 years, written the French way.
        assertThat(driver.findElement(By.id("reductionPercent")).getAttribute("value")).isEqualTo("46,2");
        clickAndLoad(By.id("target-submit"));

        // 2023's line: 1,500 x (1 - 0.462 x 4/11) = 1,248 kg; 1,520 kg is above it.
        assertThat(1_500 * (1 - 0.462 * 4 / 11)).isLessThan(1_520);
        assertThat(driver.findElement(By.cssSelector("[id^=target-status-]")).getText()).isEqualTo("Pas en voie d'atteindre la cible");
        assertThat(driver.findElement(By.cssSelector(".target h2")).getText()).isEqualTo("Réduire de 46,2 % entre 2019 et 2030 (portées 1, 2, 3)");
        assertThat(driver.findElements(By.cssSelector("[id^=chart-target-] svg polyline.trajectory"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[id^=chart-target-] svg circle.actual"))).hasSize(2);

        clickAndLoad(By.id("lang-switch"));
        assertThat(driver.findElement(By.cssSelector("[id^=target-status-]")).getText()).isEqualTo("Not on track");
        assertThat(driver.findElement(By.cssSelector(".target h2")).getText()).isEqualTo("Reduce by 46.2 % from 2019 to 2030 (scopes 1, 2, 3)");
    }

    /**
     * DESNZ 2024: a gasoline car per km and its fuel's upstream per km ("WTT- cars (by size), Average car, Petrol, km":
     * 0.04599), and intercity rail per passenger-km.
     */
    private static final double CAR_KM = 0.1645 + 0.04599;
    private static final double TRAIN_KM = 0.03546;

    @Test
    void estimatesAnActionFromAChangeOfActivityThenDeletesIt() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        for (String year : new String[] {"2019", "2023"}) {
            api.created("/api/organizations/" + organization + "/activities", Map.of("type", "car", "quantity", 30_000,
                    "unit", "km", "periodStart", year + "-01-01", "periodEnd", year + "-12-31",
                    "attributes", Map.of("fuel", "gasoline")));
        }
        api.created("/api/organizations/" + organization + "/targets", Map.of("baseYear", 2019, "targetYear", 2030,
                "preset", "sbti_1_5c", "scopes", java.util.List.of(1, 2, 3)));
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "/targets");

        driver.findElement(By.id("estimate-title")).sendKeys("Remplacer 20 000 km en voiture (essence) par le train");
        driver.findElement(By.id("estimate-startYear")).sendKeys("2025");
        choose("change.from.type", "car");
        driver.findElement(By.id("change.from.quantity")).sendKeys("20 000");
        choose("change.from.unit", "km");
        // A plug-in hybrid's kWh charged show with that fuel only.
        choose("change.from.fuel", "plugin_hybrid");
        assertThat(driver.findElement(By.id("change.from.chargedKwh")).isDisplayed()).isTrue();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                driver.findElement(By.id("change.from.chargedKwh")));
        Chromium.screenshots(driver, "plugin-hybrid-charged-kwh");
        choose("change.from.fuel", "gasoline");
        assertThat(driver.findElement(By.id("change.from.chargedKwh")).isDisplayed()).isFalse();
        choose("change.to.type", "train");
        driver.findElement(By.id("change.to.quantity")).sendKeys("20 000");
        choose("change.to.unit", "km");
        choose("change.to.trainKind", "intercity");
        // Only the chosen type's fields show: the train's kind, not the bus's, on the 'to' side.
        assertThat(driver.findElement(By.id("change.to.busKind")).isDisplayed()).isFalse();
        clickAndLoad(By.id("estimate-submit"));

        // Before 20,000 x (0.1645 + 0.04599) = 4,209.8 kg; after 20,000 x 0.03546 = 709.2 kg; 3,500.6 kg less a year.
        assertThat(20_000 * CAR_KM).isCloseTo(4_209.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(20_000 * TRAIN_KM).isCloseTo(709.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(20_000 * (CAR_KM - TRAIN_KM)).isCloseTo(3_500.6, org.assertj.core.api.Assertions.within(1e-9));
        String expected = "Avant : 4 209,8 kg éq. CO₂ (facteur desnz-2024-car-gasoline) ; après : 709,2 kg éq. CO₂"
                + " (facteur desnz-2024-train-intercity) ; réduction annuelle estimée : 3 500,6 kg éq. CO₂.";
        assertThat(text(By.id("action-added"))).isEqualTo("Action ajoutée : Remplacer 20 000 km en voiture (essence) par le"
                + " train. " + expected);
        assertThat(text(By.cssSelector("[id^=action-estimate-]"))).isEqualTo(expected);
        assertThat(text(By.cssSelector("#action-table tbody tr"))).contains("Déplacements professionnels");

        clickAndLoad(By.id("lang-switch"));
        assertThat(text(By.id("estimate-heading"))).isEqualTo("Estimate from a change of activity");
        assertThat(text(By.cssSelector("[id^=action-estimate-]"))).endsWith("estimated yearly reduction: 3,500.6 kg CO₂e.");
        clickAndLoad(By.id("lang-switch"));

        // The deletion's page must have replaced this one before the table's absence means anything.
        navigate(() -> {
            driver.findElement(By.cssSelector("[id^=action-delete-]")).click();
            alert().accept();
        });
        assertThat(driver.findElements(By.id("action-table"))).isEmpty();
        assertThat(api.list("/api/organizations/" + organization + "/actions")).isEmpty();

        navigate(() -> {
            driver.findElement(By.cssSelector("[id^=target-delete-]")).click();
            assertThat(alert().getText()).isEqualTo("Supprimer cette cible ?");
            alert().accept();
        });
        assertThat(text(By.id("targets-none"))).startsWith("Aucune cible");
    }

    @Test
    void aRefusedEstimateComesBackAsTypedWithTheErrorBesideItsField() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "/targets");
        driver.findElement(By.id("estimate-title")).sendKeys("Le train");
        driver.findElement(By.id("estimate-startYear")).sendKeys("2025");
        choose("change.from.type", "car");
        driver.findElement(By.id("change.from.quantity")).sendKeys("100");
        choose("change.from.fuel", "diesel");
        // As a page without its script would send it when the type changed: a unit of another type.
        ((JavascriptExecutor) driver).executeScript(
                "var u = document.getElementById('change.from.unit'); u.add(new Option('kWh', 'kWh')); u.value = 'kWh';");
        choose("change.to.type", "train");
        driver.findElement(By.id("change.to.quantity")).sendKeys("100");
        clickAndLoad(By.id("estimate-submit"));

        assertThat(text(By.id("error-change.from.unit"))).contains("kWh");
        assertThat(driver.findElement(By.id("error-change.from.unit")).findElement(By.xpath(".."))
                .findElement(By.tagName("select")).getAttribute("id")).isEqualTo("change.from.unit");
        assertThat(driver.findElement(By.id("estimate-title")).getAttribute("value")).isEqualTo("Le train");
        assertThat(driver.findElement(By.id("change.from.quantity")).getAttribute("value")).isEqualTo("100");
        assertThat(new Select(driver.findElement(By.id("change.from.fuel"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("diesel");
        assertThat(new Select(driver.findElement(By.id("change.to.type"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("train");
        assertThat(api.list("/api/organizations/" + organization + "/actions")).isEmpty();
    }

    private void choose(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    /** The text with French number spacing (no-break spaces) as plain spaces. */
    private String text(By by) {
        return driver.findElement(by).getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }
}
