package org.empreinte.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.Tiers;

/**
 * The README's report figures come from {@link ReportBenchmark}, run by hand at full size on the packaged jar, which
 * {@code mvn test} never builds: run here at a tiny size, the service started from the test classpath, so that a
 * schema change that breaks its data generation or one of its measurements fails the suite. Nothing here checks a
 * ratio: the machine is shared, and the tiny figures say nothing about the full ones.
 */
@Tiers.Api
@Tiers.Slow // 20 to 25 s beside a full suite (load 5 to 6): mostly the application starting in a JVM of its own
@Tiers.SqliteOnly // the benchmark measures SQLite files and raw SQLite queries, as the README's figures do
class ReportBenchmarkTest {

    private static final String NUMBER = "[\\d,]+(\\.\\d+)?";

    @Test
    void runsEveryMeasurementAtATinySizeAndPrintsTheReadmeTable() throws Exception {
        List<String> table = ReportBenchmark.run(ReportBenchmark.TINY, BenchServer.thisClasspath());

        // Figures are checked as they are measured (BenchServer.measured): a zero or NaN would have thrown.
        assertThat(table).hasSize(7);
        assertThat(table.get(2)).matches("\\| report of an organization with 2,000 activities, computed \\(cache miss\\), over HTTP \\| "
                + NUMBER + " ms \\| " + NUMBER + " × the raw SQLite aggregate of its rows by scope and category \\(" + NUMBER + " ms\\) \\|");
        assertThat(table.get(3)).matches("\\| the same report in the service, without HTTP \\| " + NUMBER + " ms \\| " + NUMBER
                + " × the raw aggregate \\|");
        assertThat(table.get(4)).matches("\\| all 4,000 activities by scope and category, prorated by days \\| " + NUMBER + " ms \\| "
                + NUMBER + " × their raw sum \\(" + NUMBER + " ms\\) \\|");
        assertThat(table.get(5)).matches("\\| cached report over HTTP, 4 clients \\| " + NUMBER + " per second \\| " + NUMBER
                + " × `GET /api`, which reads nothing \\(" + NUMBER + " per second\\) \\|");
        assertThat(table.get(6)).matches("\\| memory a computed report allocates, 2,000 activities \\| " + NUMBER + " MiB \\| " + NUMBER
                + " × for 100 activities \\(" + NUMBER + " MiB\\) \\|");
    }
}
