package org.empreinte.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A database migrated with this build's change log is not handed to Liquibase again at the next start (the
 * fingerprint's fast path); any other change log is.
 */
@Tiers.Database
class DatabaseSetupTest {

    @Test
    void aDatabaseMigratedWithThisChangeLogIsLeftAloneAndAnyOtherGoesThroughLiquibase() throws SQLException {
        Path file = TestApp.temporaryDatabase("setup");
        try (Connection connection = TestDatabase.connect(file)) {
            DatabaseSetup.migrate(connection);
            assertThat(DatabaseSetup.migratedFingerprint(connection)).isEqualTo(DatabaseSetup.changelogFingerprint())
                    .hasSize(64);

            // Liquibase's history emptied: had Liquibase run, it would create every table again and fail.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM databasechangelog");
            }
            DatabaseSetup.migrate(connection);

            // Another change log's fingerprint: now Liquibase runs, finds an empty history and fails on the tables.
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE " + DatabaseSetup.FINGERPRINT_TABLE + " SET changelog_sha256 = 'an older log'");
            }
            assertThatThrownBy(() -> DatabaseSetup.migrate(connection)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("database migration failed");
        }
    }

    @Test
    void aDatabaseMigratedBeforeFingerprintsGoesThroughLiquibaseOnceAndGetsOne() throws SQLException {
        Path file = TestApp.temporaryDatabase("setup-older");
        try (Connection connection = TestDatabase.connect(file)) {
            DatabaseSetup.migrate(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + DatabaseSetup.FINGERPRINT_TABLE);
            }
            assertThat(DatabaseSetup.migratedFingerprint(connection)).isNull();

            DatabaseSetup.migrate(connection);

            assertThat(DatabaseSetup.migratedFingerprint(connection)).isEqualTo(DatabaseSetup.changelogFingerprint());
        }
    }
}
