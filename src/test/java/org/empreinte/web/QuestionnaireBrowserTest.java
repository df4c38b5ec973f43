package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.questionnaire.QuestionnairePagesTest;

/**
 * A small childcare centre (CPE) that only knows its yearly totals answers the simplified assessment from its
 * organization's page, in French and then in English, and reads the footprint its answers weigh: the hand sum of the
 * cited factors ({@link QuestionnairePagesTest#cpeKg()}), the heaviest answer first, to be replaced with its bills.
 */
@org.empreinte.Tiers.Slow
class QuestionnaireBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    /** The CPE's answers, as a person types them in French (spaces between thousands). */
    private static final Map<String, String> FRENCH = Map.ofEntries(Map.entry("employees", "12"), Map.entry("commuteCar", "8"),
            Map.entry("commuteTransit", "3"), Map.entry("commuteKm", "10"), Map.entry("commuteDays", "220"),
            Map.entry("electricityKwh", "60 000"), Map.entry("heatingQuantity", "8 000"), Map.entry("vehicleLitres", "1 500"),
            Map.entry("purchase311991", "20 000"), Map.entry("purchase339930", "3 000"), Map.entry("wasteLandfillKg", "2 000"),
            Map.entry("wasteCompostKg", "500"));

    @Test
    void aChildcareCentreAnswersInFrenchAndReadsItsFootprint() {
        long organization = new ApiCalls(APP).organization();
        driver.get(url("/organizations/" + organization + "?year=2024&lang=fr"));
        clickAndLoad(By.id("questionnaire-link"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Bilan simplifié 2024");
        assertThat(driver.findElement(By.id("help-heatedArea")).getText()).contains("1,31 GJ par m²", "Statistics Canada",
                "2019");
        answer(FRENCH, ",");
        Chromium.screenshots(driver, "questionnaire");
        assertNoSidewaysScroll();
        clickAndLoad(By.id("questionnaire-submit"));

        assertThat(driver.getCurrentUrl()).endsWith("/organizations/" + organization + "/questionnaire/result?year=2024&saved=1");
        double expected = QuestionnairePagesTest.cpeKg();
        assertThat(driver.findElement(By.id("questionnaire-total")).getText()).isEqualTo(kg(expected, Locale.CANADA_FRENCH));
        List<WebElement> first = driver.findElements(By.cssSelector("tr.replace-first"));
        assertThat(first).isNotEmpty();
        assertThat(first.get(0).getText()).contains("Quantité de combustible de chauffage", "Gaz naturel, 8 000 m³",
                "À remplacer en premier");
        assertThat(first.get(0).findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("/organizations/" + organization + "/activities/grid?year=2024");
        Chromium.screenshots(driver, "questionnaire-result");
        assertNoSidewaysScroll();
        assertAccessible();

        // The organization's year holds the same footprint: 37.3 t (every line counted on both).
        clickAndLoad(By.linkText("Retour à l'organisation"));
        assertThat(driver.findElement(By.id("footprint-total")).getText())
                .isEqualTo(NumberFormat.getNumberInstance(Locale.CANADA_FRENCH).format(Math.round(expected / 10) / 100.0)
                        .replaceAll("[\\u00a0\\u202f]", " ") + " t éq. CO₂");
    }

    @Test
    void theSameAnswersInEnglishWeighTheSame() {
        long organization = new ApiCalls(APP).organization();
        driver.get(url("/organizations/" + organization + "/questionnaire?year=2024&lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Simplified assessment 2024");
        Map<String, String> english = new java.util.HashMap<>();
        FRENCH.forEach((field, value) -> english.put(field, value.replace(" ", ",")));
        answer(english, ".");
        clickAndLoad(By.id("questionnaire-submit"));
        assertThat(driver.findElement(By.id("questionnaire-total")).getText())
                .isEqualTo(kg(QuestionnairePagesTest.cpeKg(), Locale.CANADA));
        assertThat(driver.findElement(By.cssSelector("tr.replace-first")).getText()).contains("Heating fuel bought",
                "Replace first");
        Chromium.screenshots(driver, "questionnaire-result-en");
        assertAccessible();
    }

    private void answer(Map<String, String> answers, String decimal) {
        new Select(driver.findElement(By.id("heating"))).selectByValue("natural_gas");
        new Select(driver.findElement(By.id("vehicleFuel"))).selectByValue("gasoline");
        answers.forEach((field, value) -> {
            WebElement input = driver.findElement(By.id(field));
            input.clear();
            input.sendKeys(value);
        });
    }

    private static String kg(double value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(0);
        // WebDriver reads a non-breaking space as a plain one.
        return format.format(value).replaceAll("[\\u00a0\\u202f]", " ");
    }

    private void assertNoSidewaysScroll() {
        driver.manage().window().setSize(new Dimension(390, 900));
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth"))
                .intValue()).as("nothing wider than a phone").isLessThanOrEqualTo(390);
        driver.manage().window().setSize(new Dimension(1366, 900));
    }

    private void assertAccessible() {
        for (int width : new int[] {390, 1366}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
            assertThat(results.getViolations()).extracting(Rule::getId).as("axe at " + width + " px").isEmpty();
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
    }
}
