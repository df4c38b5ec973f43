package org.empreinte.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.jackson.Jackson;

import org.empreinte.Tiers;
import org.empreinte.activity.ActivityRequest;
import org.empreinte.activity.ActivityFeature;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.activity.TestActivities;
import org.empreinte.activity.RestatementTest;
import org.empreinte.db.TestDatabase;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.OrganizationService;

/** After a factor-set change the base year is computed again with the current factors, so progress compares like with like. */
@Tiers.Database
class TargetRestatementTest {

    @TempDir
    Path folder;

    @Test
    void theBaseYearLoggedWithAnEarlierFactorSetIsRestatedWithTheCurrentOne() throws Exception {
        Jdbi jdbi = TestDatabase.migrated(folder.resolve("t.db"));
        long organization = org.empreinte.db.TestDatabase.organizations(jdbi, Clock.systemUTC())
                .create(new OrganizationRequest("Coop", "624410", "CA-QC", 5.0, null, null)).id();
        // The base year was logged when eccc-canada was version 0, Québec's electricity at 0.002 kg/kWh.
        service(jdbi, RestatementTest.olderLibrary(folder)).activities().create(organization, bill("2019", 100_000));
        FactorLibrary current = RestatementTest.shipped();
        ActivityFeature activities = service(jdbi, current);
        activities.activities().create(organization, bill("2023", 80_000));

        UnitOfWork units = org.empreinte.db.TestDatabase.units(jdbi, Clock.systemUTC());
        ActionPlan plan = new ActionPlan(jdbi, units, activities.restatement(), current, Jackson.newObjectMapper(),
                Clock.systemUTC());
        TargetService targets = new TargetService(jdbi, units, org.empreinte.db.TestDatabase.footprints(jdbi, current),
                activities.restatement(), plan, org.empreinte.db.TestDatabase.figures(jdbi), current, Clock.systemUTC());
        Target target = targets.createTarget(organization,
                new TargetRequest(null, 2019, 2030, 30.0, List.of(2), "absolute", null, null));
        Progress progress = targets.progress(organization, target.id());

        // Stored: 100,000 x 0.002 = 200 kg consumed, one line. Version 2 counts, for scope 2, the generation's 0.0012 for
        // 2019 (NIR 2022 Table A13-6; the losses, 0.0015 - 0.0012, are scope 3 and outside this target): the base year is
        // 120 kg, and 2023's 80,000 kWh x 0.0015 generated (2020, the newest data year) = 120 kg is compared with
        // 120 x (1 - 0.30 x 4/11) = 106.91 kg: not on track. With the stored 200 kg the base would have flattered the
        // reduction into being on track (120 against 200 x (1 - 0.30 x 4/11) = 178.18).
        assertThat(progress.baseCo2eKg()).isCloseTo(100_000 * 0.0012, within(1e-9));
        assertThat(progress.targetCo2eKg()).isCloseTo(120 * 0.7, within(1e-9));
        assertThat(progress.restated()).isTrue();
        assertThat(progress.restatedYears()).containsExactly(2019);
        assertThat(progress.years().get(0).restated()).isTrue();
        Progress.YearProgress y2023 = progress.years().get(4);
        assertThat(y2023.restated()).isFalse();
        assertThat(y2023.actualCo2eKg()).isCloseTo(80_000 * 0.0015, within(1e-9));
        assertThat(y2023.trajectoryCo2eKg()).isCloseTo(120 * (1 - 0.30 * 4 / 11), within(1e-9));
        assertThat(progress.onTrack()).isFalse();
        assertThat(progress.factorSet()).startsWith("eccc-canada v2");
        assertThat(progress.restatementFailures()).isEmpty();
    }

    private static ActivityFeature service(Jdbi jdbi, FactorLibrary library) {
        return TestActivities.wire(jdbi, library);
    }

    private static ActivityRequest bill(String year, double kWh) {
        return new ActivityRequest("electricity", kWh, "kWh", year + "-01-01", year + "-12-31", null, null, null, null, null,
                null);
    }
}
