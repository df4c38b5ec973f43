package org.empreinte.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

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
 * ({@code FoundationBenchmarkTest} runs it at a tiny size in the test suite).
 */
public final class FoundationBenchmark {

    /**
     * How much the benchmark measures: {@link #FULL} for the README's figures, {@link #TINY} for the test suite
     * ({@code FoundationBenchmarkTest}), which runs every measurement of the full size once, on a hundred activities.
     */
    record Size(int starts, int warmUpActivities, int activities) {
    }

    static final Size FULL = new Size(3, 500, 10_000);
    static final Size TINY = new Size(1, 20, 100);

    private static final String[] TYPES = {"electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline"};
    private static final String[] UNITS = {"kWh", "m3", "L", "L", "L", "L"};

    /** With the argument {@code tiny}, the test suite's size: a check in under a minute that the packaged jar's run works. */
    public static void main(String[] args) throws Exception {
        run(args.length > 0 && args[0].equals("tiny") ? TINY : FULL, BenchServer.packagedJar());
    }

    /** Runs the benchmark, the service started by this command; returns the table's lines as printed. */
    static List<String> run(Size size, List<String> service) throws Exception {
        Path work = Files.createTempDirectory("empreinte-bench");
        System.out.printf("Machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));

        List<String> check = new ArrayList<>(service);
        check.addAll(List.of("check", "config.yml"));
        long checkMs = median(size.starts(), () -> timeProcess(check, work));
        List<Long> fresh = new ArrayList<>();
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < size.starts(); i++) {
            Path db = work.resolve("start-" + i + ".db");
            fresh.add(startAndStop(service, db, work));
            existing.add(startAndStop(service, db, work));
        }
        long freshMs = BenchServer.median(fresh);
        long existingMs = BenchServer.median(existing);
        List<String> table = new ArrayList<>();
        table.add(String.format("| start-up to healthy, new database | %d ms | %.2f × `check` (%d ms) |",
                (long) BenchServer.measured("start-up, new database", freshMs), ratio("start-up, new database", freshMs, checkMs),
                (long) BenchServer.measured("check", checkMs)));
        table.add(String.format("| start-up to healthy, existing database | %d ms | %.2f × `check` (%d ms) |",
                (long) BenchServer.measured("start-up, existing database", existingMs),
                ratio("start-up, existing database", existingMs, checkMs), checkMs));
        table.forEach(System.out::println);

        Path db = work.resolve("load.db");
        int port = BenchServer.freePort();
        Process server = BenchServer.start(service, db, port, BenchServer.freePort(), work);
        try {
            BenchServer.waitHealthy(server, port, work);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port;
            String org = BenchServer.post(http, base + "/api/organizations",
                    "{\"name\":\"Bench\",\"sector\":\"624410\",\"region\":\"CA-QC\",\"employees\":10}");
            long orgId = Long.parseLong(BenchServer.firstNumber(org, "\"id\":(\\d+)"));
            // Warm-up, not counted: the JIT compiles the paths both loops use.
            for (int i = 0; i < size.warmUpActivities(); i++) {
                BenchServer.get(http, base + "/api/organizations/" + orgId);
                BenchServer.post(http, base + "/api/organizations/" + orgId + "/activities", activity(i));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < size.activities(); i++) {
                BenchServer.post(http, base + "/api/organizations/" + orgId + "/activities", activity(i));
            }
            long apiNs = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int i = 0; i < size.activities(); i++) {
                BenchServer.get(http, base + "/api/organizations/" + orgId);
            }
            long trivialNs = System.nanoTime() - t0;
            long rawNs = rawInserts(work.resolve("raw.db"), size);
            double apiS = BenchServer.measured("activities through the API", apiNs) / 1e9;
            table.add(String.format("| %,d activities through the API | %.2f s (%.0f per second) | %.2f × %,d trivial GETs (%.2f s); "
                    + "%.2f × raw SQLite inserts of the same rows (%.2f s) |", size.activities(),
                    apiS, size.activities() / apiS, ratio("activities through the API", apiNs, trivialNs), size.activities(),
                    BenchServer.measured("trivial GETs", trivialNs) / 1e9, ratio("activities through the API", apiNs, rawNs),
                    BenchServer.measured("raw inserts", rawNs) / 1e9));
            System.out.println(table.get(table.size() - 1));
            return table;
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
    private static long rawInserts(Path file, Size size) throws Exception {
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
                for (int i = 0; i < size.activities(); i++) {
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

    private static long startAndStop(List<String> service, Path db, Path work) throws Exception {
        int port = BenchServer.freePort();
        long t0 = System.nanoTime();
        Process server = BenchServer.start(service, db, port, BenchServer.freePort(), work);
        try {
            BenchServer.waitHealthy(server, port, work);
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static long timeProcess(List<String> command, Path work) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("check.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed:\n" + Files.readString(work.resolve("check.log")));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }





    private static double ratio(String what, double measured, double ceiling) {
        return BenchServer.measured(what + " against its ceiling", measured / BenchServer.measured(what + "'s ceiling", ceiling));
    }

    interface Timed {
        long run() throws Exception;
    }

    private static long median(int times, Timed timed) throws Exception {
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            values.add(timed.run());
        }
        return BenchServer.median(values);
    }

}
