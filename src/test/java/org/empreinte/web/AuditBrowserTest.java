package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;

/** An editor reads the history of changes in French and restores an activity deleted by mistake. */
class AuditBrowserTest extends SignedInBrowserTest {

    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create();

    @Override
    protected DropwizardAppExtension<?> app() {
        return APP;
    }

    @Test
    void restoresADeletedActivityFromTheHistory() {
        ApiCalls api = new ApiCalls(APP);
        long org = api.organization();
        String activities = "/api/organizations/" + org + "/activities";
        long id = ((Number) api.created(activities, Map.of("type", "electricity", "quantity", 12_000, "unit", "kWh",
                "periodStart", "2024-01-01", "periodEnd", "2024-01-31")).get("id")).longValue();
        assertThat(api.request(activities + "/" + id).delete().getStatus()).isEqualTo(204);

        driver.get("http://localhost:" + APP.getLocalPort() + "/organizations/" + org);
        clickAndLoad(By.id("audit-link"));
        String history = driver.findElement(By.id("audit")).getText().replaceAll("[\\u00a0\\u202f]", " ");
        assertThat(history).contains("Activité — suppression", "Activité — ajout", "Jeton d'administration", "Électricité, 12 000 kWh : 22,8 kg");
        clickAndLoad(By.id("restore-" + id));

        assertThat(driver.findElement(By.id("audit-restored")).getText()).startsWith("Activité restaurée");
        assertThat(driver.findElement(By.id("audit")).getText()).contains("Activité — restauration");
        assertThat(driver.findElements(By.id("restore-" + id))).isEmpty();
        // Back in the organization's activities: 12,000 kWh x 0.0015 generated (eccc-electricity-generation-ca-qc-2020, the
        // newest data year) = 18 kg in scope 2, its direct line; 12,000 x 0.0019 = 22.8 kg with the grid's losses.
        assertThat(api.list(activities)).singleElement().satisfies(a -> {
            assertThat(((Number) a.get("co2eKg")).doubleValue()).isCloseTo(12_000 * 0.0015, within(1e-9));
            assertThat(((Number) a.get("allLinesCo2eKg")).doubleValue()).isCloseTo(12_000 * 0.0019, within(1e-9));
        });
    }
}
