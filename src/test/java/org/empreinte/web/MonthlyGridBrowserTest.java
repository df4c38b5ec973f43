package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A person types a year of electricity bills into the monthly grid in French, from the organization's page, and reads
 * the year's footprint; a month typed wrong comes back beside its input, named, with nothing stored.
 */
class MonthlyGridBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /** A year of a meter as a person types it from the bills: 9,907.125 kWh in all. */
    private static final List<String> TYPED = List.of("1 200,5", "1 100", "980,25", "870", "640,5", "512",
            "498", "505,75", "610", "790", "1 020", "1 180,125");

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void fillsTwelveMonthsInFrenchAndReadsTheFootprint() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        driver.get(url("/organizations/" + organization + "?year=2024"));
        clickAndLoad(By.id("grid-link"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Grille mensuelle 2024");
        assertThat(new Select(driver.findElement(By.id("type"))).getFirstSelectedOption().getText()).isEqualTo("Électricité");
        // The unit list follows the type, as on the single-bill form.
        new Select(driver.findElement(By.id("type"))).selectByValue("natural_gas");
        assertThat(new Select(driver.findElement(By.id("unit"))).getOptions()).extracting(WebElement::getText).contains("m³");
        new Select(driver.findElement(By.id("type"))).selectByValue("electricity");
        new Select(driver.findElement(By.id("unit"))).selectByValue("kWh");
        assertThat(driver.findElement(By.cssSelector("label[for=month1]")).getText()).isEqualTo("Janvier");
        assertThat(driver.findElement(By.cssSelector("label[for=month12]")).getText()).isEqualTo("Décembre");

        // A typo first: April's value is refused beside April, and nothing is stored.
        for (int month = 1; month <= 12; month++) {
            driver.findElement(By.id("month" + month)).sendKeys(month == 4 ? "87O" : TYPED.get(month - 1));
        }
        clickAndLoad(By.id("grid-submit"));
        assertThat(driver.findElement(By.id("error-month4")).getText()).isEqualTo("Avril : Un nombre est attendu.");
        assertThat(driver.findElement(By.id("month1")).getAttribute("value")).isEqualTo("1 200,5");
        assertThat(api.list("/api/organizations/" + organization + "/activities")).isEmpty();

        WebElement april = driver.findElement(By.id("month4"));
        april.clear();
        april.sendKeys(TYPED.get(3));
        Chromium.screenshots(driver, "grid");
        driver.manage().window().setSize(new Dimension(390, 900));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than a phone").isLessThanOrEqualTo(390);
        assertThat(driver.findElement(By.id("month2")).getLocation().getY())
                .as("two months side by side on a phone").isEqualTo(driver.findElement(By.id("month1")).getLocation().getY());
        driver.manage().window().setSize(new Dimension(1366, 900));
        clickAndLoad(By.id("grid-submit"));

        assertThat(driver.getCurrentUrl()).endsWith("/organizations/" + organization + "?year=2024&saved=12");
        assertThat(driver.findElement(By.id("saved-notice")).getText()).isEqualTo("12 factures enregistrées.");
        // 9,907.125 kWh x 0.0019 kg CO2e/kWh (eccc-electricity-ca-qc-2020) = 18.8235375 kg: under a tonne, in kg.
        assertThat(driver.findElement(By.id("footprint-total")).getText()).isEqualTo("19 kg éq. CO₂");
        assertThat(driver.findElement(By.id("footprint-total")).findElement(By.xpath("..")).getText())
                .contains("18,8 kg éq. CO₂").contains("12");
        assertThat(driver.findElement(By.id("grid-link")).isDisplayed()).isTrue();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('activities').scrollIntoView()");
        Chromium.screenshots(driver, "grid-saved");
    }
}
