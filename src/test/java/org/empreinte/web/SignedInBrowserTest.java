package org.empreinte.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.empreinte.Tiers;

/**
 * A browser test: a headless Chromium per test, signed in as the test application's administrator
 * unless the test signs in by itself, and closed after it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Browser
abstract class SignedInBrowserTest {

    protected WebDriver driver;

    /** The test class's application (each class starts its own, on its own database). */
    protected abstract DropwizardAppExtension<?> app();

    /** False for a test that signs in through the page itself. */
    protected boolean signsInFirst() {
        return true;
    }

    @BeforeAll
    static void requireChromium() {
        Chromium.require();
    }

    @BeforeEach
    void openBrowser() {
        driver = Chromium.open();
        if (signsInFirst()) {
            Chromium.signIn(driver, app().getLocalPort());
        }
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + app().getLocalPort() + path;
    }

    /** A wait on a condition, up to {@link Chromium#PATIENCE}. */
    protected WebDriverWait waiting() {
        return Chromium.waiting(driver);
    }

    /** Does what leaves the page and waits for the next one (see {@link Chromium#navigate}). */
    protected void navigate(Runnable action) {
        Chromium.navigate(driver, action);
    }

    /** Clicks a link or a form's button and waits for the page it leads to. */
    protected void clickAndLoad(By by) {
        navigate(() -> driver.findElement(by).click());
    }

    protected Alert alert() {
        return Chromium.alert(driver);
    }
}
