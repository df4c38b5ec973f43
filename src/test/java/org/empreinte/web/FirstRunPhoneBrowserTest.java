package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * The home page of a new database on a 390 px phone: its first steps, whose command is longer than the screen,
 * scroll in their own box rather than widening the page (PhoneLayoutBrowserTest sees the home page with organizations).
 */
class FirstRunPhoneBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void theFirstStepsFitAPhoneInEitherLanguage() {
        for (String language : List.of("fr", "en")) {
            driver.manage().window().setSize(new Dimension(390, 900));
            driver.get(url("/?lang=" + language));
            assertThat(driver.findElement(By.id("load-example")).getText()).contains("load --url " + url("") + " examples/");
            long width = ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth"))
                    .longValue();
            assertThat(width).as(language).isLessThanOrEqualTo(390);
        }
    }
}
