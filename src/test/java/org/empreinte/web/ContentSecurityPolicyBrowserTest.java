package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * The pages work under their Content-Security-Policy: none of them has a script, style or handler that the
 * browser refuses, and what moved to /assets still runs (a deletion asks first, the print button prints).
 */
class ContentSecurityPolicyBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    /** Records, from the first byte of every page, what the policy refused. */
    private void recordViolations() {
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.cspViolations = []; document.addEventListener('securitypolicyviolation', function (e) {"
                        + " window.cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sample)); });"));
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("return window.cspViolations;");
    }

    @Test
    void everyPageRunsWithoutARefusalAndItsScriptsStillWork() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        for (String year : new String[] {"2019", "2024"}) {
            api.created(activities, Map.of("type", "electricity", "quantity", 1_000, "unit", "kWh", "periodStart",
                    year + "-01-01", "periodEnd", year + "-12-31"));
        }
        long network = ((Number) api.created("/api/networks", Map.of("name", "Pôle")).get("id")).longValue();
        recordViolations();

        for (String page : List.of("/", "/organizations/" + organization + "?year=2024",
                "/organizations/" + organization + "/activities/new", "/organizations/" + organization + "/activities/import",
                "/organizations/" + organization + "/targets", "/organizations/" + organization + "/report?year=2024",
                "/organizations/" + organization + "/networks", "/organizations/" + organization + "/benchmark?year=2024",
                "/organizations/" + organization + "/audit", "/networks", "/networks/" + network + "?year=2024",
                "/emission-factors", "/account")) {
            driver.get(url(page));
            assertThat(violations()).as(page).isEmpty();
        }

        // The targets page's script: a preset fills the reduction from the years.
        driver.get(url("/organizations/" + organization + "/targets"));
        driver.findElement(By.id("baseYear")).sendKeys("2019");
        driver.findElement(By.id("targetYear")).sendKeys("2030");
        driver.findElement(By.id("preset-sbti_1_5c")).click();
        assertThat(driver.findElement(By.id("reductionPercent")).getAttribute("value")).isEqualTo("46,2");

        // The shared script: deleting an activity asks first; dismissed, nothing is deleted.
        driver.get(url("/organizations/" + organization + "?year=2024"));
        driver.findElement(By.cssSelector("form[data-confirm] button")).click();
        assertThat(alert().getText()).isEqualTo("Supprimer cette activité ?");
        alert().dismiss();
        assertThat(api.list(activities)).hasSize(2);
        // Once the accepted deletion's page has loaded, exactly one is gone: had the dismissed question sent its
        // form all the same, both deletions would have landed by then.
        navigate(() -> {
            driver.findElement(By.cssSelector("form[data-confirm] button")).click();
            alert().accept();
        });
        waiting().until(d -> api.list(activities).size() == 1);

        // The print button calls the browser's print (replaced here, as headless Chromium has no dialog).
        driver.get(url("/organizations/" + organization + "/report?year=2019"));
        ((JavascriptExecutor) driver).executeScript("window.printed = 0; window.print = function () { window.printed++; };");
        driver.findElement(By.id("print")).click();
        assertThat(((Number) ((JavascriptExecutor) driver).executeScript("return window.printed;")).intValue()).isEqualTo(1);
        assertThat(violations()).isEmpty();
    }
}
