package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A coordinator who does not know the SCIAN codes types words in the organization's sector field and a purchase's
 * supplier field, picks a suggestion, and reads what it is, in French and in English.
 */
@Tiers.Slow
class CodesBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void findsTheSectorByAFrenchWordAndAPurchaseCodeByItsDigits() {
        driver.get(url("/?lang=fr"));
        driver.findElement(By.id("name")).sendKeys("CPE Les Codes");
        String label = pick("sector", "garderie", "624410");
        assertThat(label).contains("garderie").contains("Child day-care services").contains("Classe canadienne");
        waiting().until(d -> d.findElement(By.id("sector-naics-note")).getText()
                .equals("Classe canadienne 624410 : Child day-care services"));
        Chromium.screenshots(driver, "codes-sector-fr");
        driver.findElement(By.id("employees")).sendKeys("12");
        clickAndLoad(By.cssSelector("#organization-form button[type=submit]"));
        assertThat(driver.findElement(By.id("organization-name")).getText()).isEqualTo("CPE Les Codes");
        assertThat(driver.getPageSource()).contains("624410");

        clickAndLoad(By.id("log-bill"));
        new Select(driver.findElement(By.id("type"))).selectByValue("purchase");
        WebElement note = driver.findElement(By.id("naics-naics-note"));
        assertThat(note.getText()).startsWith("Tapez des mots");
        // A Canadian class without a factor of its own: the page says which code's factor the purchase takes.
        pick("naics", "53111", "531111");
        waiting().until(d -> d.findElement(By.id("naics-naics-note")).getText().endsWith("achat : facteur du code 53111"));
        Chromium.screenshots(driver, "codes-purchase-fr");
    }

    @Test
    void findsTheSectorAndASupplierByEnglishWords() {
        driver.get(url("/?lang=en"));
        driver.findElement(By.id("name")).sendKeys("Grocery Co-op");
        String label = pick("sector", "grocery", "445110");
        assertThat(label).contains("Supermarkets and other grocery retailers").contains("Canadian industry");
        waiting().until(d -> d.findElement(By.id("sector-naics-note")).getText()
                .startsWith("Canadian industry 445110: Supermarkets"));
        Chromium.screenshots(driver, "codes-sector-en");
        driver.findElement(By.id("employees")).sendKeys("8");
        clickAndLoad(By.cssSelector("#organization-form button[type=submit]"));
        assertThat(driver.getPageSource()).contains("445110");

        clickAndLoad(By.id("log-bill"));
        new Select(driver.findElement(By.id("type"))).selectByValue("purchase");
        pick("naics", "caterers", "722320");
        waiting().until(d -> d.findElement(By.id("naics-naics-note")).getText()
                .equals("Canadian industry 722320: Caterers — purchase: factor of code 722320"));
        Chromium.screenshots(driver, "codes-purchase-en");
    }

    /**
     * Types the words, waits for the suggestion of that code, and picks it as the browser's list does (the field
     * takes the option's value); the option's label.
     */
    private String pick(String field, String words, String code) {
        WebElement input = driver.findElement(By.id(field));
        input.clear();
        input.sendKeys(words);
        String list = input.getAttribute("list");
        By option = By.cssSelector("#" + list + " option[value='" + code + "']");
        waiting().until(d -> !d.findElements(option).isEmpty());
        String label = driver.findElement(option).getAttribute("label");
        if (label == null || label.isEmpty()) {
            label = driver.findElement(option).getAttribute("textContent");
        }
        input.clear();
        input.sendKeys(code);
        return label;
    }
}
