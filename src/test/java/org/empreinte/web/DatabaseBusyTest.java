package org.empreinte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.Map;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.type.TypeReference;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;

/**
 * A write that cannot get the database within the busy time-out (another connection holds SQLite's
 * writer) answers 503 with Retry-After, the API's error body under /api and an error page elsewhere, and
 * stores nothing; the same write succeeds once the writer is free.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
// SQLite only: it holds SQLite's single writer from a second connection until the busy time-out; PostgreSQL
// writers do not wait for one another that way (its lock and serialization states are checked by the unit tests here).
@Tiers.SqliteOnly
class DatabaseBusyTest {

    private static final Path DATABASE = TestApp.temporaryDatabase("empreinte-busy");
    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(DATABASE);


    @Test
    void recognisesBusyAndLockedThroughWrappers() {
        assertThat(DatabaseBusy.is(new UnableToExecuteStatementException(new SQLiteException("[SQLITE_BUSY] database is locked",
                SQLiteErrorCode.SQLITE_BUSY), null))).isTrue();
        assertThat(DatabaseBusy.is(new IllegalStateException(new SQLiteException("busy", SQLiteErrorCode.SQLITE_BUSY_TIMEOUT))))
                .isTrue();
        assertThat(DatabaseBusy.is(new SQLiteException("locked", SQLiteErrorCode.SQLITE_LOCKED_SHAREDCACHE))).isTrue();
        assertThat(DatabaseBusy.is(new SQLException("could not obtain lock", "55P03"))).isTrue();
        // PostgreSQL's driver, as it reports a serialization failure, a deadlock, and a duplicate (not busy).
        assertThat(DatabaseBusy.is(new UnableToExecuteStatementException(new PSQLException("could not serialize access",
                PSQLState.SERIALIZATION_FAILURE), null))).isTrue();
        assertThat(DatabaseBusy.is(new PSQLException("deadlock detected", PSQLState.DEADLOCK_DETECTED))).isTrue();
        assertThat(DatabaseBusy.is(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))).isFalse();
        assertThat(DatabaseBusy.is(new SQLiteException("constraint", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))).isFalse();
        assertThat(DatabaseBusy.is(new SQLiteException("full", SQLiteErrorCode.SQLITE_FULL))).isFalse();
        assertThat(DatabaseBusy.is(new IllegalStateException("no"))).isFalse();
    }

    @Test
    void aWriteThatCannotGetTheDatabaseIs503WithRetryAfter() throws Exception {
        ApiCalls api = new ApiCalls(APP);
        long org = api.organization();
        String activities = "/api/organizations/" + org + "/activities";
        Map<String, Object> bill = Map.of("type", "electricity", "quantity", 100, "unit", "kWh", "date", "2024-03-01");
        // Its own client: the busy time-out (5 s) exceeds the test client's read time-out.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + APP.getLocalPort();
        HttpRequest apiWrite = HttpRequest.newBuilder(URI.create(base + activities)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(APP.getObjectMapper().writeValueAsString(bill))).build();
        HttpRequest pageWrite = HttpRequest.newBuilder(URI.create(base + "/organizations/" + org + "/activities"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "fr-CA")
                .POST(HttpRequest.BodyPublishers.ofString("type=electricity&quantity=100&unit=kWh&periodStart=2024-03-01"
                        + "&periodEnd=2024-03-01")).build();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + DATABASE)) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                // Takes the writer and keeps it, as a long import's transaction did.
                s.executeUpdate("UPDATE organization SET data_revision = data_revision WHERE id = " + org);
            }
            long t0 = System.nanoTime();
            CompletableFuture<HttpResponse<String>> api503 = http.sendAsync(apiWrite, HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> page503 = http.sendAsync(pageWrite, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> refused = api503.get();
            HttpResponse<String> page = page503.get();
            System.out.printf("DatabaseBusyTest: refused after %,d ms%n", (System.nanoTime() - t0) / 1_000_000);
            holder.rollback();

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            Map<String, Object> body = APP.getObjectMapper().readValue(refused.body(), new TypeReference<Map<String, Object>>() { });
            assertThat(body).containsEntry("code", 503).containsKey("message");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("réessayez dans 5 secondes");
        }
        assertThat(api.list(activities)).isEmpty();
        api.created(activities, bill);
        assertThat(api.list(activities)).hasSize(1);
    }

}
