package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.empreinte.ApiCalls;
import org.empreinte.EmpreinteConfiguration;
import org.empreinte.TestApp;
import org.empreinte.Tiers;
import org.empreinte.db.TestDatabase;

/**
 * One tenant's large CSV import while 16 others log activities through the API, each into its own
 * organization: no write gets a 500; a write refused because the database stayed busy is a 503 with
 * Retry-After; what is stored is exactly what was acknowledged (the 201s) plus the import's rows.
 *
 * <p>170,000 rows, the size of the import that made others' writes fail (about 25 s on the 2-core machine);
 * {@code -Dempreinte.concurrentImportRows=} sets another size.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tiers.Api
@Tiers.Slow
class ImportConcurrencyTest {

    private static final int ROWS = Integer.getInteger("empreinte.concurrentImportRows", 170_000);
    private static final int WRITERS = 16;
    /** Writers stop by themselves after this, whatever the import does. */
    private static final Duration MAX_RUN = Duration.ofMinutes(4);
    private static final Path DATABASE = TestApp.temporaryDatabase("empreinte-concurrency");
    static final DropwizardAppExtension<EmpreinteConfiguration> APP = TestApp.create(DATABASE);


    @Test
    void otherTenantsWritesAreAcknowledgedOrRefusedWith503WhileALargeImportRuns() throws Exception {
        ApiCalls api = new ApiCalls(APP);
        long importer = api.organization();
        List<Long> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(api.organization());
        }
        byte[] csv = csv(ROWS);
        String base = "http://localhost:" + APP.getLocalPort();

        AtomicBoolean importDone = new AtomicBoolean();
        Map<Long, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger duringImport = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        List<String> wrong = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.nanoTime() + MAX_RUN.toNanos();
        for (long org : writers) {
            acknowledged.put(org, new AtomicInteger());
            running.add(pool.submit(() -> {
                HttpClient http = client();
                started.countDown();
                int n = 0;
                // Until the import is over, and a little after, so that its last moments are met too.
                long after = Long.MAX_VALUE;
                while (System.nanoTime() < Math.min(deadline, after)) {
                    if (importDone.get() && after == Long.MAX_VALUE) {
                        after = System.nanoTime() + 500_000_000L;
                    }
                    String body = "{\"type\":\"electricity\",\"quantity\":" + (100 + n++) + ",\"unit\":\"kWh\",\"date\":\"2024-05-01\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/organizations/" + org + "/activities"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                    if (!importDone.get()) {
                        duringImport.incrementAndGet();
                    }
                    if (response.statusCode() == 201) {
                        acknowledged.get(org).incrementAndGet();
                    } else if (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()
                            && response.body().contains("\"code\":503")) {
                        refused.incrementAndGet();
                    } else {
                        wrong.add(response.statusCode() + " " + response.headers().firstValue("Retry-After") + " " + response.body());
                    }
                }
                return null;
            }));
        }
        started.await();
        long t0 = System.nanoTime();
        HttpResponse<String> imported = client().send(HttpRequest.newBuilder(URI.create(base + "/api/organizations/" + importer
                + "/activities/import")).timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        importDone.set(true);
        for (Future<?> writer : running) {
            writer.get();
        }
        pool.shutdown();

        int acknowledgedTotal = acknowledged.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("ImportConcurrencyTest: %,d rows imported in %,d ms (%d); %d writers: %,d writes during the import,"
                + " %,d acknowledged in all, %,d refused with 503, slowest answer %,d ms%n", ROWS, importMs, imported.statusCode(),
                WRITERS, duringImport.get(), acknowledgedTotal, refused.get(), slowest.get());
        assertThat(wrong).as("answers other than 201 or 503 with Retry-After").isEmpty();
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":" + ROWS);
        assertThat(duringImport.get()).as("writes met the import").isGreaterThan(WRITERS);

        Map<Long, Integer> stored = new HashMap<>();
        try (Connection c = TestDatabase.connect(DATABASE);
                ResultSet rs = c.createStatement().executeQuery("SELECT organization_id, COUNT(*) FROM activity GROUP BY organization_id")) {
            while (rs.next()) {
                stored.put(rs.getLong(1), rs.getInt(2));
            }
        }
        assertThat(stored.get(importer)).isEqualTo(ROWS);
        try (Connection c = TestDatabase.connect(DATABASE)) {
            for (String staging : List.of("activity_staging", "activity_month_staging", "activity_tag_staging")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + staging)) {
                    rs.next();
                    assertThat(rs.getInt(1)).as(staging + " emptied after the publication").isZero();
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM activity_month m JOIN activity a"
                    + " ON a.id = m.activity_id WHERE a.organization_id = " + importer + " AND m.organization_id = " + importer)) {
                rs.next();
                assertThat(rs.getInt(1)).as("monthly shares of the import, on its own activities").isGreaterThan(ROWS);
            }
        }
        for (long org : writers) {
            assertThat(stored.getOrDefault(org, 0)).as("organization " + org).isEqualTo(acknowledged.get(org).get());
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Electricity bills of 2024, one a row, each different (no two files alike). */
    private static byte[] csv(int rows) {
        StringBuilder text = new StringBuilder("type,quantity,unit,periodStart,periodEnd,tags\n");
        LocalDate first = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < rows; i++) {
            LocalDate start = first.plusDays(i % 330);
            text.append("electricity,").append(100 + i).append(",kWh,").append(start).append(',')
                    .append(start.plusDays(i % 31)).append(i % 5 == 0 ? ",siège\n" : ",\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
