package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.jackson.Jackson;

import org.empreinte.Tiers;
import org.empreinte.calculation.Period;
import org.empreinte.db.TestDatabase;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.OrganizationService;

/** A factor file changes: stored results are stale until recomputed, and the recomputation says what changed. */
@Tiers.Database
@Tiers.Slow
class RecalculationTest {

    private static final List<String> ORDER = List.of("eccc-canada", "desnz-2024");

    @TempDir
    Path folder;

    private Jdbi jdbi;
    private long quebec;
    private long ontario;

    @BeforeEach
    void logWithTheShippedFactors() {
        jdbi = TestDatabase.migrated(folder.resolve("r.db"));
        FactorLibrary shipped = org.empreinte.factor.TestLibraries.shipped(ORDER);
        OrganizationService organizations = org.empreinte.db.TestDatabase.organizations(jdbi, Clock.systemUTC());
        ActivityService activities = service(shipped).activities();
        quebec = organizations.create(new OrganizationRequest("Coop QC", "624410", "CA-QC", 5.0, null, null)).id();
        ontario = organizations.create(new OrganizationRequest("Coop ON", "624410", "CA-ON", 5.0, null, null)).id();
        activities.create(quebec, bill("electricity", 10_000, "kWh"));
        activities.create(quebec, bill("natural_gas", 1_000, "m3"));
        activities.create(ontario, bill("electricity", 10_000, "kWh"));
    }

    @Test
    void nothingChangesWhileTheLibraryIsTheSame() {
        Recomputation activities = service(org.empreinte.factor.TestLibraries.shipped(ORDER)).recomputation();
        assertThat(activities.staleResults()).isEmpty();
        Recalculation result = activities.recompute(true);
        assertThat(result.examined()).isEqualTo(3);
        assertThat(result.changed()).isZero();
    }

    @Test
    void aNewVersionOfTheQuebecElectricityFactorIsAppliedOnlyWhenAskedAndReported() throws IOException {
        Recomputation activities = service(editedLibrary()).recomputation();

        // eccc-canada v2 results are now stale.
        assertThat(activities.staleResults()).extracting(ActivityDao.SetCount::factorSet, ActivityDao.SetCount::factorSetVersion,
                ActivityDao.SetCount::activities).containsExactly(org.assertj.core.groups.Tuple.tuple("eccc-canada", "2", 3L));

        Recalculation dryRun = activities.recompute(false);
        // Québec: 10,000 kWh × (1.5 g generated + 0.4 g lost) = 15 + 4 = 19 kg becomes × (2.2 + 0.4) = 22 + 4 = 26 kg;
        // gas 1,000 m³ × 1.936311 kg = 1,936.311 kg and its upstream 1,000 m³ × 0.3366 kg (DESNZ WTT) = 336.6 kg unchanged.
        // Ontario's factors did not change, but their set's version did: its activity is rewritten with v3.
        Recalculation.OrganizationChange qc = dryRun.organizations().stream()
                .filter(c -> c.organizationId() == quebec).findFirst().orElseThrow();
        assertThat(qc.beforeCo2eKg()).isCloseTo(19 + 1936.311 + 336.6, within(1e-6));
        assertThat(qc.afterCo2eKg()).isCloseTo(26 + 1936.311 + 336.6, within(1e-6));
        assertThat(dryRun.changed()).isEqualTo(3);
        assertThat(dryRun.factorChanges()).containsEntry("eccc-electricity-generation-ca-qc-2020 (eccc-canada v2)"
                + " -> eccc-electricity-generation-ca-qc-2020 (eccc-canada v3)", 1);
        assertThat(footprint(quebec)).as("a dry run writes nothing").isCloseTo(19 + 1936.311 + 336.6, within(1e-6));

        Recalculation applied = activities.recompute(true);
        assertThat(applied.changed()).isEqualTo(3);
        assertThat(footprint(quebec)).isCloseTo(26 + 1936.311 + 336.6, within(1e-6));
        // NIR 2022, Table A13-7, Ontario, 2020: 25 g generated + 3 g lost = 28 g consumed.
        assertThat(footprint(ontario)).isCloseTo(10_000 * 0.025 + 10_000 * 0.003, within(1e-9));
        assertThat(activities.staleResults()).isEmpty();
        assertThat(activities.recompute(true).changed()).isZero();
    }

