package org.empreinte.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven by its ChromeDriver: the browser of the browser tests. */
final class Chromium {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

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
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return driver;
    }

    /** Signs in as the test application's first administrator, through the sign-in page as a person would. */
    static void signIn(WebDriver driver, int port) {
        signIn(driver, port, org.empreinte.TestApp.ADMIN_EMAIL, org.empreinte.TestApp.ADMIN_PASSWORD);
    }

    /** Signs in as this person (signing out whoever was signed in). */
    static void signIn(WebDriver driver, int port, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
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
