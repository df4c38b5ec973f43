package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A coordinator runs a campaign from the network's dashboard, signed in (every form posts its CSRF token): a member
 * submits its year and the coordinator sees it change state, reviews it, sends another back, sees the reminders that
 * would go; at a phone's 390 px and a laptop's 1366 px, in French and English, nothing scrolls sideways and every
 * text of the campaign section stands out from its background as WCAG 2.1 AA asks.
 */
@Tiers.Slow
class CampaignBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Override
    protected boolean signsInFirst() {
        return false;
    }

    @Test
    void aMemberSubmitsAndTheCoordinatorSeesItChangeStateThenReviewsAndSendsBack() {
        ApiCalls api = new ApiCalls(APP);
        long network = id(api.created("/api/networks", Map.of("name", "Pôle de la Mauricie")));
        long alpha = organization(api, "Coop Alpha");
        long beta = organization(api, "Coopérative de solidarité Bêta du Centre-du-Québec");
        for (long org : List.of(alpha, beta)) {
            api.created("/api/networks/" + network + "/members", Map.of("organizationId", org, "sharing", "aggregate"));
            api.created("/api/organizations/" + org + "/activities", Map.of("type", "electricity", "quantity", 30_000,
                    "unit", "kWh", "periodStart", "2025-01-01", "periodEnd", "2025-12-31"));
        }
        long coordinator = id(api.created("/api/users", Map.of("email", "coordination@example.org", "name", "Coordination",
                "password", "mot de passe de la coordination")));
        api.created("/api/networks/" + network + "/coordinators", Map.of("userId", coordinator));
        Chromium.signIn(driver, APP.getLocalPort(), "coordination@example.org", "mot de passe de la coordination");
        String dashboard = url("/networks/" + network + "?year=2025&lang=fr");

        // The coordinator opens the campaign through the form, due in a month by today's clock.
        driver.get(dashboard);
        String due = LocalDate.now().plusMonths(1).toString();
        // A date field's typing order follows the browser's locale: its value is set as the form posts it.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                driver.findElement(By.id("campaign-due-date")), due);
        clickAndLoad(By.id("campaign-open"));
        assertThat(driver.findElement(By.id("campaign-notice")).getText()).isEqualTo("Campagne ouverte.");
        assertThat(driver.findElement(By.id("campaign-count-not_started")).getText()).endsWith("2");

        // A member submits its year: on the next read, the coordinator sees it submitted.
        assertThat(api.request("/api/organizations/" + alpha + "/inventories/2025/submit").post(Entity.json(Map.of()))
                .getStatus()).isEqualTo(200);
        driver.get(dashboard);
        assertThat(driver.findElement(By.id("campaign-member-" + alpha)).getAttribute("data-state")).isEqualTo("submitted");
        assertThat(driver.findElement(By.id("campaign-count-submitted")).getText()).endsWith("1");
        layoutAndContrast("fr");

        clickAndLoad(By.id("campaign-review-" + alpha));
        assertThat(driver.findElement(By.id("campaign-notice")).getText()).isEqualTo("Bilan marqué comme révisé.");
        assertThat(driver.findElement(By.id("campaign-member-" + alpha)).getAttribute("data-state")).isEqualTo("reviewed");

        driver.findElement(By.id("campaign-comment-" + alpha)).sendKeys("Il manque le chauffage.");
        clickAndLoad(By.id("campaign-return-" + alpha));
        assertThat(driver.findElement(By.id("campaign-notice")).getText())
                .isEqualTo("Bilan renvoyé au membre avec votre commentaire.");
        assertThat(driver.findElement(By.id("campaign-member-" + alpha)).getAttribute("data-state")).isEqualTo("in_progress");

        // Without SMTP: what would be sent, and to whom.
        clickAndLoad(By.id("campaign-remind"));
        assertThat(driver.findElement(By.id("campaign-notice")).getText()).contains("aucun rappel n'a été envoyé");
        assertThat(driver.findElement(By.id("campaign-reminder-" + beta)).getText()).startsWith(
                "Coopérative de solidarité Bêta du Centre-du-Québec : aucun éditeur ni éditrice");

        driver.get(url("/networks/" + network + "?year=2025&lang=en"));
        assertThat(driver.findElement(By.id("campaign-title")).getText()).isEqualTo("Reporting campaign 2025");
        layoutAndContrast("en");

        driver.get(dashboard);
        clickAndLoad(By.id("campaign-close"));
        assertThat(driver.findElement(By.id("campaign-notice")).getText()).startsWith("Campagne close");
        assertThat(driver.findElements(By.id("campaign-remind"))).isEmpty();
    }

    /** At 390 px and 1366 px: the page no wider than the window, and each text of the section readable. */
    private void layoutAndContrast(String language) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (int width : new int[] {390, 1366}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            int viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).intValue();
            long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(scroll).as(language + " at " + width + " px").isLessThanOrEqualTo(viewport);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> low = (List<Map<String, Object>>) js.executeScript(LOW_CONTRAST, "#campaign *");
            assertThat(low).as(language + " at " + width + " px").isEmpty();
        }
        // The section itself, for a person to look at: it lies below the network's figures.
        js.executeScript("document.getElementById('campaign').scrollIntoView()");
        Chromium.screenshots(driver, "campaign-" + language);
    }

    /**
     * The visible texts whose contrast with what is behind them is under 4.5:1, by WCAG 2.1's relative luminance
     * ((L1 + 0.05) / (L2 + 0.05)); the background is the nearest one that is not transparent.
     */
    private static final String LOW_CONTRAST = """
            function rgba(t) { var m = t.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : m.concat([1]); }
            function behind(el) {
              for (; el; el = el.parentElement) { var c = rgba(getComputedStyle(el).backgroundColor); if (c[3] > 0) { return c; } }
              return [255, 255, 255, 1];
            }
            function lum(c) {
              var l = c.slice(0, 3).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
            }
            var low = [];
            document.querySelectorAll(arguments[0]).forEach(function (el) {
              var text = Array.from(el.childNodes).filter(function (n) { return n.nodeType === 3; })
                .map(function (n) { return n.textContent; }).join('').trim();
              if (!el.offsetParent || !text) { return; }
              var bg = behind(el), fg = rgba(getComputedStyle(el).color), a = fg[3];
              var seen = [0, 1, 2].map(function (i) { return fg[i] * a + bg[i] * (1 - a); });
              var ratio = (Math.max(lum(seen), lum(bg)) + 0.05) / (Math.min(lum(seen), lum(bg)) + 0.05);
              if (ratio < 4.5) { low.push({text: text.substring(0, 60), ratio: ratio}); }
            });
            return low;""";

    private static long organization(ApiCalls api, String name) {
        return id(api.created("/api/organizations", Map.of("name", name, "sector", "624410", "region", "CA-QC", "employees", 10)));
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }
}
