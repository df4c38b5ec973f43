package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/** A person sets an SBTi 1.5 °C target on the French targets page, sees its chart and status, then reads it in English. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TargetsBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    private WebDriver driver;

    @BeforeAll
    static void requireChromium() {
        Chromium.require();
    }

    @BeforeEach
    void openBrowser() {
        driver = Chromium.open();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void setsATargetWithAPresetAndSeesItsTrajectoryInFrenchAndEnglish() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        // eccc-electricity-ca-qc-2018, 0.0017 kg/kWh: 1,700 kg in 2019, 1,360 kg in 2023.
        for (Map.Entry<String, Integer> year : Map.of("2019", 1_000_000, "2023", 800_000).entrySet()) {
            api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity",
                    year.getValue(), "unit", "kWh", "periodStart", year.getKey() + "-01-01", "periodEnd", year.getKey() + "-12-31"));
        }
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization);
        driver.findElement(By.id("targets-link")).click();
        assertThat(driver.findElement(By.id("targets-none")).getText()).startsWith("Aucune cible");

        driver.findElement(By.id("baseYear")).sendKeys("2019");
        driver.findElement(By.id("targetYear")).sendKeys("2030");
        driver.findElement(By.id("preset-sbti_1_5c")).click();
        // 4.2 % of 2019 a year for 11 years, written the French way.
        assertThat(driver.findElement(By.id("reductionPercent")).getAttribute("value")).isEqualTo("46,2");
        driver.findElement(By.id("target-submit")).click();

        // 2023's line: 1,700 x (1 - 0.462 x 4/11) = 1,414.4 kg; 1,360 kg is under it.
        assertThat(1_700 * (1 - 0.462 * 4 / 11)).isGreaterThan(1_360);
        assertThat(driver.findElement(By.cssSelector("[id^=target-status-]")).getText()).isEqualTo("En voie d'atteindre la cible");
        assertThat(driver.findElement(By.cssSelector(".target h2")).getText()).isEqualTo("Réduire de 46,2 % entre 2019 et 2030 (portées 1, 2, 3)");
        assertThat(driver.findElements(By.cssSelector("[id^=chart-target-] svg polyline.trajectory"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("[id^=chart-target-] svg circle.actual"))).hasSize(2);

        driver.findElement(By.id("lang-switch")).click();
        assertThat(driver.findElement(By.cssSelector("[id^=target-status-]")).getText()).isEqualTo("On track");
        assertThat(driver.findElement(By.cssSelector(".target h2")).getText()).isEqualTo("Reduce by 46.2 % from 2019 to 2030 (scopes 1, 2, 3)");
    }
}
