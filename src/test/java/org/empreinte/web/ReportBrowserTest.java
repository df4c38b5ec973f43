package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;

import org.openqa.selenium.print.PrintOptions;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/** A member opens the report from its organization's page, prints it to PDF in French, then in English. */
class ReportBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void printsTheReportToPdfWithItsFiguresAndAssumptions() throws Exception {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        // eccc-electricity-ca-qc-2018: 100,000 kWh x 0.0017 = 170 kg; desnz-2024-hotel-ca: 3 nights x 7.4 = 22.2 kg.
        api.created(activities, Map.of("type", "electricity", "quantity", 100_000, "unit", "kWh", "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31"));
        api.created(activities, Map.of("type", "hotel", "quantity", 3, "unit", "night", "date", "2024-05-01",
                "dataQuality", "estimated", "attributes", Map.of("country", "CA")));
        api.created(activities, Map.of("type", "electricity", "quantity", 50_000, "unit", "kWh", "periodStart", "2023-01-01",
                "periodEnd", "2023-12-31"));

        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "?year=2024");
        clickAndLoad(By.id("report-link"));
        // 192.2 kg is 0.19 t; the French page writes a decimal comma.
        assertThat(driver.findElement(By.id("report-total")).getText()).isEqualTo("0,19 t éq. CO2");
        assertThat(driver.findElement(By.id("report-market-note")).getText()).contains("selon le marché = selon l'emplacement");
        assertThat(driver.findElements(By.cssSelector("#report-chart-scope svg"))).hasSize(1);

        String french = printedText();
        assertThat(french).contains("Bilan des émissions de gaz à effet de serre — 2024", "Nos hypothèses",
                "eccc-electricity-ca-qc-2018", "desnz-2024-hotel-ca", "Open Government Licence - Canada",
                "Catégories ISO 14064-1");
        // 170 + 22.2 kg against 2023's 85 kg: +107.2 kg (shown whole above 100 kg), +126.1 %.
        assertThat((170 + 22.2 - 85) / 85 * 100).isBetween(126.11, 126.12);
        assertThat(french).contains("Variation +107 +126,1 %");
        // 170 kg of 192.2 measured: 88.4 %.
        assertThat(french).contains("88,4 %");
        // The print stylesheet starts the categories and the assumptions on pages of their own, and hides the tools.
        assertThat(pages()).isGreaterThanOrEqualTo(3);
        assertThat(french).doesNotContain("Imprimer ou enregistrer en PDF");

        clickAndLoad(By.id("lang-switch"));
        assertThat(driver.findElement(By.id("report-total")).getText()).isEqualTo("0.19 t CO2e");
        String english = printedText();
        assertThat(english).contains("Greenhouse gas emissions report — 2024", "Our assumptions: every factor applied",
                "Change +107 +126.1 %", "88.4 %");
        assertThat(driver.findElement(By.id("report-csv")).getAttribute("href")).endsWith("year=2024&format=csv&lang=en");
    }

    @Test
    void recordsTheYearsFiguresAndAContractFromTheReportPage() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        // eccc-electricity-ca-qc-2018: 100,000 kWh x 0.0017 = 170 kg.
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 100_000,
                "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "/report?year=2024");
        // Without figures of its own, the profile's 30 FTE: 170 / 30 = 5.667, shown 5,7 kg, said to be the profile's.
        assertThat(driver.findElement(By.id("report-intensities")).getText()).contains("5,7 kg", "profil actuel");

        driver.findElement(By.id("employees")).sendKeys("12,5");
        clickAndLoad(By.id("figures-submit"));
        // 170 / 12.5 = 13.6 kg per FTE, recorded for the year; the field keeps what was typed, in French.
        assertThat(driver.findElement(By.id("report-intensities")).getText()).contains("13,6").doesNotContain("profil actuel");
        assertThat(driver.findElement(By.id("employees")).getAttribute("value")).isEqualTo("12,5");

        // A supplier's contract without its rate is refused beside the field, the input kept.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("supplier");
        driver.findElement(By.id("description")).sendKeys("Fournisseur");
        clickAndLoad(By.id("contract-submit"));
        assertThat(driver.findElement(By.cssSelector("#contract-form .has-error .field-error")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("description")).getAttribute("value")).isEqualTo("Fournisseur");

        // Renewable electricity for every site: market-based scope 2 is 0.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("renewable");
        driver.findElement(By.id("description")).clear();
        driver.findElement(By.id("description")).sendKeys("Certificats d'énergie renouvelable");
        clickAndLoad(By.id("contract-submit"));
        assertThat(driver.findElement(By.id("contracts")).getText()).contains("Certificats d'énergie renouvelable", "2024");
        assertThat(driver.findElement(By.id("report-market")).getText()).isEqualTo("0 t éq. CO2");
        assertThat(driver.findElement(By.id("report-total")).getText()).isEqualTo("0,17 t éq. CO2");

        clickAndLoad(By.cssSelector("#contracts button"));
        assertThat(driver.findElement(By.id("contracts-none")).getText()).startsWith("Aucun contrat");
        assertThat(driver.findElement(By.id("report-market")).getText()).isEqualTo("0,17 t éq. CO2");
    }

    private byte[] lastPdf;

    private String printedText() throws Exception {
        lastPdf = Base64.getDecoder().decode(((PrintsPage) driver).print(new PrintOptions()).getContent());
        assertThat(new String(lastPdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(lastPdf)) {
            // Table cells wrap over lines: compare words, not layout.
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private int pages() throws Exception {
        try (PDDocument document = Loader.loadPDF(lastPdf)) {
            return document.getNumberOfPages();
        }
    }
}
