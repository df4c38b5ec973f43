package org.empreinte.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.empreinte.Tiers;
import org.empreinte.db.TestDatabase;

/**
 * The README's performance figures come from {@link ScaleBenchmark}, run by hand at full size on the packaged jar,
 * which {@code mvn test} never builds: run here at a tiny size on the suite's database (SQLite, then PostgreSQL in
 * the second run, skipped with a message where no server answers), the service started from the test classpath, so
 * that a schema change that breaks its data generation or one of its measurements fails the suite. The benchmark
 * itself throws on a broken measurement: an HTTP error, a figure of zero or not a number, a report or an aggregate
 * that differs from the plain sum of its rows, stored writes that differ from the acknowledged ones. Nothing here
 * checks a ratio: the machine is shared, and the tiny figures say nothing about the full ones.
 */
@Tiers.Api
@Tiers.Slow // about 30 s: `check`, then the application started twice, each a new JVM, and 4 s of concurrent load
class ScaleBenchmarkTest {

    @Test
    void runsEveryMeasurementAtATinySizeAndPrintsTheTable() throws Exception {
        List<ScaleBenchmark.Line> lines = ScaleBenchmark.run(ScaleBenchmark.TINY, List.of(TestDatabase.kind()),
                BenchServer.thisClasspath());

        assertThat(lines).extracting(ScaleBenchmark.Line::what).containsExactly(
                "start-up to healthy, the generated database",
                lines.get(1).what(),
                "report of an organization with 300 activities: computed (cache miss) over HTTP",
                "report of an organization with 2,000 activities: computed (cache miss) over HTTP",
                "network aggregate over 32 organizations holding 640 activities, over HTTP",
                lines.get(5).what());
        assertThat(lines.get(1).what()).matches("300 yearly bills imported from one CSV file through HTTP \\([\\d,]+ rows stored\\)");
        assertThat(lines.get(5).what()).matches("32 concurrent writers for 2 s: [\\d,]+ writes acknowledged and stored, [\\d,]+ errors;"
                + " p50 .* ms, p99 .* ms");
        assertThat(lines).allSatisfy(line -> assertThat(line.ratio()).isFinite().isPositive());
    }
}
