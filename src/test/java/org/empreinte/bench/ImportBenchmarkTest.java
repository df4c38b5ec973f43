package org.empreinte.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.empreinte.Tiers;

/**
 * The README's CSV import figure comes from {@link ImportBenchmark}, run by hand at full size: run here at a tiny size,
 * so that the command the README gives still runs when someone wants to measure again.
 */
@Tiers.Database
@Tiers.Slow // 7.6 s on the quiet 2-core machine: four migrated databases and the factor library
class ImportBenchmarkTest {

    @Test
    void runsAtATinySizeAndPrintsTheReadmeLine() throws Exception {
        String line = ImportBenchmark.run(ImportBenchmark.TINY_ROWS, ImportBenchmark.TINY_WARM_UP_ROWS, 1);

        assertThat(line).matches("\\| 240 energy activities from one CSV file, through the import path \\| \\d+\\.\\d\\d s, [\\d,]+ rows"
                + " per second \\| \\d+\\.\\d\\d × the raw batched SQLite inserts of the same rows, one transaction .*");
    }
}
