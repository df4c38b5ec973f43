package org.empreinte.web;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

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
}
