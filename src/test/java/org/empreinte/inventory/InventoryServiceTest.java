package org.empreinte.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.jackson.Jackson;

import org.empreinte.Tiers;
import org.empreinte.activity.ActivityFeature;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.TestActivities;
import org.empreinte.audit.AuditTrail;
import org.empreinte.db.TestDatabase;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.web.ApiException;

/**
 * A submitted year stays as it was submitted: after an activity is added and after the factor set changes version,
 * its figures are the same and the difference says what moved. Québec's electricity at eccc-electricity-ca-qc-2020
 * (eccc-canada v2) = 0.0019 kg CO2e/kWh (0.0015 generated, 0.0004 lost), natural gas 1.936311 kg CO2e/m3 burned and
 * 0.3366 upstream.
 */
@Tiers.Database
class InventoryServiceTest {

    private static final List<String> ORDER = List.of("eccc-canada", "desnz-2024");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-15T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Jdbi jdbi;
    private long quebec;

    @BeforeEach
    void aYearOfBills() {
        jdbi = TestDatabase.migrated(folder.resolve("i.db"));
        quebec = TestDatabase.organizations(jdbi, CLOCK)
                .create(new OrganizationRequest("Coop QC", "624410", "CA-QC", 5.0, null, null)).id();
        ActivityFeature activities = TestActivities.wire(jdbi, shipped(), CLOCK);
        activities.activities().create(quebec, bill("electricity", 10_000, "kWh"));
        activities.activities().create(quebec, bill("natural_gas", 1_000, "m3"));
    }

    @Test
    void aSubmittedYearKeepsItsFiguresAfterAnActivityIsAddedAndAFactorChanges() throws IOException {
        InventoryService inventories = service(shipped());
        Inventory submitted = inventories.submit(quebec, 2024);
        // Electricity 10,000 kWh x 0.0019 (1.5 g generated in scope 2, 0.4 g lost in scope 3), gas 1,000 m3 x 1.936311
        // burned and 1,000 x 0.3366 upstream (DESNZ 2024 WTT- fuels).
        double before = 10_000 * 0.0019 + 1_000 * 1.936311 + 1_000 * 0.3366;
        assertThat(submitted.state()).isEqualTo("submitted");
        assertThat(submitted.submitted().version()).isEqualTo(1);
        assertThat(submitted.submitted().snapshot().totalCo2eKg()).isCloseTo(before, within(1e-9));
        assertThat(submitted.submitted().snapshot().employees()).isEqualTo(5.0);
        assertThat(submitted.submitted().snapshot().factors()).extracting(InventorySnapshot.Factor::factorId)
                .contains("eccc-electricity-generation-ca-qc-2020", "eccc-electricity-losses-ca-qc-2020",
                        "desnz-2024-natural-gas-upstream-m3");
        assertThat(submitted.sinceSubmitted().changed()).isFalse();

        // An activity added: 5,000 kWh more, 9.5 kg; the submission does not move, the difference says it.
        TestActivities.wire(jdbi, shipped(), CLOCK).activities().create(quebec, bill("electricity", 5_000, "kWh"));
        Inventory added = inventories.year(quebec, 2024);
        assertThat(added.submitted().snapshot().totalCo2eKg()).isCloseTo(before, within(1e-9));
        assertThat(added.sinceSubmitted().changed()).isTrue();
        assertThat(added.sinceSubmitted().activities()).isEqualTo(1);
        assertThat(added.sinceSubmitted().totalCo2eKg()).isCloseTo(5_000 * 0.0019, within(1e-9));
        assertThat(added.sinceSubmitted().byScope().get("2")).isCloseTo(5_000 * 0.0015, within(1e-9));
        assertThat(inventories.submitted(2024, List.of(quebec)).get(quebec).totalCo2eKg()).isCloseTo(before, within(1e-9));

        // The factor file changes (v3: Québec's electricity at 2.6 g, 2.2 generated and 0.4 lost) and results are recomputed.
        FactorLibrary edited = editedLibrary();
        TestActivities.wire(jdbi, edited).recomputation().recompute(true);
        InventoryService after = service(edited);
        Inventory updated = after.year(quebec, 2024);
        assertThat(updated.submitted().snapshot().totalCo2eKg()).isCloseTo(before, within(1e-9));
        assertThat(after.submitted(2024, List.of(quebec)).get(quebec).totalCo2eKg()).isCloseTo(before, within(1e-9));
        assertThat(updated.sinceSubmitted().totalCo2eKg()).isCloseTo(15_000 * 0.0026 - 10_000 * 0.0019, within(1e-9));
        assertThat(updated.sinceSubmitted().factors()).anySatisfy(change -> {
            assertThat(change.factorId()).isEqualTo("eccc-electricity-generation-ca-qc-2020");
            assertThat(change.submittedVersion()).isEqualTo("2");
            assertThat(change.liveVersion()).isEqualTo("3");
            assertThat(change.submittedCo2eKgPerUnit()).isEqualTo(0.0015);
            assertThat(change.liveCo2eKgPerUnit()).isEqualTo(0.0022);
        });

        // Submitted, it cannot be submitted again; reopened, a second version holds the new figures, the first stays.
        assertThatThrownBy(() -> after.submit(quebec, 2024)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409));
        assertThat(after.reopen(quebec, 2024, "facture oubliée").state()).isEqualTo("reopened");
        assertThat(after.submitted(2024, List.of(quebec)).get(quebec).totalCo2eKg())
                .as("reopened, others still read the last submission").isCloseTo(before, within(1e-9));
        Inventory second = after.submit(quebec, 2024);
        assertThat(second.submitted().version()).isEqualTo(2);
        assertThat(second.submitted().snapshot().totalCo2eKg()).isCloseTo(15_000 * 0.0026 + 1_000 * 1.936311 + 1_000 * 0.3366,
                within(1e-9));
        assertThat(second.versions()).extracting(Inventory.VersionSummary::version).containsExactly(1, 2);
        assertThat(after.version(quebec, 2024, 1).snapshot().totalCo2eKg()).isCloseTo(before, within(1e-9));
        assertThat(second.sinceSubmitted().changed()).isFalse();

