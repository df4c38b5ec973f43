package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * Every main page checked by axe-core against WCAG 2.1 A and AA, in French and in English, at a laptop's 1366 px
 * and a phone's 390 px: labels, names of links and buttons, contrast, headings, languages, tables. A violation
 * names the page, the rule and the first elements that break it.
 */
@Tiers.Slow
class AccessibilityBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void everyMainPageMeetsWcag21AaInBothLanguagesAndWidths() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        api.created("/api/organizations/" + organization + "/sites", Map.of("name", "Bureau", "region", "CA-QC"));
        long activity = ((Number) api.created(activities, Map.of("type", "electricity", "quantity", 12_000, "unit", "kWh",
                "periodStart", "2024-12-15", "periodEnd", "2025-01-14", "tags", List.of("Sommet"))).get("id")).longValue();
        api.created(activities, Map.of("type", "flight", "date", "2024-03-04", "attributes", Map.of("from", "YUL", "to", "CDG",
                "roundTrip", true)));
        api.created("/api/organizations/" + organization + "/targets", Map.of("baseYear", 2024, "targetYear", 2030,
                "reductionPercent", 42, "scopes", List.of(1, 2, 3)));
        long network = ((Number) api.created("/api/networks", Map.of("name", "Pôle")).get("id")).longValue();
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", organization, "sharing", "detailed"));
        String org = "/organizations/" + organization;

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("organization", org + "?year=2024");
        pages.put("activity-form", org + "/activities/new");
        pages.put("activity-edit", org + "/activities/" + activity + "/edit");
        pages.put("import", org + "/activities/import");
        pages.put("monthly-grid", org + "/activities/grid?year=2024");
        pages.put("questionnaire", org + "/questionnaire?year=2024");
        pages.put("questionnaire-result", org + "/questionnaire/result?year=2024");
        pages.put("report", org + "/report?year=2024");
        pages.put("targets", org + "/targets");
        pages.put("consent", org + "/networks");
        pages.put("benchmark", org + "/benchmark?year=2024");
        pages.put("inventory", org + "/inventories/2024");
        pages.put("audit", org + "/audit");
        pages.put("account", "/account");
        // One type: the page is the same with every row, and axe checks hundreds of rows for minutes.
        pages.put("factors", "/emission-factors?type=electricity");
        pages.put("networks", "/networks");
        pages.put("network", "/networks/" + network + "?year=2024");
        pages.put("team", org + "/team");
        pages.put("settings", org + "/settings");
        pages.put("invitation-link", Invitations.link(APP, organization));

        List<String> violations = new ArrayList<>();
        for (String language : List.of("fr", "en")) {
            driver.get(url("/?lang=" + language));
            for (int width : new int[] {1366, 390}) {
                driver.manage().window().setSize(new Dimension(width, 900));
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    driver.get(url(page.getValue()));
                    Results results = new AxeBuilder().setTimeout(180).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                            .analyze(driver);
                    assertThat(results.isErrored()).as(page.getKey() + ": " + results.getErrorMessage()).isFalse();
                    for (Rule rule : results.getViolations()) {
                        violations.add(page.getKey() + " (" + language + ", " + width + " px): " + rule.getId() + " — "
                                + rule.getHelp() + " — " + rule.getNodes().stream().limit(3)
                                        .map(node -> String.valueOf(node.getTarget())).toList());
                    }
                }
            }
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        assertThat(violations).isEmpty();
    }
}
