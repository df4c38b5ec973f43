package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;

import org.assertj.core.data.Offset;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.openqa.selenium.WebElement;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A person in headless Chromium uploads a CSV file of bills with a mistake, reads which row and
 * column to correct in French, corrects the file, uploads it again and reads the footprint.
 */
class CsvImportBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @TempDir
    Path folder;

    @Test
    void uploadsAFileWithAMistakeReadsTheRowToCorrectThenImportsItAndReadsTheFootprint() throws Exception {
        long org = organizationWithSite();
        String header = "type,quantity,unit,periodStart,periodEnd,site,tags\n";
        String electricity = "electricity,7400,kWh,2024-01-19,2024-02-18,Installation Rosemont,hydro-quebec\n";
        Path wrong = Files.writeString(folder.resolve("factures.csv"), header + electricity
                + "natural_gas,1200,kg,2024-03-10,2024-04-09,,energir\n"); // row 3: gas is not billed by mass

        driver.get(url("/organizations/" + org));
        clickAndLoad(By.id("import-csv"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Importer des activités (CSV)");
        driver.findElement(By.id("file")).sendKeys(wrong.toString());
        clickAndLoad(By.id("import-submit"));

        assertThat(driver.findElement(By.id("import-summary")).getText()).isEqualTo("Rien n'a été importé : 1 erreur à corriger.");
        List<WebElement> cells = driver.findElements(By.cssSelector("#import-errors tbody tr td"));
        assertThat(cells).extracting(WebElement::getText).startsWith("3", "unit");
        assertThat(cells.get(2).getText()).startsWith("L'unité « kg » ne convient pas à ce type. Unités possibles : ")
                .contains("m3");
        clickAndLoad(By.linkText("← CPE Les Petits Pas"));
        assertThat(driver.findElement(By.id("footprint-empty")).getText()).as("nothing imported").startsWith("Aucune activité");

        Path corrected = Files.writeString(folder.resolve("factures-corrigees.csv"), header + electricity
                + "natural_gas,1200,m3,2024-03-10,2024-04-09,,energir\n");
        clickAndLoad(By.id("import-csv"));
        driver.findElement(By.id("file")).sendKeys(corrected.toString());
        clickAndLoad(By.id("import-submit"));

        assertThat(driver.getCurrentUrl()).endsWith("/organizations/" + org + "?imported=2");
        assertThat(driver.findElement(By.id("import-notice")).getText()).isEqualTo("2 activités importées depuis le fichier CSV.");
        // eccc-electricity-ca-qc-2020 (the newest data year): 7,400 kWh x 0.0019 = 14.06 kg (generated and lost); eccc-natural-gas-ca-qc:
        // 1,200 m3 x (1.926 + 0.000037 x 28 + 0.000035 x 265) = 2,323.5732 kg (AR5) and its upstream 1,200 x 0.3366 = 403.92 kg
        // (DESNZ 2024 WTT- fuels); 2,741.5532 kg in 2024
        double total = 7_400 * 0.0019 + 1_200 * (1.926 + 0.000037 * 28 + 0.000035 * 265) + 1_200 * 0.3366;
        assertThat(total).isCloseTo(2_741.5532, Offset.offset(1e-9));
        assertThat(text("footprint-total")).isEqualTo("2,74 t éq. CO₂");
        assertThat(driver.findElements(By.cssSelector("#activity-table tbody tr"))).hasSize(2);
        assertThat(driver.findElement(By.id("export-csv")).getAttribute("href"))
                .endsWith("/api/organizations/" + org + "/activities/export");
    }

    private long organizationWithSite() {
        String base = "http://localhost:" + APP.getLocalPort() + "/api/organizations";
        long org;
        try (Response created = APP.client().target(base).request().post(Entity.json(Map.of("name", "CPE Les Petits Pas",
                "sector", "624410", "region", "CA-QC", "employees", 18.5)))) {
            assertThat(created.getStatus()).isEqualTo(201);
            org = created.readEntity(Map.class).get("id") instanceof Number id ? id.longValue() : -1;
        }
        try (Response site = APP.client().target(base + "/" + org + "/sites").request()
                .post(Entity.json(Map.of("name", "Installation Rosemont", "region", "CA-QC")))) {
            assertThat(site.getStatus()).isEqualTo(201);
        }
        return org;
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ').strip();
    }
}
