package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Factors are named in the reader's language: a French page shows each factor's French label and note, and no
 * English citation until its "Source" is opened; its numbers are written the French way and its units as people
 * write them (m³, not m3). The same page in English shows the English labels.
 */
@Tiers.Slow
class FactorLabelsBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /** Words of the English citations and notes the factor files carry, which a French page must hide behind "Source". */
    private static final List<String> CITATION_WORDS = List.of("Transcribed", "Table A13", "National Inventory Report",
            "Environment and Climate Change Canada", "Open Government Licence", "Hotel stay");
    /**
     * English numbers in a French page: a decimal point (1.5), or thousands grouped by a comma (12,345). A French
     * decimal of three digits (1,936) looks the same; the figures of this test have none.
     */
    private static final Pattern ENGLISH_NUMBER = Pattern.compile("\\d\\.\\d|\\d,\\d{3}(?!\\d)");
    private static final Pattern M3 = Pattern.compile("\\bm3\\b");

    private static final String GAS_FR = "Gaz naturel brûlé (résidentiel, commercial, institutionnel) — Québec";
    private static final String GAS_EN = "Natural gas burned (residential, commercial, institutional) — Quebec";
    private static final String POWER_FR = "Électricité, production (portée 2) — Québec, année de données 2020";

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void frenchPagesNameFactorsInFrenchAndKeepTheCitationBehindSource() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        // eccc-natural-gas-ca-qc, AR5: 1.926 + 0.000037 x 28 + 0.000035 x 265 = 1.936311 kg per m³;
        // 12,345.6 m³ x 1.936311 = 23,904.93 kg.
        assertThat(12_345.6 * (1.926 + 0.000037 * 28 + 0.000035 * 265)).isCloseTo(23_904.93, within(0.01));
        api.created(activities, Map.of("type", "natural_gas", "quantity", 12_345.6, "unit", "m3",
                "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        // eccc-electricity-ca-qc-2020 (newest data year, for 2024): 250,000 kWh x 0.0019 = 475 kg.
        api.created(activities, Map.of("type", "electricity", "quantity", 250_000, "unit", "kWh",
                "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        // desnz-2024-hotel-ca: 2 nights x 7.4 = 14.8 kg.
        api.created(activities, Map.of("type", "hotel", "quantity", 2, "unit", "night", "date", "2024-05-01",
                "attributes", Map.of("country", "CA")));

        driver.get(url("/organizations/" + organization + "?year=2024"));
        WebElement table = driver.findElement(By.id("activity-table"));
        String rows = visible(table);
        assertThat(rows).contains(GAS_FR, POWER_FR, "Nuitée d'hôtel — Canada", "12 345,6 m³", "23 905")
                .doesNotContain("eccc-natural-gas-ca-qc");
        assertThat(CITATION_WORDS).noneMatch(rows::contains);
        assertFrenchNumbers(visible(driver.findElement(By.tagName("main"))));
        shots(table, "factor-labels-organization-fr");

        WebElement gasSource = source(table, "eccc-natural-gas-ca-qc");
        gasSource.findElement(By.tagName("summary")).click();
        assertThat(visible(gasSource)).contains("eccc-natural-gas-ca-qc", "Marketable natural gas",
                "Open Government Licence - Canada", "Transcrit de tableaux d'ECCC");
        shots(gasSource, "factor-labels-source-open-fr");

        driver.get(url("/organizations/" + organization + "/report?year=2024"));
        WebElement assumptions = driver.findElement(By.id("report-assumptions"));
        String shown = visible(assumptions);
        assertThat(shown).contains("Nos hypothèses", GAS_FR, POWER_FR, "Transcrit de tableaux d'ECCC", "1,936311 kg / m³",
                "kg éq. CO₂");
        assertThat(CITATION_WORDS).noneMatch(shown::contains);
        assertFrenchNumbers(visible(driver.findElement(By.tagName("main"))));
        shots(assumptions, "factor-labels-report-fr");
        WebElement powerSource = source(assumptions, "eccc-electricity-generation-ca-qc-2020");
        powerSource.findElement(By.tagName("summary")).click();
        assertThat(visible(powerSource)).contains("Table A13-6", "National Inventory Report", "Open Government Licence");
        shots(powerSource, "factor-labels-report-source-open-fr");

        driver.get(url("/organizations/" + organization + "?year=2024&lang=en"));
        String english = visible(driver.findElement(By.id("activity-table")));
        assertThat(english).contains(GAS_EN, "Electricity, generation (scope 2) — Quebec, data year 2020", "Hotel room-night — Canada",
                "12,345.6 m³", "23,905");
        assertThat(CITATION_WORDS).noneMatch(english::contains);
        shots(driver.findElement(By.id("activity-table")), "factor-labels-organization-en");
        driver.get(url("/organizations/" + organization + "/report?year=2024&lang=en"));
        assertThat(visible(driver.findElement(By.id("report-assumptions")))).contains(GAS_EN, "Transcribed from ECCC tables",
                "1.936311 kg / m³", "kg CO₂e");
    }

    @Test
    void theFactorPageNamesFactorsByLabelInFrench() {
        driver.get(url("/emission-factors?type=natural_gas"));
        WebElement table = driver.findElement(By.id("factor-table"));
        assertThat(visible(table)).contains(GAS_FR, "Gaz naturel brûlé, par m³ (facteur britannique)", "Partout")
                .doesNotContain("Marketable natural gas", "Gaseous fuels");
        assertThat(CITATION_WORDS).noneMatch(visible(driver.findElement(By.tagName("main")))::contains);
        assertFrenchNumbers(visible(driver.findElement(By.tagName("main"))));
        shots(table, "factor-labels-factors-fr");
        driver.get(url("/emission-factors?type=natural_gas&lang=en"));
        assertThat(visible(driver.findElement(By.id("factor-table")))).contains(GAS_EN, "Anywhere");
    }

    /** The "Source" disclosure of factor {@code id} within {@code container}. */
    private static WebElement source(WebElement container, String id) {
        return container.findElements(By.cssSelector("details.factor-source")).stream()
                .filter(d -> d.findElement(By.tagName("code")).getAttribute("textContent").equals(id))
                .findFirst().orElseThrow();
    }

    /** Versions (USEEIO v1.3) are names, not quantities. */
    private static void assertFrenchNumbers(String page) {
        String text = page.replaceAll("\\bv\\d+(\\.\\d+)+", "v");
        assertThat(ENGLISH_NUMBER.matcher(text).results().map(m -> around(text, m.start())).toList())
                .as("English numbers in a French page").isEmpty();
        assertThat(M3.matcher(text).find()).as("m3 rather than m³").isFalse();
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 30));
    }

    /** The text a person sees (Selenium's getText shows text lying directly in a closed disclosure). */
    private String visible(WebElement element) {
        // French groups digits with a no-break space (narrow or not): read as a space.
        return ((String) ((JavascriptExecutor) driver).executeScript("return arguments[0].innerText", element))
                .replaceAll("[\\u00a0\\u202f]", " ");
    }

    /** Screenshots at 390 and 1366 px with {@code element} in view, into target/screenshots. */
    private void shots(WebElement element, String name) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            for (int width : new int[] {390, 1366}) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", element);
                assertThat((Long) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth")).as("no sideways scrolling at " + width).isLessThanOrEqualTo(width);
                java.nio.file.Files.write(folder.resolve(name + "-" + width + ".png"),
                        ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
