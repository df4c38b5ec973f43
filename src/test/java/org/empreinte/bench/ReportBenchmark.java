package org.empreinte.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import org.empreinte.calculation.Period;
import org.empreinte.db.DatabaseSetup;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.FactorLibraryLoader;
import org.empreinte.footprint.FootprintService;
import org.empreinte.footprint.ReportCache;
import org.empreinte.organization.YearlyFigures;

/**
 * The reporting figures of the README, each beside a ceiling measured in the same run on the same
 * machine. It writes a network of 1,000 organizations with 1,000 activities each (1 million rows) and
 * one large organization with 100,000 activities, all in 2024, then measures:
 * <ul>
 * <li>the report of the large organization computed cold (a cache miss, through HTTP and in the
 * service itself), against the raw SQLite aggregate of its rows by scope and category;</li>
 * <li>the aggregate of all rows by scope and category with the reports' proration by days, against
 * the raw sum of the same rows;</li>
 * <li>the cached report served over HTTP, against {@code GET /api}, which reads nothing;</li>
 * <li>the memory a computed report allocates, for 100,000 rows against 1,000: reports are sums made
 * by SQL, so it does not grow with the rows.</li>
 * </ul>
 * Run: {@code mvn -q -DskipTests package && java -cp target/empreinte.jar:target/test-classes org.empreinte.bench.ReportBenchmark}
 * ({@code ReportBenchmarkTest} runs it at a tiny size in the test suite).
 */
public final class ReportBenchmark {

    private static final int HTTP_THREADS = 4;

    /**
     * How much the benchmark writes and measures: {@link #FULL} for the README's figures, {@link #TINY} for the test
     * suite ({@code ReportBenchmarkTest}), which runs every measurement of the full size on a few thousand rows.
     */
    record Size(int organizations, int perOrganization, int large, int repeats, int warmUpRequests, int httpRequests) {
    }

    static final Size FULL = new Size(1_000, 1_000, 100_000, 7, 2_000, 20_000);
    static final Size TINY = new Size(20, 100, 2_000, 3, 40, 200);

    /** What the generated activities are: real factor ids and values of the shipped sets. */
    private record Kind(String type, int scope, String category, String factorId, String set, String unit, double perUnit,
            double co2Share, double ch4Share, double n2oShare, double minQuantity, double maxQuantity) {
    }

    private static final Kind[] KINDS = {
        new Kind("electricity", 2, "purchased_electricity", "eccc-electricity-ca-qc-2018", "eccc-canada", "kWh", 0.0017, 0, 0, 0,
                500, 40_000),
        new Kind("electricity", 2, "purchased_electricity", "eccc-electricity-ca-on-2018", "eccc-canada", "kWh", 0.030, 0, 0, 0,
                500, 20_000),
        new Kind("natural_gas", 1, "stationary_combustion", "eccc-natural-gas-ca-qc", "eccc-canada", "m3", 1.936311,
                1.926 / 1.936311, 0.001036 / 1.936311, 0.009275 / 1.936311, 100, 5_000),
        new Kind("flight", 3, "business_travel", "desnz-2024-flight-long-economy-rf", "desnz-2024", "km", 0.20011,
                0.19911 / 0.20011, 0.00001 / 0.20011, 0.00099 / 0.20011, 1_000, 12_000),
        new Kind("hotel", 3, "business_travel", "desnz-2024-hotel-ca", "desnz-2024", "night", 7.4, 0, 0, 0, 1, 20),
        new Kind("purchase", 3, "purchased_goods", "useeio-111110", "useeio-1.3", "USD2022", 0.532, 0, 0, 0, 100, 50_000),
    };

    /** With the argument {@code tiny}, the test suite's size: a check in under a minute that the packaged jar's run works. */
    public static void main(String[] args) throws Exception {
        run(args.length > 0 && args[0].equals("tiny") ? TINY : FULL, BenchServer.packagedJar());
    }

