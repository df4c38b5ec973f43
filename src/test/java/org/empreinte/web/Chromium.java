package org.empreinte.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven by its ChromeDriver: the browser of the browser tests. */
final class Chromium {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    /**
     * The longest any wait of a browser test may last. Every wait is on a condition and ends as soon as it holds,
     * so this costs nothing while the tests pass; it only has to exceed the slowest page on a loaded CI machine.
     */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private Chromium() {
    }

    /** Skips the test on a developer's machine without Chromium; in CI, .ci/run installs it and it must run. */
    static void require() {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have Debian's chromium and chromium-driver installed (see .ci/run)");
        }
        assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
    }

    /** A new browser whose user prefers French, as most of Empreinte's users do. */
    static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without the background-networking flags Chromium keeps calling out, and this machine has no network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=fr-CA");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-CA,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        // No implicit wait: it made every check that something is absent last its whole length, and a find
        // right after leaving a page could still run on that page. The tests wait on conditions instead (navigate).
        return new ChromeDriver(service, options);
    }

    /** Signs in as the test application's first administrator, through the sign-in page as a person would. */
    static void signIn(WebDriver driver, int port) {
        signIn(driver, port, org.empreinte.TestApp.ADMIN_EMAIL, org.empreinte.TestApp.ADMIN_PASSWORD);
    }

    /** Signs in as this person (signing out whoever was signed in). */
    static void signIn(WebDriver driver, int port, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        navigate(driver, () -> driver.findElement(By.id("login-submit")).click());
        waiting(driver).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, PATIENCE);
    }

    /**
     * Does what leaves the page (following a link, sending a form, accepting a confirmation that sends one), then
     * waits until the page it was on is gone and the next one is loaded. Without this wait the next find could
     * run on the page being left, or on none while the next one loads, where a check that something is absent
     * passes whatever the next page holds. The page is taken before the action: while a confirmation is open,
     * the browser answers nothing else.
     */
    static void navigate(WebDriver driver, Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        waiting(driver).until(d -> gone(page));
        waiting(driver).ignoring(JavascriptException.class).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * True once the element left the document. While the new page replaces it, Chromium may answer the
     * question with an inspector error ("Node with given id does not belong to the document") rather than
     * as a stale element: both mean the old page is gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The confirmation the page opened (a form marked data-confirm opens it as it is sent). */
    static Alert alert(WebDriver driver) {
        return waiting(driver).until(ExpectedConditions.alertIsPresent());
    }

    /**
     * The page as it stands, at a laptop's 1366 px and a phone's 390 px, in target/screenshots/ for a
     * person to look at; the window is left at 1366 px.
     */
    static void screenshots(WebDriver driver, String name) {
        try {
            java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            for (int width : new int[] {390, 1366}) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                java.nio.file.Files.write(folder.resolve(name + "-" + width + ".png"), png);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