    /**
     * A database written before activities had several lines: the recomputation gives them their upstream and losses
     * lines (and electricity its generation intensity as scope 2), and says how many moved and the totals before and
     * after.
     */
    @Test
    void activitiesStoredBeforeTheLinesGetThemFromTheRecomputation() throws IOException {
        jdbi = TestDatabase.migrated(folder.resolve("before.db"));
        OrganizationService organizations = org.empreinte.db.TestDatabase.organizations(jdbi, Clock.systemUTC());
        long coop = organizations.create(new OrganizationRequest("Coop", "624410", "CA-QC", 5.0, null, null)).id();
        ActivityService before = service(org.empreinte.factor.TestLibraries.beforeEmissionLines(folder)).activities();
        before.create(coop, bill("electricity", 10_000, "kWh"));
        before.create(coop, bill("natural_gas", 1_000, "m3"));
        before.create(coop, bill("taxi", 15, "km"));
        assertThat(jdbi.<Integer, RuntimeException>withHandle(h -> TestDatabase.count(h, "activity_line"))).isZero();

        Recomputation now = service(org.empreinte.factor.TestLibraries.shipped(ORDER)).recomputation();
        assertThat(now.someLackTheirLines()).as("what the start-up warns of").isTrue();
        Recalculation dryRun = now.recompute(false);
        // Electricity: 10,000 kWh × 1.9 g consumed (eccc-electricity-ca-qc-2020) = 19 kg, one line, becomes 15 kg
        // generated (1.5 g) in scope 2 and 4 kg lost (0.4 g) in scope 3 category 3: 19 kg still. Natural gas gains its
        // upstream, 336.6 kg. The taxi ride has no other line and does not move.
        assertThat(dryRun.examined()).isEqualTo(3);
        assertThat(dryRun.changed()).isEqualTo(2);
        Recalculation.OrganizationChange change = dryRun.organizations().get(0);
        double taxi = footprint(coop) - 19 - 1936.311;
        assertThat(change.beforeCo2eKg()).isCloseTo(19 + 1936.311 + taxi, within(1e-6));
        assertThat(change.afterCo2eKg()).isCloseTo(19 + 1936.311 + 336.6 + taxi, within(1e-6));
        assertThat(dryRun.factorChanges()).containsEntry("eccc-electricity-ca-qc-2020 (eccc-canada v2)"
                + " -> eccc-electricity-generation-ca-qc-2020 (eccc-canada v2)", 1)
                .containsEntry("no other line -> losses eccc-electricity-losses-ca-qc-2020 (eccc-canada v2)", 1)
                .containsEntry("no other line -> upstream desnz-2024-natural-gas-upstream-m3 (desnz-2024 v1)", 1);

        assertThat(now.recompute(true).changed()).isEqualTo(2);
        assertThat(footprint(coop)).isCloseTo(19 + 1936.311 + 336.6 + taxi, within(1e-6));
        assertThat(jdbi.<Integer, RuntimeException>withHandle(h -> TestDatabase.count(h, "activity_line"))).isEqualTo(2);
        assertThat(now.recompute(true).changed()).as("a second run moves nothing").isZero();
        assertThat(now.someLackTheirLines()).isFalse();
        // An electric car's trip has its direct line alone, priced with the grid's factor: nothing to warn of.
        service(org.empreinte.factor.TestLibraries.shipped(ORDER)).activities().create(coop, new ActivityRequest("car", 100.0,
                "km", "2024-03-01", "2024-03-01", null, null, null, null, null, java.util.Map.of("fuel", "electric")));
        assertThat(now.someLackTheirLines()).isFalse();
    }

    private double footprint(long organizationId) {
        FactorLibrary any = org.empreinte.factor.TestLibraries.shipped(ORDER);
        return org.empreinte.db.TestDatabase.footprints(jdbi, any).footprint(organizationId, Period.ofYear(2024), null)
                .totalCo2eKg();
    }

    private FactorLibrary editedLibrary() throws IOException {
        return org.empreinte.factor.TestLibraries.quebecElectricityUpdated(folder);
    }

    private ActivityFeature service(FactorLibrary library) {
        return TestActivities.wire(jdbi, library);
    }

    private static ActivityRequest bill(String type, double quantity, String unit) {
        return new ActivityRequest(type, quantity, unit, "2024-03-01", "2024-03-31", null, null, null, null, null, null);
    }
}
