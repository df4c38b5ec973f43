package org.empreinte.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what the README reports for the foundation, each figure beside a ceiling measured in
 * the same run on the same machine:
 * <ul>
 * <li>start-up to a healthy service, on a new database (schema migrated) and on an existing one,
 * against the JVM and Dropwizard's own start ({@code check}: read and validate the configuration);</li>
 * <li>10,000 energy activities logged one request at a time through the API, against 10,000
 * requests to a trivial JSON endpoint over the same connection and against the raw SQLite inserts
 * of the same rows, one transaction each, with the service's SQLite settings.</li>
 * </ul>
 * Run: {@code mvn -q -DskipTests package && java -cp target/empreinte.jar:target/test-classes org.empreinte.bench.FoundationBenchmark}
 */
public final class FoundationBenchmark {

    private static final int ACTIVITIES = 10_000;
    private static final String[] TYPES = {"electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline"};
    private static final String[] UNITS = {"kWh", "m3", "L", "L", "L", "L"};

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("empreinte-bench");
        Path jar = Path.of("target/empreinte.jar").toAbsolutePath();
        System.out.printf("Machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));

        long check = median(3, () -> timeProcess(List.of("java", "-jar", jar.toString(), "check", "config.yml"), work));
        List<Long> fresh = new ArrayList<>();
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path db = work.resolve("start-" + i + ".db");
            fresh.add(startAndStop(jar, db, work));
            existing.add(startAndStop(jar, db, work));
        }
        long freshMs = median(fresh);
        long existingMs = median(existing);
        System.out.printf("| start-up to healthy, new database | %d ms | %.2f × `check` (%d ms) |%n", freshMs, (double) freshMs / check, check);
        System.out.printf("| start-up to healthy, existing database | %d ms | %.2f × `check` (%d ms) |%n", existingMs,
                (double) existingMs / check, check);

        Path db = work.resolve("load.db");
        int port = freePort();
        Process server = start(jar, db, port, freePort(), work);
        try {
            waitHealthy(port);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port;
            String org = post(http, base + "/api/organizations",
                    "{\"name\":\"Bench\",\"sector\":\"624410\",\"region\":\"CA-QC\",\"employees\":10}");
            long orgId = Long.parseLong(firstNumber(org, "\"id\":(\\d+)"));
            // Warm-up, not counted: the JIT compiles the paths both loops use.
            for (int i = 0; i < 500; i++) {
                get(http, base + "/api/organizations/" + orgId);
                post(http, base + "/api/organizations/" + orgId + "/activities", activity(i));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < ACTIVITIES; i++) {
                post(http, base + "/api/organizations/" + orgId + "/activities", activity(i));
            }
            long apiNs = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int i = 0; i < ACTIVITIES; i++) {
                get(http, base + "/api/organizations/" + orgId);
            }
            long trivialNs = System.nanoTime() - t0;
            long rawNs = rawInserts(work.resolve("raw.db"));
            double apiS = apiNs / 1e9;
            System.out.printf("| 10,000 activities through the API | %.2f s (%.0f per second) | %.2f × 10,000 trivial GETs (%.2f s); "
                    + "%.2f × raw SQLite inserts of the same rows (%.2f s) |%n",
                    apiS, ACTIVITIES / apiS, (double) apiNs / trivialNs, trivialNs / 1e9, (double) apiNs / rawNs, rawNs / 1e9);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static String activity(int i) {
        int t = i % TYPES.length;
        LocalDate start = LocalDate.of(2020, 1, 1).plusDays(i % 1500);
        return String.format("{\"type\":\"%s\",\"quantity\":%d,\"unit\":\"%s\",\"periodStart\":\"%s\",\"periodEnd\":\"%s\",\"tags\":[\"bench\"]}",
                TYPES[t], 100 + i % 900, UNITS[t], start, start.plusDays(30));
    }

