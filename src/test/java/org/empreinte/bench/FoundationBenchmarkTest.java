package org.empreinte.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.Tiers;

/**
 * The README's start-up and write figures come from {@link FoundationBenchmark}, run by hand at full size on the
 * packaged jar, which {@code mvn test} never builds: run here at a tiny size (one start of each kind, a hundred
 * activities), the service started from the test classpath, so that a change that breaks a measurement fails the
 * suite. Nothing here checks a ratio: the machine is shared, and the tiny figures say nothing about the full ones.
 */
@Tiers.Api
@Tiers.Slow // 27 to 34 s beside a full suite (load 5 to 6): `check`, then the application started three times, each a new JVM
@Tiers.SqliteOnly // the benchmark measures the service on SQLite files beside raw SQLite inserts, as the README's figures do
class FoundationBenchmarkTest {

    private static final String NUMBER = "[\\d,]+(\\.\\d+)?";

    @Test
    void runsEveryMeasurementAtATinySizeAndPrintsTheReadmeTable() throws Exception {
        List<String> table = FoundationBenchmark.run(FoundationBenchmark.TINY, BenchServer.thisClasspath());

        // Figures are checked as they are measured (BenchServer.measured): a zero or NaN would have thrown.
        assertThat(table).hasSize(3);
        assertThat(table.get(0)).matches("\\| start-up to healthy, new database \\| \\d+ ms \\| " + NUMBER + " × `check` \\(\\d+ ms\\) \\|");
        assertThat(table.get(1)).matches("\\| start-up to healthy, existing database \\| \\d+ ms \\| " + NUMBER
                + " × `check` \\(\\d+ ms\\) \\|");
        assertThat(table.get(2)).matches("\\| 100 activities through the API \\| " + NUMBER + " s \\(" + NUMBER + " per second\\) \\| "
                + NUMBER + " × 100 trivial GETs \\(" + NUMBER + " s\\); " + NUMBER + " × raw SQLite inserts of the same rows \\("
                + NUMBER + " s\\) \\|");
    }
}