        // Each step is in the organization's trail.
        AuditTrail trail = new AuditTrail(jdbi, Jackson.newObjectMapper(), CLOCK);
        assertThat(trail.events(quebec, 100)).filteredOn(e -> e.entity().equals("inventory")).hasSize(3);
    }

    @Test
    void aCoordinatorReviewsOrSendsBackWithWhatToFix() {
        InventoryService inventories = service(shipped());
        assertThatThrownBy(() -> inventories.review(quebec, 2024, null)).as("nothing submitted yet")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(409));
        inventories.submit(quebec, 2024);
        assertThatThrownBy(() -> inventories.sendBack(quebec, 2024, " ")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).field()).isEqualTo("comment"));
        Inventory returned = inventories.sendBack(quebec, 2024, "Il manque le chauffage de l'entrepôt.");
        assertThat(returned.state()).isEqualTo("reopened");
        assertThat(returned.comment()).isEqualTo("Il manque le chauffage de l'entrepôt.");
        inventories.submit(quebec, 2024);
        Inventory reviewed = inventories.review(quebec, 2024, null);
        assertThat(reviewed.state()).isEqualTo("reviewed");
        assertThat(reviewed.comment()).isNull();
        assertThat(inventories.submitted(2024, List.of(quebec)).get(quebec).state()).isEqualTo("reviewed");
    }

    @Test
    void anEmptyOrFutureYearIsRefusedAndNothingIsStored() {
        InventoryService inventories = service(shipped());
        assertThatThrownBy(() -> inventories.submit(quebec, 2023)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).messageKey()).isEqualTo("error_inventory_empty"));
        assertThatThrownBy(() -> inventories.submit(quebec, 2026)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).messageKey()).isEqualTo("error_inventory_future"));
        assertThat(inventories.year(quebec, 2023).state()).isEqualTo("open");
        int versions = jdbi.withHandle(h -> TestDatabase.count(h, "inventory_version"));
        assertThat(versions).isZero();
        assertThatThrownBy(() -> inventories.year(999, 2024)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(404));
    }

    private InventoryService service(FactorLibrary library) {
        return new InventoryService(jdbi, TestDatabase.footprints(jdbi, library), TestDatabase.figures(jdbi),
                TestDatabase.units(jdbi, CLOCK), Jackson.newObjectMapper(), CLOCK);
    }

    private static FactorLibrary shipped() {
        return org.empreinte.factor.TestLibraries.shipped(ORDER);
    }

    private FactorLibrary editedLibrary() throws IOException {
        return org.empreinte.factor.TestLibraries.quebecElectricityUpdated(folder);
    }

    private static ActivityRequest bill(String type, double quantity, String unit) {
        return new ActivityRequest(type, quantity, unit, "2024-03-01", "2024-03-31", null, null, null, null, null, null);
    }
}
