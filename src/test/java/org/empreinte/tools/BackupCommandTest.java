package org.empreinte.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.JarLocation;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteApplication;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * {@code backup} while the service runs: the backup, opened by the application as its database, gives the same
 * footprint; a second backup into the same file is refused, and the first is left as it was.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
// SQLite only: the command backs up SQLite files; PostgreSQL's backups are pg_dump's (README).
@Tiers.SqliteOnly
class BackupCommandTest {

    private static final Path DATABASE = TestApp.temporaryDatabase("empreinte-backup-source");
    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.createOnSqliteFile(DATABASE);

    @TempDir
    Path folder;

    private final ApiCalls api = new ApiCalls(APP);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aBackupTakenWhileTheServiceRunsRestoresTheSameFootprint() throws Exception {
        long organization = api.organization();
        String activities = "/api/organizations/" + organization + "/activities";
        api.created(activities, Map.of("type", "electricity", "quantity", 12000, "unit", "kWh",
                "periodStart", "2023-12-01", "periodEnd", "2024-02-29", "tags", List.of("bureau")));
        api.created(activities, Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "YUL", "to", "CDG", "cabin", "economy", "roundTrip", true, "passengers", 1)));
        String footprint = "/api/organizations/" + organization + "/footprint?year=2024";
        Map<String, Object> before = api.request(footprint).get(ApiCalls.JSON);

        Path backup = folder.resolve("sauvegarde.db");
        Path config = config();
        assertThat(run("backup", backup.toString(), config.toString())).as(err.toString()).isEmpty();
        assertThat(out.toString()).contains("Backed up").contains(backup.toString());

        // Written after the backup: not in it.
        api.created(activities, Map.of("type", "electricity", "quantity", 1, "unit", "kWh", "date", "2024-03-01"));

        long size = Files.size(backup);
        assertThat(run("backup", backup.toString(), config.toString())).as("a backup into an existing file").isPresent();
        assertThat(err.toString()).contains("exists: a backup does not overwrite a file");
        assertThat(Files.size(backup)).isEqualTo(size);

        DropwizardAppExtension<EmpreinteConfiguration> restored = TestApp.createOnSqliteFile(backup);
        restored.before();
        try {
            Map<String, Object> after = new ApiCalls(restored).request(footprint).get(ApiCalls.JSON);
            assertThat(after.get("totalCo2eKg")).isEqualTo(before.get("totalCo2eKg"));
            assertThat(after.get("activityCount")).isEqualTo(before.get("activityCount"));
            assertThat(((Number) after.get("totalCo2eKg")).doubleValue()).isPositive();
        } finally {
            restored.after();
        }
    }

    private Path config() throws Exception {
        Path config = folder.resolve("config.yml");
        Files.writeString(config, Files.readString(Path.of("config.yml"))
                .replace("${DATABASE_URL:-jdbc:sqlite:empreinte.db}", "jdbc:sqlite:" + DATABASE.toAbsolutePath())
                .replace("level: INFO", "level: WARN"));
        return config;
    }

    private Optional<Throwable> run(String... arguments) {
        Bootstrap<EmpreinteConfiguration> bootstrap = new Bootstrap<>(new EmpreinteApplication());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)));
        // The running application's settings are system properties (dw.database.url...): the command reads its file only.
        bootstrap.setConfigurationFactoryFactory((klass, validator, mapper, prefix) ->
                new YamlConfigurationFactory<>(klass, validator, mapper, "backup-test"));
        bootstrap.addCommand(new BackupCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return new Cli(new JarLocation(getClass()), bootstrap, out, err).run(arguments);
    }
}
