package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * The main pages on a 390 px phone, in French and in English: nothing wider than the screen (a page that scrolls
 * sideways hides its right-hand column, often the figures), and a header whose texts stand out from its green.
 */
class PhoneLayoutBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();
    private static final int PHONE = 390;

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void noPageScrollsSidewaysOnAPhoneInEitherLanguage() {
        long organization = organizationWithAYear();
        String org = "/organizations/" + organization;
        long activity = ((Number) new ApiCalls(APP).list("/api/organizations/" + organization + "/activities").get(0)
                .get("id")).longValue();
        Map<String, String> pages = new java.util.LinkedHashMap<>();
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
        pages.put("networks", org + "/networks");
        pages.put("benchmark", org + "/benchmark?year=2024");
        pages.put("inventory", org + "/inventories/2024");
        pages.put("audit", org + "/audit");
        pages.put("account", "/account");
        pages.put("factors", "/emission-factors");
        pages.put("team", org + "/team");
        pages.put("settings", org + "/settings");
        pages.put("invitation-link", Invitations.link(APP, organization));
        long network = ((Number) new ApiCalls(APP).created("/api/networks", Map.of("name", "Pôle régional de l'économie sociale"))
                .get("id")).longValue();
        new ApiCalls(APP).created("/api/networks/" + network + "/members", Map.of("organizationId", organization,
                "sharing", "detailed"));
        pages.put("networks-list", "/networks");
        pages.put("network", "/networks/" + network + "?year=2024");
        List<String> tooWide = new ArrayList<>();
        for (String language : List.of("fr", "en")) {
            driver.get(url("/?lang=" + language));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                driver.manage().window().setSize(new Dimension(PHONE, 900));
                driver.get(url(page.getValue()));
                assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
                JavascriptExecutor js = (JavascriptExecutor) driver;
                assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).as("the phone's viewport")
                        .isEqualTo(PHONE);
                long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
                if (width > PHONE) {
                    tooWide.add(page.getKey() + " (" + language + "): " + width + " px, widest "
                            + js.executeScript(WIDEST));
                }
                if ("fr".equals(language)) {
                    Chromium.screenshots(driver, "phone-" + page.getKey());
                }
            }
        }
        assertThat(tooWide).isEmpty();
    }

    @Test
    void theHeaderTextsMeetWcagAaContrastOnItsGreen() {
        organizationWithAYear();
        for (String language : List.of("fr", "en")) {
            driver.get(url("/?lang=" + language));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> texts = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(CONTRAST,
                    ".site-header a, .site-header button, .site-header span");
            assertThat(texts).extracting(t -> t.get("text")).as("the header's texts, sign-out included")
                    .contains(language.equals("fr") ? "Se déconnecter" : "Sign out");
            for (Map<String, Object> text : texts) {
                assertThat(((Number) text.get("ratio")).doubleValue()).as(text.toString()).isGreaterThanOrEqualTo(4.5);
            }
        }
    }

    @Test
    void theOrganizationPagesTextsMeetWcagAaContrast() {
        long organization = organizationWithAYear();
        for (String path : List.of("/organizations/" + organization + "?year=2024", "/organizations/" + organization
                + "/report?year=2024", "/organizations/" + organization + "/activities/new")) {
            driver.get(url(path));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> texts = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(CONTRAST,
                    "main *, footer *");
            assertThat(texts).as("the page's texts were found").hasSizeGreaterThan(10);
            assertThat(texts).filteredOn(t -> ((Number) t.get("ratio")).doubleValue() < 4.5).as(path).isEmpty();
        }
    }

    /** A year of bills and a trip, so that the pages show their tables and charts. */
    private long organizationWithAYear() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        api.created("/api/organizations/" + organization + "/sites", Map.of("name", "Centre de la petite enfance du Plateau",
                "region", "CA-QC"));
        api.created(activities, Map.of("type", "flight", "date", "2024-03-04", "tags", List.of("Sommet de la Francophonie"),
                "attributes", Map.of("from", "YUL", "to", "CDG", "roundTrip", true, "passengers", 2)));
        api.created(activities, Map.of("type", "natural_gas", "quantity", 1_200, "unit", "m3", "periodStart", "2024-01-10",
                "periodEnd", "2024-02-09"));
        api.created(activities, Map.of("type", "electricity", "quantity", 12_000, "unit", "kWh", "periodStart",
                "2024-12-15", "periodEnd", "2025-01-14"));
        api.created("/api/organizations/" + organization + "/targets", Map.of("baseYear", 2024, "targetYear", 2030,
                "reductionPercent", 42, "scopes", List.of(1, 2, 3)));
        return organization;
    }

    /** Which element sticks out, to say where to look. */
    private static final String WIDEST = """
            var limit = document.documentElement.clientWidth, found = [];
            document.querySelectorAll('body *').forEach(function (el) {
              var r = el.getBoundingClientRect();
              if (r.right > limit + 1 && found.length < 3) {
                found.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : '')
                  + ' ' + Math.round(r.right));
              }
            });
            return found.join(', ');""";

    /**
     * Each visible element's own text against the colour behind it, as WCAG 2.1 computes contrast: relative
     * luminance of each colour, (L1 + 0.05) / (L2 + 0.05). Opacity fades the text into what is behind it.
     */
    private static final String CONTRAST = """
            function rgba(text) { var m = text.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : m.concat([1]); }
            function background(el) {
              for (; el; el = el.parentElement) {
                var c = rgba(getComputedStyle(el).backgroundColor);
                if (c[3] > 0) { return c; }
              }
              return [255, 255, 255, 1];
            }
            function opacity(el) { var o = 1; for (; el; el = el.parentElement) { o *= Number(getComputedStyle(el).opacity); } return o; }
            function luminance(c) {
              var l = c.slice(0, 3).map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
            }
            var results = [];
            document.querySelectorAll(arguments[0]).forEach(function (el) {
              var own = Array.from(el.childNodes).filter(function (n) { return n.nodeType === 3; })
                .map(function (n) { return n.textContent; }).join('').trim();
              if (!el.offsetParent || !own) { return; }
              var bg = background(el), fg = rgba(getComputedStyle(el).color), a = fg[3] * opacity(el);
              var seen = [0, 1, 2].map(function (i) { return fg[i] * a + bg[i] * (1 - a); });
              var l1 = luminance(seen), l2 = luminance(bg);
              results.push({text: own.substring(0, 60), color: getComputedStyle(el).color, background: bg.join(','),
                ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)});
            });
            return results;""";
}