    /** Runs the benchmark, the service started by this command; returns the table's lines as printed. */
    static List<String> run(Size size, List<String> serviceCommand) throws Exception {
        Path work = Files.createTempDirectory("empreinte-report-bench");
        Path db = work.resolve("network.db");
        System.out.printf("Machine: %d cores, %s, Java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);

        long t0 = System.nanoTime();
        long rows = generate(db, size);
        System.out.printf("Generated %,d activities (%,d organizations) in %.1f s%n", rows, size.organizations() + 1,
                (System.nanoTime() - t0) / 1e9);
        long large = 1;
        long small = 2;
        Period year = Period.ofYear(2024);
        long fromDay = year.start().toEpochDay();
        long toDay = year.end().toEpochDay();

        long rawLarge;
        long rawAll;
        long proratedAll;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, settings())) {
            rawLarge = median(size, () -> timeQuery(c, "SELECT a.scope, a.category, SUM(m.co2e_kg) FROM activity_month m"
                    + " JOIN activity a ON a.id = m.activity_id WHERE m.organization_id = " + large
                    + " AND m.last_day >= " + fromDay + " AND m.first_day <= " + toDay + " GROUP BY a.scope, a.category"));
            rawAll = median(size, () -> timeQuery(c, "SELECT a.scope, a.category, SUM(m.co2e_kg) FROM activity_month m"
                    + " JOIN activity a ON a.id = m.activity_id GROUP BY a.scope, a.category"));
            String fraction = "((CASE WHEN m.last_day < " + toDay + " THEN m.last_day ELSE " + toDay + " END)"
                    + " - (CASE WHEN m.first_day > " + fromDay + " THEN m.first_day ELSE " + fromDay + " END) + 1) * 1.0"
                    + " / (m.last_day - m.first_day + 1)";
            proratedAll = median(size, () -> timeQuery(c, "SELECT a.scope, a.category, SUM(m.co2e_kg * " + fraction + ")"
                    + " FROM activity_month m JOIN activity a ON a.id = m.activity_id"
                    + " WHERE m.last_day >= " + fromDay + " AND m.first_day <= " + toDay + " GROUP BY a.scope, a.category"));
        }

