package org.empreinte.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;

import org.empreinte.EmpreinteApplication;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.Tiers;
import org.empreinte.db.TestDatabase;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.organization.OrganizationRequest;

/** {@code java -jar empreinte.jar import ORG FILE [config.yml]} on a temporary database, as a person runs it. */
@Tiers.Database
@Tiers.Slow
class ImportCommandTest {

    @TempDir
    Path folder;

    private Path config;
    private Jdbi jdbi;
    private long organization;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void createDatabaseAndConfiguration() throws Exception {
        Path database = folder.resolve("cli.db");
        jdbi = TestDatabase.migrated(database);
        organization = jdbi.onDemand(OrganizationDao.class)
                .insert(new OrganizationRequest("CPE Les Petits Pas", "624410", "CA-QC", 18.5, null, null), "2026-01-01T00:00:00Z");
        // config.yml as shipped, on this database and the project's factor files, quieter
        config = folder.resolve("config.yml");
        Files.writeString(config, Files.readString(Path.of("config.yml"))
                .replace("${DATABASE_URL:-jdbc:sqlite:empreinte.db}", TestDatabase.url(database))
                .replace("${DATABASE_USER:-}", Objects.toString(TestDatabase.user(), ""))
                .replace("${DATABASE_PASSWORD:-}", Objects.toString(TestDatabase.password(), ""))
                .replace("${EMISSION_FACTORS_DIR:-emission-factors}", Path.of("emission-factors").toAbsolutePath().toString())
                .replace("level: INFO", "level: WARN"));
    }

    private Optional<Throwable> run(String... arguments) {
        Bootstrap<EmpreinteConfiguration> bootstrap = new Bootstrap<>(new EmpreinteApplication());
        // as EmpreinteApplication.initialize: ${NAME:-default} in config.yml
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)));
        bootstrap.addCommand(new ImportCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return new Cli(new JarLocation(getClass()), bootstrap, out, err).run(arguments);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    private int activities() {
        return jdbi.withHandle(handle -> TestDatabase.count(handle, "activity"));
    }

    @Test
    void theApplicationOffersTheCommand() {
        Bootstrap<EmpreinteConfiguration> bootstrap = new Bootstrap<>(new EmpreinteApplication());
        new EmpreinteApplication().initialize(bootstrap);
        assertThat(bootstrap.getCommands()).anyMatch(command -> command instanceof ImportCommand
                && command.getName().equals("import"));
    }

    @Test
    void importsAFileAndSaysHowManyRowsAndHowFast() throws Exception {
        Path csv = file("factures.csv", "type,quantity,unit,periodStart,periodEnd,tags\n"
                + "electricity,7400,kWh,2023-12-19,2024-01-18,hydro-quebec\n"
                + "natural_gas,310.5,m3,2024-01-01,2024-01-31,energir\n");

        Optional<Throwable> failure = run("import", Long.toString(organization), csv.toString(), config.toString());

        assertThat(failure).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("2 rows imported into organization " + organization + " in \\d+\\.\\d\\d s: \\d+ rows per second"
                        + " \\(import 1, SHA-256 [0-9a-f]{64}\\)");
        // eccc-electricity-generation-ca-qc-2020 (the newest data year): 7,400 kWh x 0.0015 kg generated; eccc-natural-gas-ca-qc:
        // 310.5 m3 x (1.926 + 0.000037 x 28 + 0.000035 x 265) kg, AR5: the activities' own lines
        double expected = 7_400 * 0.0015 + 310.5 * (1.926 + 0.000037 * 28 + 0.000035 * 265);
        double stored = jdbi.withHandle(handle -> handle.createQuery("SELECT SUM(co2e_kg) FROM activity").mapTo(Double.class).one());
        assertThat(stored).isCloseTo(expected, within(1e-9));
        // Their other lines: the grid's losses, 7,400 x (0.0019 - 0.0015); the gas's upstream, 310.5 x 0.3366 (DESNZ WTT)
        double lines = jdbi.withHandle(handle -> handle.createQuery("SELECT SUM(co2e_kg) FROM activity_line")
                .mapTo(Double.class).one());
        assertThat(lines).isCloseTo(7_400 * 0.0004 + 310.5 * 0.3366, within(1e-9));
        int months = jdbi.withHandle(handle -> TestDatabase.count(handle, "activity_month"));
        assertThat(months).as("December and January, then January").isEqualTo(2 + 1);
    }

    @Test
    void listsTheRowErrorsStoresNothingAndFails() throws Exception {
        Path csv = file("erreurs.csv", "type,quantity,unit,date\n"
                + "electricity,100,kWh,2024-01-01\n"
                + "electricity,100,km,2024-01-02\n"
                + "charbon,1,kg,2024-01-03\n");

        Optional<Throwable> failure = run("import", Long.toString(organization), csv.toString(), config.toString());

        assertThat(failure).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nothing imported: 2 errors in the file",
                "row 3, column unit: unit 'km' does not fit type 'electricity'",
                "row 4, column type: unknown type 'charbon'").doesNotContain("Exception");
        assertThat(activities()).isZero();
    }

    @Test
    void refusesTheSameFileTwice() throws Exception {
        Path csv = file("une-fois.csv", "type,quantity,unit,date\nelectricity,100,kWh,2024-01-01\n");
        assertThat(run("import", Long.toString(organization), csv.toString(), config.toString())).isEmpty();

        Optional<Throwable> again = run("import", Long.toString(organization), csv.toString(), config.toString());

        assertThat(again).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nothing imported: this file was already imported into"
                + " organization " + organization);
        assertThat(activities()).isOne();
    }

    @Test
    void refusesAnUnknownOrganizationAndAMissingFile() throws Exception {
        Path csv = file("ok.csv", "type,quantity,unit,date\nelectricity,100,kWh,2024-01-01\n");

        assertThat(run("import", "999", csv.toString(), config.toString())).isPresent();
        assertThat(run("import", Long.toString(organization), folder.resolve("absent.csv").toString(), config.toString()))
                .isPresent();

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nothing imported: organization 999 not found",
                "Nothing imported: cannot read " + folder.resolve("absent.csv"));
        assertThat(activities()).isZero();
    }
}
