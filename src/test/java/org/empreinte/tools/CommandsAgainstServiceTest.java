package org.empreinte.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.dropwizard.configuration.SubstitutingSourceProvider;
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
 * The commands find what the server uses in the same environment: {@code load} the port ({@code PORT}, or
 * {@code --url}) and the token, {@code import} the database ({@code DATABASE_URL} in config.yml). When the
 * service or the database is not there, they say in one line which address they tried and what to do, and fail.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow // the factor library loaded again by import, and the first requests of a cold JVM: 8 to 10 s in all
class CommandsAgainstServiceTest {

    private static final Path DATABASE = TestApp.temporaryDatabase("empreinte-commands");
    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(DATABASE);

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** What a command run as {@code java -jar empreinte.jar ...} would print and whether it would exit non-zero. */
    private record Run(Optional<Throwable> failure, String out, String err) {
        boolean failed() {
            return failure.isPresent();
        }
    }

    private Run load(Map<String, String> environment, String... arguments) {
        Bootstrap<EmpreinteConfiguration> bootstrap = new Bootstrap<>(new EmpreinteApplication());
        bootstrap.addCommand(new LoadCommand(stream(out), stream(err), environment));
        return run(bootstrap, arguments);
    }

    /** The import command reading config.yml as the server does, with this environment instead of the process's. */
    private Run importCsv(Map<String, String> environment, String... arguments) {
        Bootstrap<EmpreinteConfiguration> bootstrap = new Bootstrap<>(new EmpreinteApplication());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(),
                new StringSubstitutor(environment)));
        bootstrap.addCommand(new ImportCommand(stream(out)));
        // The running test service's settings are system properties (dw.database.url...), which every configuration
        // read in this JVM would take: the command must read only config.yml and its environment, as in its own process.
        Map<String, String> overrides = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("dw.")) {
                overrides.put(name, System.getProperty(name));
                System.clearProperty(name);
            }
        }
        try {
            return run(bootstrap, arguments);
        } finally {
            overrides.forEach(System::setProperty);
        }
    }

    private Run run(Bootstrap<EmpreinteConfiguration> bootstrap, String... arguments) {
        Optional<Throwable> failure = new Cli(new JarLocation(getClass()), bootstrap, out, err).run(arguments);
        return new Run(failure, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static Map<String, String> environment(String... pairs) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    /** An example file as in examples/, small: an organization, a site, two bills. */
    private Path example() throws Exception {
        return Files.writeString(folder.resolve("exemple.json"), """
                {"organization": {"name": "Coop Petite", "sector": "453310", "region": "CA-QC", "employees": 3},
                 "sites": [{"name": "Boutique", "region": "CA-QC"}],
                 "activities": [
                   {"type": "electricity", "quantity": 1000, "unit": "kWh", "periodStart": "2024-01-01", "periodEnd": "2024-01-31",
                    "site": "Boutique"},
                   {"type": "natural_gas", "quantity": 100, "unit": "m3", "date": "2024-02-01"}]}
                """);
    }

    /** A port nothing listens on: taken from the system, then let go. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void loadFindsTheServiceOnPortAndPrintsTheNewOrganizationsIdAlone() throws Exception {
        Run run = load(environment("PORT", Integer.toString(APP.getLocalPort()), "EMPREINTE_TOKEN", TestApp.ADMIN_TOKEN),
                "load", example().toString());

        assertThat(run.failed()).as(run.err()).isFalse();
        assertThat(run.out()).matches("\\d+\\R");
        long id = Long.parseLong(run.out().strip());
        assertThat(run.err()).contains("Organization " + id + " \"", "Coop Petite\": 2 activities, ",
                "Open http://localhost:" + APP.getLocalPort() + "/organizations/" + id);
        List<Map<String, Object>> activities = new ApiCalls(APP).list("/api/organizations/" + id + "/activities");
        assertThat(activities).hasSize(2);
    }

    @Test
    void loadTakesUrlOverPort() throws Exception {
        Run run = load(environment("PORT", Integer.toString(closedPort()), "EMPREINTE_ADMIN_TOKEN", TestApp.ADMIN_TOKEN),
                "load", "--url", "http://localhost:" + APP.getLocalPort() + "/", example().toString());

        assertThat(run.failed()).as(run.err()).isFalse();
        assertThat(run.out()).matches("\\d+\\R");
    }

    @Test
    void loadAgainstAStoppedServiceSaysWhereItLookedAndHowToStartItInOneLine() throws Exception {
        int port = closedPort();

        Run run = load(environment("PORT", Integer.toString(port), "EMPREINTE_TOKEN", TestApp.ADMIN_TOKEN),
                "load", "examples/cpe-montreal-2024.json");

        assertThat(run.failed()).isTrue();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Cannot reach the service at http://localhost:" + port + " (")
                .contains("is the service running? Start it with: java -jar target/empreinte.jar server config.yml",
                        "--url")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void loadWithoutATokenSaysWhereToGetOne() {
        Run run = load(environment("PORT", Integer.toString(APP.getLocalPort())), "load", "examples/cpe-montreal-2024.json");

        assertThat(run.failed()).isTrue();
        assertThat(run.err().lines()).singleElement().asString().contains("EMPREINTE_TOKEN",
                "http://localhost:" + APP.getLocalPort() + "/account");
    }

    @Test
    void importWritesIntoTheDatabaseOfDatabaseUrlWhileTheServiceRuns() throws Exception {
        org.empreinte.db.TestDatabase.assumeSqlite("the command is pointed at the service's SQLite file");
        long organization = new ApiCalls(APP).organization();
        Path csv = Files.writeString(folder.resolve("factures.csv"), "type,quantity,unit,date\nelectricity,100,kWh,2024-01-01\n");

        Run run = importCsv(environment("DATABASE_URL", "jdbc:sqlite:" + DATABASE,
                "EMISSION_FACTORS_DIR", Path.of("emission-factors").toAbsolutePath().toString(), "PORT", "0", "ADMIN_PORT", "0"),
                "import", Long.toString(organization), csv.toString());

        assertThat(run.failed()).as(run.err()).isFalse();
        assertThat(run.out()).contains("1 rows imported into organization " + organization);
        assertThat(new ApiCalls(APP).list("/api/organizations/" + organization + "/activities")).hasSize(1);
    }

    @Test
    void importIntoADatabaseThatCannotBeOpenedSaysWhichAndWhatToDoInOneLine() throws Exception {
        Path csv = Files.writeString(folder.resolve("factures.csv"), "type,quantity,unit,date\nelectricity,100,kWh,2024-01-01\n");
        String url = "jdbc:sqlite:" + folder.resolve("absent-folder").resolve("empreinte.db");

        Run run = importCsv(environment("DATABASE_URL", url, "EMISSION_FACTORS_DIR",
                Path.of("emission-factors").toAbsolutePath().toString()), "import", "1", csv.toString());

        assertThat(run.failed()).as(run.out() + run.err()).isTrue();
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("Nothing imported: cannot open the database " + url + " (")
                .contains("DATABASE_URL", "java -jar target/empreinte.jar server config.yml")
                .doesNotContain("\tat ");
    }

    @Test
    void importWithoutItsConfigurationFileSaysWhereToRunItFromInOneLine() throws Exception {
        Path csv = Files.writeString(folder.resolve("factures.csv"), "type,quantity,unit,date\nelectricity,100,kWh,2024-01-01\n");
        Path absent = folder.resolve("config.yml");

        Run run = importCsv(environment(), "import", "1", csv.toString(), absent.toString());

        assertThat(run.failed()).isTrue();
        assertThat(run.err().lines()).singleElement().asString().startsWith("Nothing imported: ").contains(absent.toString(),
                "run it from the service's folder, or give the configuration file last").doesNotContain("\tat ");
    }

    @Test
    void importIntoAnOrganizationThisDatabaseLacksNamesTheDatabase() throws Exception {
        Path csv = Files.writeString(folder.resolve("factures.csv"), "type,quantity,unit,date\nelectricity,100,kWh,2024-01-01\n");
        String url = "jdbc:sqlite:" + folder.resolve("other.db");

        Run run = importCsv(environment("DATABASE_URL", url, "EMISSION_FACTORS_DIR",
                Path.of("emission-factors").toAbsolutePath().toString()), "import", "999", csv.toString());

        assertThat(run.failed()).isTrue();
        assertThat(run.err().lines()).singleElement().asString().isEqualTo("Nothing imported: organization 999 not found in the"
                + " database " + url + ": is it the service's? Set DATABASE_URL as when starting the service");
    }

    @Test
    void aDatabasesPasswordStaysOffTheScreen() {
        assertThat(ImportCommand.shown("jdbc:postgresql://db:5432/empreinte?user=e&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/empreinte?user=e&password=***&ssl=true");
        assertThat(ImportCommand.shown("jdbc:postgresql://e:s3cret@db/empreinte")).isEqualTo("jdbc:postgresql://e:***@db/empreinte");
    }

    @Test
    void loadWithAPortThatIsNotOneSaysSoInOneLine() {
        Run run = load(environment("PORT", "huit-mille", "EMPREINTE_TOKEN", TestApp.ADMIN_TOKEN), "load",
                "examples/cpe-montreal-2024.json");

        assertThat(run.failed()).isTrue();
        assertThat(run.err().lines()).singleElement().asString().startsWith("Nothing loaded: http://localhost:huit-mille is not"
                + " a service address (from PORT=huit-mille)");
    }
}
