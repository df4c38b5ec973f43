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
        // eccc-electricity-ca-qc-2020 (the newest data year, for 2023 and 2024): 100,000 kWh x 0.0019 = 190 kg (150 kg
        // generated, scope 2; 40 kg lost, scope 3);
        // desnz-2024-hotel-ca: 3 nights x 7.4 = 22.2 kg.
        api.created(activities, Map.of("type", "electricity", "quantity", 100_000, "unit", "kWh", "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31"));
        api.created(activities, Map.of("type", "hotel", "quantity", 3, "unit", "night", "date", "2024-05-01",
                "dataQuality", "estimated", "attributes", Map.of("country", "CA")));
        api.created(activities, Map.of("type", "electricity", "quantity", 50_000, "unit", "kWh", "periodStart", "2023-01-01",
                "periodEnd", "2023-12-31"));

        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "?year=2024");
        clickAndLoad(By.id("report-link"));
        // 212.2 kg, under a tonne: shown in kg (never "0 t").
        assertThat(driver.findElement(By.id("report-total")).getText()).isEqualTo("212 kg éq. CO₂");
        // 190 of 212.2 kg: 89.5 % -> 90 %; 22.2 kg: 10.5 % -> 10 %.
        assertThat(driver.findElement(By.id("report-largest")).getText())
                .isEqualTo("Votre plus grande source est l'électricité : 90 %. Puis les nuits d'hôtel (10 %).");
        assertThat(driver.findElement(By.id("report-market-note")).getText()).contains("selon le marché = selon l'emplacement");
        assertThat(driver.findElements(By.cssSelector("#report-chart-scope svg"))).hasSize(1);

        String french = printedText();
        assertThat(french).contains("Bilan des émissions de gaz à effet de serre — 2024", "Nos hypothèses",
                "eccc-electricity-generation-ca-qc-2020", "eccc-electricity-losses-ca-qc-2020", "desnz-2024-hotel-ca",
                "Open Government Licence - Canada", "Ce rapport comprend portée 2 : Électricité achetée",
                "Catégories ISO 14064-1");
        // 190 + 22.2 kg against 2023's 50,000 kWh x 0.0019 = 95 kg: +117.2 kg (shown whole above 100 kg), and no
        // percentage: hotels weigh 22.2 / 212.2 = 10.5 % of 2024 and are absent from 2023 (and 95 kg is under 100 kg).
        assertThat(french).contains("Variation +117").doesNotContain("123,4 %");
        assertThat(driver.findElement(By.id("report-no-percent")).getText()).startsWith("Pas de pourcentage : une source"
                + " importante ne figure que dans l'une des deux périodes (Déplacements professionnels)");
        // 190 kg of 212.2 measured: 89.5 %.
        assertThat(french).contains("89,5 %");
        // The print stylesheet starts the categories and the assumptions on pages of their own, and hides the tools.
        assertThat(pages()).isGreaterThanOrEqualTo(3);
        assertThat(french).doesNotContain("Imprimer ou enregistrer en PDF");

        clickAndLoad(By.id("lang-switch"));
        assertThat(driver.findElement(By.id("report-total")).getText()).isEqualTo("212 kg CO₂e");
        String english = printedText();
        assertThat(english).contains("Greenhouse gas emissions report — 2024", "Our assumptions: every factor applied",
                "Change +117", "89.5 %");
        assertThat(driver.findElement(By.id("report-csv")).getAttribute("href")).endsWith("year=2024&format=csv&lang=en");
    }

    @Test
    void recordsTheYearsFiguresAndAContractFromTheReportPage() {
        ApiCalls api = new ApiCalls(APP);
        long organization = api.organization();
        // eccc-electricity-ca-qc-2020 (the newest data year): 100,000 kWh x 0.0019 = 190 kg.
        api.created("/api/organizations/" + organization + "/activities", Map.of("type", "electricity", "quantity", 100_000,
                "unit", "kWh", "periodStart", "2024-01-01", "periodEnd", "2024-12-31"));
        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + organization + "/report?year=2024");
        // Without figures of its own, the profile's 30 FTE: 190 / 30 = 6.333, shown 6,3 kg, said to be the profile's.
        assertThat(driver.findElement(By.id("report-intensities")).getText()).contains("6,3 kg", "profil actuel");

        driver.findElement(By.id("employees")).sendKeys("12,5");
        clickAndLoad(By.id("figures-submit"));
        // 190 / 12.5 = 15.2 kg per FTE, recorded for the year; the field keeps what was typed, in French.
        assertThat(driver.findElement(By.id("report-intensities")).getText()).contains("15,2").doesNotContain("profil actuel");
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
        // It replaces the generation's part; the grid's losses, 100,000 kWh x 0.0004 (NIR 2022, Table A13-6, 2020:
        // 1.9 g consumed less 1.5 generated) = 40 kg in scope 3, stay location-based.
        assertThat(driver.findElement(By.id("report-market")).getText()).isEqualTo("40 kg éq. CO₂");
        // 190 kg location-based.
        assertThat(driver.findElement(By.id("report-total")).getText()).isEqualTo("190 kg éq. CO₂");

        clickAndLoad(By.cssSelector("#contracts button"));
        assertThat(driver.findElement(By.id("contracts-none")).getText()).startsWith("Aucun contrat");
        assertThat(driver.findElement(By.id("report-market")).getText()).isEqualTo("190 kg éq. CO₂");
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
