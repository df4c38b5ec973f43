package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The intervals on the pages: the report's uncertainty section, the organization's interval and what to improve
 * first, the network's interval beside its total; at 390 px and 1366 px, in French and English, nothing scrolls
 * sideways and axe-core finds nothing (the network page with an interval needs three submissions, which
 * AccessibilityBrowserTest does not make).
 */
@Tiers.Slow
class UncertaintyBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void theIntervalsReadWellOnEveryPageThatShowsThem() {
        ApiCalls api = new ApiCalls(APP);
        long network = ((Number) api.created("/api/networks", Map.of("name", "Pôle")).get("id")).longValue();
        List<Long> members = new ArrayList<>();
        for (String name : List.of("Coop Alpha", "Coop Bêta", "Coop Gamma")) {
            long org = ((Number) api.created("/api/organizations", Map.of("name", name, "sector", "624410", "region", "CA-QC",
                    "employees", 10)).get("id")).longValue();
            api.created("/api/organizations/" + org + "/activities", Map.of("type", "electricity", "quantity", 80_000,
                    "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
            members.add(org);
        }
        long first = members.get(0);
        api.created("/api/organizations/" + first + "/activities", Map.of("type", "natural_gas", "quantity", 100, "unit", "m3",
                "date", "2024-02-01", "dataQuality", "extrapolated"));
        api.created("/api/organizations/" + first + "/activities", Map.of("type", "purchase", "quantity", 2000, "unit", "CAD",
                "date", "2024-03-01", "dataQuality", "estimated", "attributes", Map.of("naics", "541511")));
        for (long org : members) {
            api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", "aggregate"));
            assertThat(api.request("/api/organizations/" + org + "/inventories/2024/submit").post(Entity.json(Map.of()))
                    .getStatus()).isEqualTo(200);
        }
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("report", "/organizations/" + first + "/report?year=2024");
        pages.put("organization", "/organizations/" + first + "?year=2024");
        pages.put("network", "/networks/" + network + "?year=2024");
        pages.put("activity-form", "/organizations/" + first + "/activities/new");
        Map<String, String> shown = Map.of("report", "report-uncertainty", "organization", "footprint-interval",
                "network", "network-interval", "activity-form", "dataQuality-help");

        JavascriptExecutor js = (JavascriptExecutor) driver;
        List<String> problems = new ArrayList<>();
        for (String language : List.of("fr", "en")) {
            driver.get(url("/?lang=" + language));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                driver.get(url(page.getValue()));
                assertThat(driver.findElements(By.id(shown.get(page.getKey())))).as(page.getKey()).isNotEmpty();
                for (int width : new int[] {390, 1366}) {
                    driver.manage().window().setSize(new Dimension(width, 900));
                    int viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).intValue();
                    long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                    if (scroll > viewport) {
                        problems.add(page.getKey() + " (" + language + ", " + width + " px) scrolls sideways: " + scroll);
                    }
                    Results results = new AxeBuilder().setTimeout(180)
                            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
                    for (Rule rule : results.getViolations()) {
                        problems.add(page.getKey() + " (" + language + ", " + width + " px): " + rule.getId() + " — "
                                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList());
                    }
                }
                js.executeScript("document.getElementById(arguments[0]).scrollIntoView()", shown.get(page.getKey()));
                Chromium.screenshots(driver, "uncertainty-" + page.getKey() + "-" + language);
            }
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        assertThat(problems).isEmpty();
    }
}
