package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * The organization page explains its year in plain words, in French and English: the total, why there is no
 * percentage against a previous year of one bill, the largest source with its share, the year as Montréal–Paris
 * return flights, and a heat pump suggested for the gas, added to the action plan in one click.
 */
@Tiers.Slow
class SummaryBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    /**
     * eccc-natural-gas-ca-qc with AR5: 1.926 + 0.000037 x 28 + 0.000035 x 265 = 1.936311 kg CO2e per m³ burned, and its
     * upstream, DESNZ 2024 WTT- fuels, natural gas: 0.3366 kg per m³ (scope 3 category 3): 2.272911.
     */
    private static final double GAS_M3 = 1.936311 + 0.3366;
    /** eccc-electricity-ca-qc-2020, the newest data year, for 2025's bills: 0.0019 kg per kWh (1.5 g generated, 0.4 lost). */
    private static final double QC_KWH = 0.0019;
    /** desnz-2024-flight-long-average-rf (long haul, average passenger, with radiative forcing, the default). */
    private static final double LONG_HAUL_PKM = 0.26128;

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void explainsTheYearAndAddsASuggestedActionInOneClick() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        api.created(activities, Map.of("type", "natural_gas", "quantity", 10_000, "unit", "m3",
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31"));
        api.created(activities, Map.of("type", "electricity", "quantity", 100_000, "unit", "kWh",
                "periodStart", "2025-01-01", "periodEnd", "2025-12-31"));
        // The previous year: one small bill in December, 2.6 m³ (5.03 kg): one month of twelve, no percentage.
        api.created(activities, Map.of("type", "natural_gas", "quantity", 2.6, "unit", "m3",
                "periodStart", "2024-12-01", "periodEnd", "2024-12-31"));

        openWithSummary(url("/organizations/" + organization + "?year=2025"));
        // Gas 10,000 x 2.272911 = 22,729.11 kg; electricity 100,000 x 0.0019 = 190 kg; 22,919.11 kg in all.
        double gas = 10_000 * GAS_M3;
        double total = gas + 100_000 * QC_KWH;
        assertThat(total).isCloseTo(22_919.11, within(1e-6));
        assertThat(text(By.id("summary-total"))).startsWith("Votre empreinte de 2025 : 22,92 t éq. CO₂.");
        assertThat(text(By.id("summary-trend")))
                .isEqualTo("Pas de pourcentage par rapport à 2024 : cette année-là couvre moins de 11 mois sur 12.");
        // 22,729.11 / 22,919.11 = 99.17 % -> 99 %; 190 / 22,919.11 = 0.83 % -> 1 %.
        assertThat(text(By.id("summary-largest"))).startsWith("Votre plus grande source est le chauffage au gaz naturel : 99 %."
                + " Puis l'électricité (1 %).").contains("Combustion fixe");
        // The profile's 30 employees: 22,919.11 / 30 = 764.0 kg.
        assertThat(text(By.id("summary-per-fte"))).startsWith("Soit 764 kg éq. CO₂ par employé à temps plein (30 ETP");
        // YUL-CDG, great circle 5,523.49 km, twice: 11,046.98 km x 0.26128 = 2,886.35 kg; 22,919.11 / 2,886.35 = 7.94.
        double trip = 2 * 5_523.4889 * LONG_HAUL_PKM;
        assertThat(total / trip).isCloseTo(7.9405, within(0.001));
        assertThat(text(By.id("summary-pictured"))).isEqualTo("C'est autant que 7,9 allers-retours Montréal–Paris en avion*.");
        assertThat(text(By.id("summary-pictured-note"))).contains("11 047 km", "2,89 t éq. CO₂", "desnz-2024-flight-long-average-rf");

        // A heat pump: 10,000 m³ x (2.04542 / 0.1829) kWh/m³ / 2.5 = 44,733.08 kWh x 0.0019 = 84.99 kg (every line: the
        // generation and the grid's losses), against the gas burned and its upstream: 22,644.12 kg less.
        double electricity = 10_000 * (2.04542 / 0.1829) / 2.5 * QC_KWH;
        double reduction = gas - electricity;
        assertThat(reduction).isCloseTo(22_644.117, within(0.001));
        assertThat(text(By.id("suggestion-0"))).startsWith("Chauffer avec une thermopompe plutôt qu'au gaz naturel")
                .contains("Environ 22,64 t éq. CO₂ de moins par an");
        // 10 % less gas: 2,272.9 kg less.
        assertThat(text(By.id("suggestion-1"))).contains("Consommer 10 % moins de gaz naturel", "Environ 2,27 t éq. CO₂");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('summary').scrollIntoView()");
        Chromium.screenshots(driver, "summary-fr");
        assertThat((Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(1366L);

        clickAndLoad(By.id("suggestion-0-add"));
        assertThat(driver.getCurrentUrl()).contains("/organizations/" + organization + "/targets?added=");
        assertThat(text(By.id("action-added"))).startsWith("Action ajoutée : Chauffer avec une thermopompe");
        List<Map<String, Object>> actions = api.list("/api/organizations/" + organization + "/actions");
        assertThat(actions).hasSize(1);
        assertThat(((Number) actions.get(0).get("expectedYearlyReductionCo2eKg")).doubleValue()).isCloseTo(reduction, within(0.01));
        assertThat(((Number) actions.get(0).get("startYear")).intValue()).isEqualTo(2026);

        openWithSummary(url("/organizations/" + organization + "?year=2025&lang=en"));
        assertThat(text(By.id("summary-total"))).startsWith("Your 2025 footprint: 22.92 t CO₂e.");
        assertThat(text(By.id("summary-trend"))).isEqualTo("No percentage against 2024: that year covers fewer than 11 months of 12.");
        assertThat(text(By.id("summary-largest"))).startsWith("Your largest source is heating with natural gas: 99 %.");
        assertThat(text(By.id("summary-pictured"))).isEqualTo("That is as much as 7.9 return flights Montréal–Paris*.");
        assertThat(text(By.id("suggestion-0"))).startsWith("Heat with a heat pump instead of natural gas");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('summary').scrollIntoView()");
        Chromium.screenshots(driver, "summary-en");
        clickAndLoad(By.id("suggestion-2-add"));
        assertThat(api.list("/api/organizations/" + organization + "/actions")).hasSize(2);
    }

    @Test
    void theFirstBillOfAYearDoesNotReadZeroTonnes() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        // 200 m³ x (1.936311 burned + 0.3366 upstream) = 454.58 kg: shown in kg, not "0,45 t" nor "0 t".
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "natural_gas", "quantity", 200,
                "unit", "m3", "periodStart", "2026-01-01", "periodEnd", "2026-01-31"));
        openWithSummary(url("/organizations/" + organization + "?year=2026"));
        assertThat(text(By.id("footprint-total"))).isEqualTo("455 kg éq. CO₂");
        assertThat(text(By.id("summary-trend"))).isEqualTo("Rien n'a été saisi pour 2025 : pas de comparaison possible.");
        // 454.58 / 2,886.35 = 15.7 % of one return flight.
        assertThat(text(By.id("summary-pictured"))).isEqualTo("C'est 16 % d'un aller-retour Montréal–Paris en avion*.");
    }

    private String text(By by) {
        return driver.findElement(by).getText();
    }

    /**
     * Opens the organization's page until it shows the summary: the page waits a second at most for it and the
     * computation goes on into the cache, so on a loaded machine the first view may come without it.
     */
    private void openWithSummary(String address) {
        driver.get(address);
        assertThat(driver.findElements(By.id("summary"))).as("the summary, on the first view").isNotEmpty();
    }
}
