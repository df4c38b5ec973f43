package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.jackson.Jackson;

import org.empreinte.Tiers;
import org.empreinte.calculation.Period;
import org.empreinte.db.TestDatabase;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.FactorLibraryLoader;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.OrganizationService;

/** Years computed again with the factors loaded now, in memory: what a target's base year needs after a factor change. */
@Tiers.Database
public class RestatementTest {

    static final List<String> ORDER = List.of("eccc-canada", "desnz-2024");

    @TempDir
    Path folder;

    @Test
    void aYearLoggedWithAnOlderFactorSetIsRestatedWithTheCurrentOneWithoutStoringIt() throws IOException {
        Jdbi jdbi = TestDatabase.migrated(folder.resolve("t.db"));
        long organization = org.empreinte.db.TestDatabase.organizations(jdbi, Clock.systemUTC())
                .create(new OrganizationRequest("Coop", "624410", "CA-QC", 5.0, null, null)).id();
        ActivityService before = service(jdbi, olderLibrary(folder)).activities();
        before.create(organization, bill("2019-01-01", "2019-12-31", 100_000));
        // Half in 2019, half in 2020 by days: 2019-12-17 to 2020-01-15 is 15 + 15 days.
        before.create(organization, bill("2019-12-17", "2020-01-15", 3_000));

        Restatement now = service(jdbi, shipped()).restatement();
        List<String> failures = new ArrayList<>();
        Map<Integer, Map<Integer, Double>> restated = now.byYearAndScope(organization, Set.of(2019), failures);

        // Version 0 said 0.002 kg/kWh consumed, one line; version 2 (shipped) says, for 2019 (NIR 2022 Table A13-6; the
        // second bill's middle day is 2019-12-31), 1.2 g generated in scope 2 and 1.5 - 1.2 = 0.3 g lost in scope 3:
        // 100,000 kWh x 0.0012 = 120 kg and 3,000 kWh x 15/30 x 0.0012 = 1.8 kg in scope 2; 100,000 x 0.0003 = 30 kg and
        // 1,500 x 0.0003 = 0.45 kg in scope 3 (150 + 2.25 kg together, the consumption intensity 0.0015).
        assertThat(restated).containsOnlyKeys(2019);
        assertThat(restated.get(2019)).containsOnlyKeys(2, 3);
        assertThat(restated.get(2019).get(2)).isCloseTo(100_000 * 0.0012 + 3_000 * 15.0 / 30 * 0.0012, within(1e-9));
        assertThat(restated.get(2019).get(3)).isCloseTo(100_000 * 0.0003 + 3_000 * 15.0 / 30 * 0.0003, within(1e-9));
        assertThat(failures).isEmpty();
        // Nothing was written: the stored footprint still has version 0's 0.002.
        double stored = org.empreinte.db.TestDatabase.footprints(jdbi, shipped()).footprint(organization, Period.ofYear(2019), null).totalCo2eKg();
        assertThat(stored).isCloseTo(100_000 * 0.002 + 3_000 * 15.0 / 30 * 0.002, within(1e-9));
    }

    @Test
    void anActivityThatNoLongerFindsAFactorKeepsItsStoredResultSharedByDays() throws IOException {
        Jdbi jdbi = TestDatabase.migrated(folder.resolve("f.db"));
        long organization = org.empreinte.db.TestDatabase.organizations(jdbi, Clock.systemUTC())
                .create(new OrganizationRequest("Coop", "624410", "CA-QC", 5.0, null, null)).id();
        service(jdbi, shipped()).activities().create(organization, bill("2019-12-17", "2020-01-15", 3_000));

        // A library without the Canadian set: Québec electricity has no factor any more.
        Restatement without = service(jdbi, org.empreinte.factor.TestLibraries.shipped(List.of("desnz-2024"))).restatement();
        List<String> failures = new ArrayList<>();
        Map<Integer, Map<Integer, Double>> restated = without.byYearAndScope(organization, Set.of(2020), failures);
        assertThat(failures).hasSize(1);
        // The stored lines, 15 of their 30 days in 2020: 3,000 x 0.0012 generated (Québec, 2019) = 3.6 kg in scope 2,
        // 3,000 x 0.0003 lost = 0.9 kg in scope 3.
        assertThat(restated.get(2020).get(2)).isCloseTo(3_000 * 0.0012 * 15 / 30, within(1e-9));
        assertThat(restated.get(2020).get(3)).isCloseTo(3_000 * 0.0003 * 15 / 30, within(1e-9));
    }

    /** The shipped files, where Québec's electricity is NIR 2022's of each data year (2019: 0.0015 kg/kWh) in eccc-canada version 2. */
    public static FactorLibrary shipped() {
        return org.empreinte.factor.TestLibraries.shipped(ORDER);
    }

    /**
     * A copy of the shipped files as an earlier edition: eccc-canada version 0, Québec's electricity at 0.002 kg/kWh
     * consumed every year, without generation and losses factors.
     */
    public static FactorLibrary olderLibrary(Path folder) throws IOException {
        Path copy = Files.createDirectories(folder.resolve("older-factors"));
        try (Stream<Path> files = Files.list(Path.of("emission-factors"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path canada = copy.resolve("eccc-canada.yml");
        String text = Files.readString(canada);
        assertThat(text).contains("version: \"2\"", "region: CA-QC, year: 2019,");
        // An edition before electricity had its generation and losses lines (change set 18-activity-lines).
        Files.writeString(canada, text.replace("version: \"2\"", "version: \"0\"")
                .replace("type: electricity_generation", "type: unused_generation")
                .replace("type: electricity_losses", "type: unused_losses")
                .replaceAll("(?<quebec>type: electricity, region: CA-QC, year: \\d{4}, [^}]*co2e: )[0-9.]+", "${quebec}0.002"));
        return new FactorLibraryLoader().load(copy, ORDER);
    }

    private static ActivityFeature service(Jdbi jdbi, FactorLibrary library) {
        return TestActivities.wire(jdbi, library);
    }

    private static ActivityRequest bill(String start, String end, double kWh) {
        return new ActivityRequest("electricity", kWh, "kWh", start, end, null, null, null, null, null, null);
    }
}