    /** The rows one logged activity writes (activity, tag, two monthly shares), one transaction each, as the service does. */
    private static long rawInserts(Path file) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("foreign_keys", "true");
        settings.setProperty("journal_mode", "WAL");
        settings.setProperty("synchronous", "NORMAL");
        settings.setProperty("busy_timeout", "5000");
        settings.setProperty("transaction_mode", "IMMEDIATE");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, settings)) {
            org.empreinte.db.DatabaseSetup.migrate(c);
            try (PreparedStatement org = c.prepareStatement("INSERT INTO organization (name, sector, region, employees, created_at,"
                    + " updated_at) VALUES ('Raw', '624410', 'CA-QC', 10, 'now', 'now')")) {
                org.executeUpdate();
            }
            c.setAutoCommit(false);
            try (PreparedStatement activity = c.prepareStatement("INSERT INTO activity (organization_id, site_id, type, quantity,"
                    + " unit, period_start, period_end, start_day, end_day, region, effective_region, data_quality, attributes,"
                    + " co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg, scope, category, factor_id, factor_set,"
                    + " factor_set_version, factor_unit, factor_co2e_per_unit, quantity_in_factor_unit, created_at, updated_at)"
                    + " VALUES (1, NULL, ?, ?, 'L', ?, ?, ?, ?, NULL, 'CA-QC', 'measured', NULL, ?, ?, 0, 0, 0, 1,"
                    + " 'stationary_combustion', 'f', 'eccc-canada', '1', 'L', 2.7, ?, 'now', 'now') RETURNING id");
                    PreparedStatement tag = c.prepareStatement("INSERT INTO activity_tag (activity_id, tag) VALUES (?, 'bench')");
                    PreparedStatement month = c.prepareStatement("INSERT INTO activity_month (activity_id, organization_id, month,"
                            + " first_day, last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg)"
                            + " VALUES (?, 1, ?, ?, ?, ?, ?, 0, 0, 0)")) {
                long t0 = System.nanoTime();
                for (int i = 0; i < ACTIVITIES; i++) {
                    LocalDate start = LocalDate.of(2020, 1, 1).plusDays(i % 1500);
                    activity.setString(1, TYPES[i % TYPES.length]);
                    activity.setDouble(2, 100 + i % 900);
                    activity.setString(3, start.toString());
                    activity.setString(4, start.plusDays(30).toString());
                    activity.setLong(5, start.toEpochDay());
                    activity.setLong(6, start.toEpochDay() + 30);
                    activity.setDouble(7, 270);
                    activity.setDouble(8, 270);
                    activity.setDouble(9, 100);
                    long id;
                    try (var keys = activity.executeQuery()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    tag.setLong(1, id);
                    tag.executeUpdate();
                    for (int m = 0; m < 2; m++) {
                        month.setLong(1, id);
                        month.setString(2, "2020-0" + (m + 1));
                        month.setLong(3, start.toEpochDay() + m * 15);
                        month.setLong(4, start.toEpochDay() + m * 15 + 14);
                        month.setDouble(5, 135);
                        month.setDouble(6, 135);
                        month.executeUpdate();
                    }
                    c.commit();
                }
                return System.nanoTime() - t0;
            }
        }
    }

    private static long startAndStop(Path jar, Path db, Path work) throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        Process server = start(jar, db, port, freePort(), work);
        try {
            waitHealthy(port);
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static Process start(Path jar, Path db, int port, int adminPort, Path work) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString(), "server", Path.of("config.yml").toAbsolutePath().toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ADMIN_PORT", Integer.toString(adminPort));
        builder.environment().put("DATABASE_URL", "jdbc:sqlite:" + db);
        builder.environment().put("EMISSION_FACTORS_DIR", Path.of("emission-factors").toAbsolutePath().toString());
        builder.redirectErrorStream(true).redirectOutput(work.resolve("server-" + port + ".log").toFile());
        return builder.start();
    }

    /** Healthy means the application port answers a page: the factor library is loaded and the schema migrated. */
    private static void waitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/organizations")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the service did not start within 120 s");
    }

    private static long timeProcess(List<String> command, Path work) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("check.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed; see " + work.resolve("check.log"));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static void get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
    }

    private static String firstNumber(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in " + text);
        }
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    interface Timed {
        long run() throws Exception;
    }

    private static long median(int times, Timed timed) throws Exception {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            values.add(timed.run());
        }
        return median(values);
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
