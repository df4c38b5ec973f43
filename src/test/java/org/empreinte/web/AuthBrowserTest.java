package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/**
 * A member signs in on the French page, sees only its own organization, is refused a form whose
 * CSRF token was taken out, creates an API token shown once, and signs out.
 */
class AuthBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Override
    protected boolean signsInFirst() {
        return false;
    }
    private static final String PASSWORD = "une longue phrase de passe";

    @Test
    void signsInSeesItsOwnOrganizationIsRefusedAForgedFormAndSignsOut() {
        ApiCalls api = new ApiCalls(APP);
        long own = api.organization();
        api.created("/api/organizations", Map.of("name", "Autre coop", "sector", "624410", "region", "CA-QC", "employees", 3));
        long user = ((Number) api.created("/api/users", Map.of("email", "membre@example.org", "name", "Membre",
                "password", PASSWORD)).get("id")).longValue();
        api.created("/api/organizations/" + own + "/members", Map.of("userId", user, "role", "editor"));
        String base = "http://localhost:" + APP.getLocalPort();

        driver.get(base + "/organizations/" + own);
        assertThat(driver.getCurrentUrl()).contains("/login");
        driver.findElement(By.id("email")).sendKeys("membre@example.org");
        driver.findElement(By.id("password")).sendKeys("pas le bon");
        clickAndLoad(By.id("login-submit"));
        assertThat(driver.findElement(By.id("login-refused")).getText()).isEqualTo("Courriel ou mot de passe incorrect.");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        clickAndLoad(By.id("login-submit"));
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
        // Back where the person was going.
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "/organizations/" + own);
        assertThat(driver.findElement(By.id("account-link")).getText()).isEqualTo("Membre");

        driver.get(base + "/");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Chantier").doesNotContain("Autre coop");

        // The site form without its CSRF token, as another site's page would post it: refused, nothing stored.
        driver.get(base + "/organizations/" + own);
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('#site-form input[name=csrf]').remove();");
        driver.findElement(By.id("site-name")).sendKeys("Site forgé");
        clickAndLoad(By.cssSelector("#site-form button[type=submit]"));
        waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("Ce formulaire a expiré"));
        assertThat(api.list("/api/organizations/" + own + "/sites")).isEmpty();

        // A token, shown once.
        driver.get(base + "/account");
        driver.findElement(By.id("label")).sendKeys("tableur");
        clickAndLoad(By.id("token-submit"));
        String token = driver.findElement(By.id("new-token")).getText();
        assertThat(token).startsWith("emp_");
        driver.get(base + "/account");
        assertThat(driver.getPageSource()).doesNotContain(token).contains("tableur");

        clickAndLoad(By.id("logout"));
        waiting().until(d -> d.getCurrentUrl().contains("/login"));
        driver.get(base + "/organizations/" + own);
        assertThat(driver.getCurrentUrl()).contains("/login");
    }
}
