package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TemplateFill;
import org.empreinte.TemplateImportApiTest;
import org.empreinte.TestApp;

/**
 * A person downloads the energy template from the import page, fills it with a year of 24 bills for a site the
 * organization does not have yet, checks it, creates the site from the check screen (which checks the file again
 * without choosing it again), imports it and reads the footprint.
 */
class TemplateImportBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @TempDir
    Path folder;

    @Test
    void fills24BillsInTheTemplateCreatesTheirSiteAtTheCheckImportsThemAndReadsTheFootprint() throws Exception {
        long org;
        try (Response created = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/organizations").request()
                .post(Entity.json(Map.of("name", "CPE Les Petits Pas", "sector", "624410", "region", "CA-QC", "employees", 18)))) {
            org = ((Number) created.readEntity(Map.class).get("id")).longValue();
        }
        driver.get(url("/organizations/" + org + "/activities/import"));
        String href = driver.findElement(By.cssSelector("#import-templates a")).getAttribute("href");
        assertThat(driver.findElement(By.cssSelector("#import-templates a")).getText()).isEqualTo("Factures d'énergie (XLSX)");
        assertThat(href).endsWith("/api/organizations/" + org + "/activities/templates/energy?lang=fr");
        byte[] template;
        try (Response response = APP.client().target(href).request().get()) {
            template = response.readEntity(byte[].class);
        }
        Path filled = Files.write(folder.resolve("factures-2024.xlsx"), TemplateFill.fill(template, TemplateImportApiTest.bills()));

        driver.findElement(By.id("file")).sendKeys(filled.toString());
        clickAndLoad(By.id("import-check"));
        assertThat(driver.findElement(By.id("import-unknown-sites")).getText())
                .contains("Sites nommés par le fichier qui n'existent pas encore : Installation Rosemont.");
        scrollTo("import-unknown-sites");
        Chromium.screenshots(driver, "import-unknown-site");
        new Select(driver.findElement(By.cssSelector(".import-site-region"))).selectByValue("CA-QC");
        clickAndLoad(By.cssSelector(".import-create-site"));

        assertThat(driver.findElement(By.id("import-notice")).getText()).isEqualTo("Site « Installation Rosemont » créé.");
        assertThat(text("import-preview")).isEqualTo("Ce fichier ajouterait 24 activités, 16 592,2 kg éq. CO₂ en tout. Rien n'a"
                + " encore été importé : le fichier est gardé, « Importer » l'importe.");
        assertThat(driver.findElement(By.id("import-kept")).getText()).contains("factures-2024.xlsx");
        scrollTo("import-preview");
        Chromium.screenshots(driver, "import-rechecked");
        clickAndLoad(By.id("import-submit"));

        assertThat(driver.getCurrentUrl()).endsWith("/organizations/" + org + "?imported=24");
        // 59,800 kWh x 0.0019 + 7,250 m3 x (1.936311 + 0.3366 upstream) = 113.62 + 14,038.25475 + 2,440.35
        // = 16,592.22475 kg (TemplateImportApiTest)
        assertThat(TemplateImportApiTest.EXPECTED_2024).isCloseTo(16_592.22475, Offset.offset(1e-6));
        assertThat(text("footprint-total")).isEqualTo("16,59 t éq. CO₂");
    }

    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()",
                driver.findElement(By.id(id)));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }
}
