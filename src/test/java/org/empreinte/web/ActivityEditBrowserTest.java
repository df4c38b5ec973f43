package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A person edits a flight from the organization's page: the form comes back filled as the flight was logged, a
 * second passenger doubles the footprint, and the trip reads in words in both languages.
 */
class ActivityEditBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void editsAFlightsPassengersAndAirportsAndSeesTheFootprintFollow() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        Map<String, Object> flight = api.created("/api/organizations/" + organization + "/activities", Map.of("type",
                "flight", "date", "2024-03-04", "tags", List.of("Sommet"), "attributes", Map.of("from", "YUL", "to", "CDG",
                "roundTrip", true, "cabin", "economy")));
        long id = ((Number) flight.get("id")).longValue();
        double oneWayKm = ((Number) flight.get("distanceKm")).doubleValue();
        // 5,523.5 km each way: there and back, then for two, 22,094 km.
        assertThat(Math.round(oneWayKm * 2 * 2)).isEqualTo(22_094);
        driver.get(url("/organizations/" + organization + "?year=2024"));
        assertThat(text("activity-quantity-" + id)).isEqualTo("YUL → CDG → YUL, 1 passager, 11 047 km en tout");
        assertThat(text("activity-tags-" + id)).contains("Sommet");
        String before = text("footprint-total");

        Chromium.navigate(driver, () -> driver.findElement(By.id("activity-edit-" + id)).click());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Modifier une activité");
        assertThat(new Select(driver.findElement(By.id("type"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("flight");
        assertThat(value("from")).isEqualTo("YUL");
        assertThat(value("to")).isEqualTo("CDG");
        assertThat(value("quantity")).as("derived from the airports, so not entered").isEmpty();
        assertThat(driver.findElement(By.id("roundTrip")).isSelected()).isTrue();
        assertThat(new Select(driver.findElement(By.id("cabin"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("economy");
        assertThat(value("tags")).isEqualTo("Sommet");
        assertThat(value("periodStart")).isEqualTo("2024-03-04");
        driver.findElement(By.id("passengers")).sendKeys("2");
        Chromium.screenshots(driver, "activity-edit-flight");
        Chromium.navigate(driver, () -> driver.findElement(By.id("submit")).click());

        assertThat(driver.getCurrentUrl()).endsWith("/organizations/" + organization + "?year=2024");
        assertThat(text("activity-quantity-" + id)).isEqualTo("YUL → CDG → YUL, 2 passagers, 22 094 km en tout");
        assertThat(text("footprint-total")).isNotEqualTo(before);
        Map<String, Object> twice = api.request("/api/organizations/" + organization + "/activities/" + id).get(ApiCalls.JSON);
        assertThat(((Number) twice.get("co2eKg")).doubleValue())
                .isCloseTo(2 * ((Number) flight.get("co2eKg")).doubleValue(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(text("activity-co2e-" + id)).isEqualTo(String.format(java.util.Locale.CANADA_FRENCH, "%,.0f",
                ((Number) twice.get("co2eKg")).doubleValue()).replace('\u00a0', ' ').replace('\u202f', ' '));

        // In English: a refused airport comes back beside its field, then a shorter trip.
        Chromium.navigate(driver, () -> driver.findElement(By.id("lang-switch")).click());
        assertThat(text("activity-quantity-" + id)).isEqualTo("YUL → CDG → YUL, 2 passengers, 22,094 km in all");
        Chromium.navigate(driver, () -> driver.findElement(By.id("activity-edit-" + id)).click());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Edit an activity");
        replace("to", "ZZZ");
        Chromium.navigate(driver, () -> driver.findElement(By.id("submit")).click());
        assertThat(driver.findElement(By.id("error-to")).isDisplayed()).isTrue();
        assertThat(value("to")).isEqualTo("ZZZ");
        replace("to", "YYZ");
        Chromium.navigate(driver, () -> driver.findElement(By.id("submit")).click());
        assertThat(text("activity-quantity-" + id)).startsWith("YUL → YYZ → YUL, 2 passengers, ").endsWith(" km in all");
        Map<String, Object> shorter = api.request("/api/organizations/" + organization + "/activities/" + id)
                .get(ApiCalls.JSON);
        assertThat(((Number) shorter.get("co2eKg")).doubleValue()).isLessThan(((Number) twice.get("co2eKg")).doubleValue());
        assertThat(shorter.get("tags")).isEqualTo(List.of("Sommet"));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    private void replace(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
