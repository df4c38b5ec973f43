package org.empreinte.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;

import org.jdbi.v3.core.Jdbi;
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
import org.empreinte.db.TestDatabase;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.organization.OrganizationRequest;

/**
 * {@code copy-database}: a SQLite database holding every kind of row, written through the API by the running
 * application, copied into the database of the run (PostgreSQL in the second run, the case the command exists
 * for; another SQLite file in the first) and verified; the verification fails once a row is removed from the copy.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class CopyDatabaseCommandTest {

    /** Written by imports only while they run, and emptied when they publish. */
    private static final List<String> EMPTY_WHEN_IDLE = List.of("activity_staging", "activity_month_staging", "activity_tag_staging",
            "activity_line_staging", "activity_line_month_staging");
    private static final String PASSWORD = "une phrase de passe assez longue";
    private static final Path SOURCE = TestApp.temporaryDatabase("empreinte-copy-source");
    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.createOnSqliteFile(SOURCE);

    @TempDir
    Path folder;

    private final ApiCalls api = new ApiCalls(APP);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void copiesEveryRowAndItsVerificationFailsOnceARowIsMissing() throws Exception {
        writeEveryKindOfRow();
        List<String> empty = new ArrayList<>();
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + SOURCE)) {
            for (String table : tables(source)) {
                if (count(source, table) == 0 && !EMPTY_WHEN_IDLE.contains(table)) {
                    empty.add(table);
                }
            }
        }
        assertThat(empty).as("tables the test leaves empty").isEmpty();

        Path target = folder.resolve("target.db");
        Path config = config(target);
        assertThat(run("copy-database", SOURCE.toString(), config.toString())).as(err.toString()).isEmpty();
        System.out.print(out); // each table's rows, in the report
        assertThat(out.toString()).contains("activity_month").contains("Verified: the ").doesNotContain("MISMATCH");

        Jdbi copy = TestDatabase.migrated(target);
        long activities = copy.withHandle(handle -> TestDatabase.count(handle, "activity"));
        assertThat(activities).isGreaterThan(5);
        // The id counters follow the copied rows: a new organization does not collide with a copied one.
        long maxOrganization = copy.withHandle(handle -> handle.createQuery("SELECT MAX(id) FROM organization").mapTo(Long.class).one());
        long created = copy.withHandle(handle -> handle.attach(OrganizationDao.class)
                .insert(new OrganizationRequest("Nouvelle", "624410", "CA-QC", 1.0, null, null), "2026-01-01T00:00:00Z"));
        assertThat(created).isGreaterThan(maxOrganization);
        copy.useHandle(handle -> handle.execute("DELETE FROM organization WHERE id = ?", created));

        out.reset();
        assertThat(run("copy-database", "--verify-only", SOURCE.toString(), config.toString())).isEmpty();
        assertThat(out.toString()).contains("Verified: the ");

        out.reset();
        assertThat(run("copy-database", SOURCE.toString(), config.toString())).as("a second copy into the same database").isPresent();
        assertThat(err.toString()).contains("the target is not empty");

        // One monthly share lost: its table's count and its organization's year both differ.
        String month = copy.withHandle(handle -> handle.createQuery("SELECT month FROM activity_month ORDER BY co2e_kg DESC LIMIT 1")
                .mapTo(String.class).one());
        copy.useHandle(handle -> handle.execute("DELETE FROM activity_month WHERE activity_id = (SELECT activity_id FROM"
                + " activity_month ORDER BY co2e_kg DESC LIMIT 1) AND month = ?", month));
        out.reset();
        err.reset();
        Optional<Throwable> failed = run("copy-database", "--verify-only", SOURCE.toString(), config.toString());
        assertThat(failed).as("the command fails, so the process exits with status 1").isPresent();
        assertThat(out.toString()).contains("MISMATCH table activity_month:")
                .contains("MISMATCH organization ").contains("year " + month.substring(0, 4) + ":").doesNotContain("Verified");
        assertThat(err.toString()).contains("difference(s) between the source and the copy");
    }

    /** Every table of the schema gets rows, through the API as people write them. */
    private void writeEveryKindOfRow() throws Exception {
        long a = id(api.created("/api/organizations", Map.of("name", "Coop A", "sector", "624410", "region", "CA-QC", "employees", 12)));
        long b = id(api.created("/api/organizations", Map.of("name", "Coop B", "sector", "624410", "region", "CA-ON", "employees", 4)));
        String org = "/api/organizations/" + a;
        long site = id(api.created(org + "/sites", Map.of("name", "Entrepôt", "region", "CA-QC")));
        api.created(org + "/activities", Map.of("type", "electricity", "quantity", 12000, "unit", "kWh",
                "periodStart", "2023-12-01", "periodEnd", "2024-02-29", "siteId", site, "tags", List.of("bureau", "hiver")));
        api.created(org + "/activities", Map.of("type", "flight", "date", "2024-06-10",
                "attributes", Map.of("from", "YUL", "to", "CDG", "cabin", "economy", "roundTrip", true, "passengers", 1)));
        api.created(org + "/activities", Map.of("type", "purchase", "quantity", 1000, "unit", "CAD", "date", "2024-05-01",
                "attributes", Map.of("naics", "541511")));
        api.created("/api/organizations/" + b + "/activities", Map.of("type", "electricity", "quantity", 500, "unit", "kWh",
                "date", "2024-03-01"));
        assertThat(closed(api.request(org + "/activities/import").post(Entity.entity("type,quantity,unit,date\nelectricity,300,kWh,2024-06-01\n"
                + "electricity,400,kWh,2025-01-15\n", "text/csv")))).isEqualTo(200);
        assertThat(closed(api.request(org + "/years/2024").put(Entity.json(Map.of("employees", 12))))).isEqualTo(200);
        api.created(org + "/electricity-contracts", Map.of("kind", "renewable", "fromYear", 2024, "description", "Certificats"));
        api.created(org + "/targets", Map.of("baseYear", 2024, "targetYear", 2030, "reductionPercent", 30,
                "scopes", List.of(1, 2, 3), "kind", "absolute"));
        api.created(org + "/actions", Map.of("title", "Thermopompe", "category", "stationary_combustion",
                "expectedYearlyReductionCo2eKg", 100, "startYear", 2025, "status", "planned"));

        long editor = id(api.created("/api/users", Map.of("email", "editrice@example.org", "name", "Éditrice", "password", PASSWORD)));
        api.created(org + "/members", Map.of("userId", editor, "role", "editor"));
        String editorToken = (String) api.created("/api/users/" + editor + "/tokens", Map.of("label", "script")).get("token");
        // An editor's request is an invitation the person accepts.
        assertThat(closed(api.request(org + "/members").header(HttpHeaders.AUTHORIZATION, "Bearer " + editorToken)
                .post(Entity.json(Map.of("email", "invitee@example.org", "role", "viewer"))))).isEqualTo(202);

        long network = id(api.created("/api/networks", Map.of("name", "Pôle de l'Estrie")));
        api.created("/api/networks/" + network + "/members", Map.of("organizationId", a, "sharing", "aggregate"));
        assertThat(closed(api.request("/api/networks/" + network + "/target").put(Entity.json(Map.of("baseYear", 2024, "targetYear", 2030,
                "reductionPercent", 30, "scopes", List.of(1, 2, 3)))))).isEqualTo(200);
        long coordinator = id(api.created("/api/users", Map.of("email", "coord@example.org", "name", "Coordination")));
        api.created("/api/networks/" + network + "/coordinators", Map.of("userId", coordinator));
        String coordinatorToken = (String) api.created("/api/users/" + coordinator + "/tokens", Map.of()).get("token");
        // A coordinator's request to add a member is an invitation the organization accepts.
        assertThat(closed(api.request("/api/networks/" + network + "/members").header(HttpHeaders.AUTHORIZATION, "Bearer " + coordinatorToken)
                .post(Entity.json(Map.of("organizationId", b, "sharing", "none"))))).isEqualTo(202);
        // A submitted year (its version and categories), and the network's campaign for it.
        try (var submitted = api.request("/api/organizations/" + a + "/inventories/2024/submit").post(Entity.json(Map.of()))) {
            assertThat(submitted.getStatus()).isEqualTo(200);
        }
        api.created("/api/networks/" + network + "/campaigns", Map.of("year", 2024, "dueDate", "2025-03-31"));

        // A page session: the first administrator signs in.
        HttpResponse<Void> signIn = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + APP.getLocalPort() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(TestApp.ADMIN_EMAIL, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(TestApp.ADMIN_PASSWORD, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.statusCode()).isEqualTo(303);
    }

    private Path config(Path target) throws Exception {
        Path config = folder.resolve("config.yml");
        Files.writeString(config, Files.readString(Path.of("config.yml"))
                .replace("${DATABASE_URL:-jdbc:sqlite:empreinte.db}", TestDatabase.url(target))
                .replace("${DATABASE_USER:-}", Objects.toString(TestDatabase.user(), ""))
                .replace("${DATABASE_PASSWORD:-}", Objects.toString(TestDatabase.password(), ""))
                .replace("level: INFO", "level: WARN"));
        return config;
    }

    private Optional<Throwable> run(String... arguments) {
        Bootstrap<EmpreinteConfiguration> bootstrap = new Bootstrap<>(new EmpreinteApplication());
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(bootstrap.getConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)));
        // The running application's settings are system properties (dw.database.url...): the command must not read them.
        bootstrap.setConfigurationFactoryFactory((klass, validator, mapper, prefix) ->
                new YamlConfigurationFactory<>(klass, validator, mapper, "copy-database-test"));
        bootstrap.addCommand(new CopyDatabaseCommand(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return new Cli(new JarLocation(getClass()), bootstrap, out, err).run(arguments);
    }

    /** The response's status, the response closed: each one left open holds one of the client's few connections. */
    private static int closed(jakarta.ws.rs.core.Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    private static long id(Map<String, Object> created) {
        return ((Number) created.get("id")).longValue();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_") && !name.startsWith("databasechangelog")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