        // In the service itself, without HTTP: the same query the API runs, with a cache that keeps nothing.
        FactorLibrary library = new FactorLibraryLoader().load(Path.of("emission-factors"),
                List.of("eccc-canada", "desnz-2024", "useeio-1.3"));
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + db, settings());
        jdbi.installPlugin(new SqlObjectPlugin());
        FootprintService service = new FootprintService(jdbi, library, org.empreinte.factor.UncertaintyTable.none(), org.empreinte.db.TestDatabase.figures(jdbi),
                new ReportCache(0, Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            service.report(large, year, null);
            service.report(small, year, null);
        }
        long inProcess = median(size, () -> time(() -> service.report(large, year, null)));
        long bytesLarge = allocated(size, () -> service.report(large, year, null));
        long bytesSmall = allocated(size, () -> service.report(small, year, null));

        int port = BenchServer.freePort();
        Process server = BenchServer.start(serviceCommand, db, port, BenchServer.freePort(), work);
        try {
            BenchServer.waitHealthy(server, port, work);
            String base = "http://localhost:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String report = base + "/api/organizations/" + large + "/report?year=2024";
            for (int i = 0; i < 3; i++) {
                BenchServer.get(http, report);
            }
            int[] revision = {0};
            long coldHttp = median(size, () -> {
                // A write to the organization (a later year's figures) makes the next read a miss.
                put(http, base + "/api/organizations/" + large + "/years/2031", "{\"employees\": " + (10 + revision[0]++) + "}");
                return time(() -> BenchServer.get(http, report));
            });

            BenchServer.get(http, report);
            rate(base + "/api", size.warmUpRequests());
            rate(report, size.warmUpRequests());
            double trivialRate = rate(base + "/api", size.httpRequests());
            double cachedRate = rate(report, size.httpRequests());

            List<String> table = List.of(
                    "| what | measured | against the ceiling of the same run |",
                    "| --- | --- | --- |",
                    String.format("| report of an organization with %,d activities, computed (cache miss), over HTTP | %s ms"
                            + " | %.2f × the raw SQLite aggregate of its rows by scope and category (%s ms) |", size.large(),
                            ms("cold report over HTTP", coldHttp), ratio("cold report over HTTP", coldHttp, rawLarge),
                            ms("raw aggregate of the large organization", rawLarge)),
                    String.format("| the same report in the service, without HTTP | %s ms | %.2f × the raw aggregate |",
                            ms("cold report in the service", inProcess), ratio("cold report in the service", inProcess, rawLarge)),
                    String.format("| all %,d activities by scope and category, prorated by days | %s ms | %.2f × their raw sum"
                            + " (%s ms) |", rows, ms("prorated aggregate", proratedAll), ratio("prorated aggregate", proratedAll, rawAll),
                            ms("raw sum", rawAll)),
                    String.format("| cached report over HTTP, %d clients | %.0f per second | %.2f × `GET /api`, which reads"
                            + " nothing (%.0f per second) |", HTTP_THREADS, BenchServer.measured("cached report rate", cachedRate),
                            ratio("cached report rate", cachedRate, trivialRate), BenchServer.measured("GET /api rate", trivialRate)),
                    String.format("| memory a computed report allocates, %,d activities | %.1f MiB | %.2f × for %,d"
                            + " activities (%.1f MiB) |", size.large(), BenchServer.measured("large report's allocation", bytesLarge) / 1048576.0,
                            ratio("large report's allocation", bytesLarge, bytesSmall), size.perOrganization(),
                            BenchServer.measured("small report's allocation", bytesSmall) / 1048576.0));
            System.out.println();
            table.forEach(System.out::println);
            return table;
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** Writes the network with raw batched inserts: explicit ids, one transaction per organization. */
    private static long generate(Path db, Size size) throws Exception {
        Random random = new Random(20241122);
        long activityId = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, settings())) {
            DatabaseSetup.migrate(c);
            c.setAutoCommit(false);
            try (PreparedStatement org = c.prepareStatement("INSERT INTO organization (id, name, sector, region, employees,"
                    + " annual_revenue_cad, created_at, updated_at) VALUES (?, ?, '624410', 'CA-QC', ?, ?, 'now', 'now')");
                    PreparedStatement site = c.prepareStatement("INSERT INTO site (id, organization_id, name, region)"
                            + " VALUES (?, ?, ?, 'CA-QC')");
                    PreparedStatement activity = c.prepareStatement("INSERT INTO activity (id, organization_id, site_id, type,"
                            + " quantity, unit, period_start, period_end, start_day, end_day, region, effective_region,"
                            + " data_quality, attributes, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg,"
                            + " scope, category, factor_id, factor_set, factor_set_version, factor_unit, factor_co2e_per_unit,"
                            + " quantity_in_factor_unit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL,"
                            + " 'CA-QC', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, '1', ?, ?, ?, 'now', 'now')");
                    PreparedStatement tag = c.prepareStatement("INSERT INTO activity_tag (activity_id, tag) VALUES (?, ?)");
                    PreparedStatement month = c.prepareStatement("INSERT INTO activity_month (activity_id, organization_id,"
                            + " month, first_day, last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int o = 1; o <= size.organizations() + 1; o++) {
                    org.setLong(1, o);
                    org.setString(2, o == 1 ? "Grande coopérative" : "Membre " + o);
                    org.setDouble(3, 5 + random.nextInt(200));
                    org.setDouble(4, 200_000 + random.nextInt(20_000_000));
                    org.executeUpdate();
                    for (int s = 0; s < 2; s++) {
                        site.setLong(1, o * 2L + s);
                        site.setLong(2, o);
                        site.setString(3, "Site " + s);
                        site.addBatch();
                    }
                    site.executeBatch();
                    int count = o == 1 ? size.large() : size.perOrganization();
                    for (int i = 0; i < count; i++) {
                        activityId++;
                        Kind kind = KINDS[random.nextInt(KINDS.length)];
                        LocalDate start = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(366));
                        LocalDate end = start.plusDays(kind.type().equals("electricity") || kind.type().equals("natural_gas")
                                ? 27 + random.nextInt(5) : random.nextInt(4));
                        if (end.getYear() > 2024) {
                            end = LocalDate.of(2024, 12, 31);
                        }
                        double quantity = kind.minQuantity() + random.nextDouble() * (kind.maxQuantity() - kind.minQuantity());
                        double co2e = quantity * kind.perUnit();
                        double unspecifiedShare = 1 - kind.co2Share() - kind.ch4Share() - kind.n2oShare();
                        int p = 1;
                        activity.setLong(p++, activityId);
                        activity.setLong(p++, o);
                        int siteChoice = random.nextInt(3);
                        if (siteChoice == 2) {
                            activity.setNull(p++, java.sql.Types.BIGINT);
                        } else {
                            activity.setLong(p++, o * 2L + siteChoice);
                        }
                        activity.setString(p++, kind.type());
                        activity.setDouble(p++, quantity);
                        activity.setString(p++, kind.unit());
                        activity.setString(p++, start.toString());
                        activity.setString(p++, end.toString());
                        activity.setLong(p++, start.toEpochDay());
                        activity.setLong(p++, end.toEpochDay());
                        activity.setString(p++, random.nextInt(5) == 0 ? "estimated" : "measured");
                        activity.setDouble(p++, co2e);
                        activity.setDouble(p++, co2e * kind.co2Share());
                        activity.setDouble(p++, co2e * kind.ch4Share());
                        activity.setDouble(p++, co2e * kind.n2oShare());
                        activity.setDouble(p++, co2e * unspecifiedShare);
                        activity.setInt(p++, kind.scope());
                        activity.setString(p++, kind.category());
                        activity.setString(p++, kind.factorId());
                        activity.setString(p++, kind.set());
                        activity.setString(p++, kind.unit());
                        activity.setDouble(p++, kind.perUnit());
                        activity.setDouble(p, quantity);
                        activity.addBatch();
                        if (random.nextInt(10) == 0) {
                            tag.setLong(1, activityId);
                            tag.setString(2, "sommet");
                            tag.addBatch();
                        }
                        long days = end.toEpochDay() - start.toEpochDay() + 1;
                        for (LocalDate first = start; !first.isAfter(end); ) {
                            LocalDate monthEnd = YearMonth.from(first).atEndOfMonth();
                            LocalDate last = monthEnd.isBefore(end) ? monthEnd : end;
                            double share = (last.toEpochDay() - first.toEpochDay() + 1.0) / days;
                            month.setLong(1, activityId);
                            month.setLong(2, o);
                            month.setString(3, YearMonth.from(first).toString());
                            month.setLong(4, first.toEpochDay());
                            month.setLong(5, last.toEpochDay());
                            month.setDouble(6, co2e * share);
                            month.setDouble(7, co2e * kind.co2Share() * share);
                            month.setDouble(8, co2e * kind.ch4Share() * share);
                            month.setDouble(9, co2e * kind.n2oShare() * share);
                            month.setDouble(10, co2e * unspecifiedShare * share);
                            month.addBatch();
                            first = last.plusDays(1);
                        }
                        if (i % 5_000 == 4_999) {
                            activity.executeBatch();
                            tag.executeBatch();
                            month.executeBatch();
                        }
                    }
                    activity.executeBatch();
                    tag.executeBatch();
                    month.executeBatch();
                    c.commit();
                }
            }
            try (var statement = c.createStatement()) {
                // The result keys every write gives its activity, here in two statements for all of them.
                statement.executeUpdate(org.empreinte.activity.ActivityDao.NEW_KEYS + " WHERE 1 = 1"
                        + org.empreinte.activity.ActivityDao.MISSING);
                statement.executeUpdate(org.empreinte.activity.ActivityDao.SET_KEY);
            }
            // And the running totals every write keeps.
            org.empreinte.activity.RunningTotals.fillAll(c);
            c.commit();
            c.setAutoCommit(true);
            try (var statement = c.createStatement()) {
                statement.execute("ANALYZE");
            }
        }
        return activityId;
    }

    /** The service's SQLite settings (config.yml's database.properties). */
    private static Properties settings() {
        Properties settings = new Properties();
        settings.setProperty("foreign_keys", "true");
        settings.setProperty("journal_mode", "WAL");
        settings.setProperty("synchronous", "NORMAL");
        settings.setProperty("busy_timeout", "5000");
        settings.setProperty("transaction_mode", "IMMEDIATE");
        settings.setProperty("temp_store", "MEMORY");
        settings.setProperty("mmap_size", "268435456");
        return settings;
    }

    private static long timeQuery(Connection c, String sql) throws Exception {
        long t0 = System.nanoTime();
        try (var statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rs.getDouble(3);
            }
        }
        return System.nanoTime() - t0;
    }

    interface Action {
        void run() throws Exception;
    }

    interface Timed {
        long run() throws Exception;
    }

    private static long time(Action action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return System.nanoTime() - t0;
    }

    private static long median(Size size, Timed timed) throws Exception {
        timed.run();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < size.repeats(); i++) {
            values.add(timed.run());
        }
        return BenchServer.median(values);
    }

    /** Bytes this thread allocates for one call: HotSpot counts them exactly, unlike heap snapshots. */
    private static long allocated(Size size, Action action) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < size.repeats(); i++) {
            long before = threads.getThreadAllocatedBytes(id);
            action.run();
            values.add(threads.getThreadAllocatedBytes(id) - before);
        }
        return BenchServer.median(values);
    }

    /** Milliseconds as the README prints them, with decimals below 10 ms, where a tiny run's figures fall. */
    private static String ms(String what, long nanos) {
        double ms = BenchServer.measured(what, nanos) / 1e6;
        return String.format(ms < 10 ? "%.2f" : "%.0f", ms);
    }

    private static double ratio(String what, double measured, double ceiling) {
        return BenchServer.measured(what + " against its ceiling", measured / BenchServer.measured(what + "'s ceiling", ceiling));
    }

    private static void put(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + BenchServer.TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Requests per second over {@code total} GETs from several clients, each on its own kept-alive connection. */
    private static double rate(String url, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(HTTP_THREADS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < HTTP_THREADS; t++) {
                clients.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = 0; i < total / HTTP_THREADS; i++) {
                        BenchServer.get(http, url);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            return total / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
