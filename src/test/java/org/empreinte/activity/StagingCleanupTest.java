package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;
import org.empreinte.db.TestDatabase;

/**
 * A server starting clears only what interrupted imports left long ago: an {@code import} command
 * staging into the same database at that moment keeps its rows (a review found them deleted).
 */
@Tiers.Api
@Tiers.Slow
class StagingCleanupTest {

    @Test
    void aStartRemovesAbandonedStagedRowsAndKeepsRecentOnes() throws Exception {
        Path database = Files.createTempFile("empreinte-staging", ".db");
        run(TestApp.create(database));
        long now = System.currentTimeMillis();
        String abandoned = String.format("%015d-%s", now - 2 * 3_600_000L, "0123456789abcdef");
        String running = String.format("%015d-%s", now - 60_000L, "fedcba9876543210");
        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO activity_tag_staging (staging_id, seq, tag) VALUES ('" + abandoned
                    + "', 0, 'ancien'), ('" + running + "', 0, 'en cours')");
        }
        run(TestApp.create(database));
        List<String> left = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT staging_id FROM activity_tag_staging")) {
            while (rows.next()) {
                left.add(rows.getString(1));
            }
        }
        assertThat(left).containsExactly(running);
        Files.deleteIfExists(database);
    }

    private static void run(DropwizardAppExtension<EmpreinteConfiguration> app) throws Exception {
        app.before();
        app.after();
    }
}
