package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A person in headless Chromium creates an organization, logs a natural-gas bill (first with
 * an error), and reads the footprint in French, then in English.
 */
class BrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void logsABillThroughTheFormAndReadsTheFootprintInFrenchAndEnglish() {
        driver.get(url("/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Organisations");

        driver.findElement(By.id("name")).sendKeys("CPE Navigateur");
        driver.findElement(By.id("sector")).sendKeys("624410");
        driver.findElement(By.id("employees")).sendKeys("12,5");
        clickAndLoad(By.cssSelector("#organization-form button[type=submit]"));

        assertThat(driver.findElement(By.id("organization-name")).getText()).isEqualTo("CPE Navigateur");
        assertThat(driver.getPageSource()).contains("12,5");

        clickAndLoad(By.id("log-bill"));
        new Select(driver.findElement(By.id("type"))).selectByValue("natural_gas");
        assertThat(new Select(driver.findElement(By.id("unit"))).getFirstSelectedOption().getText()).isEqualTo("m³");
        driver.findElement(By.id("quantity")).sendKeys("1 200");
        setDate("periodStart", "2024-03-10");
        setDate("periodEnd", "2024-02-10");
        clickAndLoad(By.id("submit"));

        // Refused: the error stands next to the field, and what was typed is still there.
        assertThat(driver.findElement(By.id("error-periodEnd")).getText()).isEqualTo("La fin précède le début.");
        assertThat(driver.findElement(By.id("quantity")).getAttribute("value")).isEqualTo("1 200");
        assertThat(new Select(driver.findElement(By.id("type"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("natural_gas");
        // The language switch of a refused form leads to the form's page, not to the address it was posted to.
        assertThat(driver.findElement(By.id("lang-switch")).getAttribute("href")).endsWith("/activities/new?lang=en");

        setDate("periodEnd", "2024-04-09");
        clickAndLoad(By.id("submit"));

        // 1,200 m³ × eccc-natural-gas-ca-qc (1.926 kg CO2 + 0.000037 kg CH4 × 28 + 0.000035 kg N2O × 265 per m³,
        // AR5) = 1,200 × 1.936311 = 2,323.5732 kg, and its upstream, 1,200 × 0.3366 (DESNZ 2024 WTT- fuels) = 403.92 kg:
        // 2,727.4932 kg; 22 of its 31 days fall in March, 9 in April.
        double total = 1200 * (1.926 + 0.000037 * 28 + 0.000035 * 265) + 1200 * 0.3366;
        assertThat(total).isCloseTo(2727.4932, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(text("footprint-total")).isEqualTo("2,73 t éq. CO₂");
        Map<String, String> months = rows("footprint-months");
        assertThat(months.get("mars 2024")).isEqualTo(grouped(Math.round(total * 22 / 31), " "));
        assertThat(months.get("avril 2024")).isEqualTo(grouped(Math.round(total * 9 / 31), " "));
        assertThat(driver.findElements(By.cssSelector("#chart-month svg rect.bar-1"))).hasSize(2 + 1);

        clickAndLoad(By.id("lang-switch"));
        assertThat(driver.findElement(By.cssSelector("#footprint h2")).getText()).isEqualTo("2024 footprint");
        assertThat(text("footprint-total")).isEqualTo("2.73 t CO₂e");
        Map<String, String> monthsEn = rows("footprint-months");
        assertThat(monthsEn.get("March 2024")).isEqualTo(grouped(Math.round(total * 22 / 31), ","));
        assertThat(rows("footprint-categories")).containsKey("Stationary combustion (heating, generators)");

        // The choice is remembered: the next page stays in English.
        clickAndLoad(By.id("log-bill"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Log an activity");
    }

    @Test
    void logsAFlightWithSuggestedAirportsAndSeesItsDistanceAndFootprintByCategory() {
        driver.get(url("/"));
        driver.findElement(By.id("name")).sendKeys("Chantier navigateur");
        driver.findElement(By.id("sector")).sendKeys("813");
        driver.findElement(By.id("employees")).sendKeys("30");
        clickAndLoad(By.cssSelector("#organization-form button[type=submit]"));
        clickAndLoad(By.id("log-bill"));

        new Select(driver.findElement(By.id("type"))).selectByValue("flight");
        assertThat(driver.findElement(By.id("from")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("material")).isDisplayed()).as("waste fields hide for a flight").isFalse();
        driver.findElement(By.id("from")).sendKeys("montreal");
        // Suggestions arrive from /api/airports as the city is typed.
        waiting().until(d ->
                !d.findElements(By.cssSelector("#airports-from option[value=YUL]")).isEmpty());
        driver.findElement(By.id("from")).clear();
        driver.findElement(By.id("from")).sendKeys("YUL");
        driver.findElement(By.id("to")).sendKeys("CDG");
        // The great-circle distance is shown before saving: 5,523.489 km (FlightsTest), rounded.
        waiting().until(d ->
                normalise(d.findElement(By.id("flight-distance")).getText()).endsWith("5 523 km"));
        new Select(driver.findElement(By.id("cabin"))).selectByValue("economy");
        driver.findElement(By.id("roundTrip")).click();
        setDate("periodStart", "2024-06-10");
        clickAndLoad(By.id("submit"));

        // desnz-2024-flight-long-economy-rf: 5,523.489 km x 2 legs x 0.20011 kg per passenger.km = 2,210.6 kg.
        assertThat(text("footprint-total")).isEqualTo("2,21 t éq. CO₂");
        assertThat(rows("footprint-scope3-categories")).containsEntry("6. Déplacements professionnels",
                grouped(Math.round(5523.489 * 2 * 0.20011), " "));
        assertThat(text("footprint-rf")).contains("inclus");
    }

    private void setDate(String id, String isoDate) {
        WebElement input = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, isoDate);
    }

    private String text(String id) {
        return normalise(driver.findElement(By.id(id)).getText());
    }

    /** First cell to second cell of each row of a table. */
    private Map<String, String> rows(String tableId) {
        List<WebElement> rows = driver.findElements(By.cssSelector("#" + tableId + " tr"));
        Map<String, String> cells = new java.util.LinkedHashMap<>();
        for (WebElement row : rows) {
            List<WebElement> tds = row.findElements(By.tagName("td"));
            cells.put(normalise(tds.get(0).getText()), normalise(tds.get(1).getText()));
        }
        return cells;
    }

    /** French groups digits with a (narrow) no-break space; compare with a plain one. */
    private static String normalise(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }

    private static String grouped(long value, String separator) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
