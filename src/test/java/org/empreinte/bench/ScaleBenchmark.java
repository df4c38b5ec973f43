package org.empreinte.bench;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.empreinte.db.DatabaseKind;

/**
 * The README's performance figures, on SQLite and on PostgreSQL in one run, each figure beside a ceiling measured in
 * the same run on the same rows:
 * <ul>
 * <li>start-up to a healthy service on the generated database, against Dropwizard's {@code check};</li>
 * <li>100,000 yearly bills imported from one CSV file through HTTP, against the raw batched inserts of the rows it
 * stored;</li>
 * <li>the report of an organization with 100,000 activities (the imported one) and of one with 1,000,000, computed
 * (a cache miss) and cached, against each other and against the plain SQL aggregate of its stored totals;</li>
 * <li>a network's aggregate over 10,000 organizations holding 10,000,000 activities, each inventory submitted through
 * the API, against the plain SQL sum of the same submitted totals;</li>
 * <li>32 concurrent writers for 60 s (errors, p50, p99, the stored count equal to the acknowledged writes), against 32
 * clients of a trivial authenticated GET.</li>
 * </ul>
 * Run: {@code mvn -q -DskipTests package && java -cp target/empreinte.jar:target/test-classes
 * org.empreinte.bench.ScaleBenchmark [tiny|middle|full] [--database sqlite|postgresql|both]} ({@code ScaleBenchmarkTest}
 * runs it tiny in the test suite, on the suite's database).
 */
public final class ScaleBenchmark {

    /**
     * How much is written and measured. {@code organizations} x {@code perOrganization} activities make the network;
     * {@code large} is the organization of a million activities; the imported one has {@code importRows}.
     */
    record Size(String name, int importRows, int warmUpRows, int large, int organizations, int perOrganization, int starts,
            int repeats, int writers, Duration writing, Duration reading) {
    }

    static final Size TINY = new Size("tiny", 300, 60, 2_000, 32, 20, 1, 3, 32, Duration.ofSeconds(2), Duration.ofSeconds(2));
    static final Size MIDDLE = new Size("middle", 100_000, 20_000, 1_000_000, 1_000, 1_000, 3, 7, 32, Duration.ofSeconds(60),
            Duration.ofSeconds(20));
    static final Size FULL = new Size("full", 100_000, 20_000, 1_000_000, 10_000, 1_000, 3, 7, 32, Duration.ofSeconds(60),
            Duration.ofSeconds(20));

    private static final int YEAR = 2024;
    private static final int SUBMITTERS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline"};
    private static final String[] UNITS = {"kWh", "m3", "L", "L", "L", "L"};

    /**
     * One line of the table.
     *
     * @param ratio the figure over its ceiling, or the ceiling over the figure for a rate (higher is better)
     * @param target what issue 12 asks of the ratio, empty when it asks nothing
     * @param met null when there is no target
     */
    record Line(String database, String what, String measured, String ceiling, double ratio, String target, Boolean met) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s | %s |", database, what, measured, ceiling, ratio,
                    target, met == null ? "" : met ? "met" : "NOT met");
        }
    }

    public static void main(String[] args) throws Exception {
        Size size = FULL;
        List<DatabaseKind> databases = List.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "tiny" -> size = TINY;
                case "middle" -> size = MIDDLE;
                case "full" -> size = FULL;
                case "--database" -> databases = switch (args[++i]) {
                    case "sqlite" -> List.of(DatabaseKind.SQLITE);
                    case "postgresql" -> List.of(DatabaseKind.POSTGRESQL);
                    case "both" -> List.of(DatabaseKind.SQLITE, DatabaseKind.POSTGRESQL);
                    default -> throw new IllegalArgumentException("--database sqlite, postgresql or both, not " + args[i]);
                };
                default -> throw new IllegalArgumentException("arguments: [tiny|middle|full] [--database sqlite|postgresql|both]");
            }
        }
        run(size, databases, BenchServer.packagedJar());
        System.exit(0);
    }

    /** Runs every measurement on each database; prints and returns the table's lines. */
    static List<Line> run(Size size, List<DatabaseKind> databases, List<String> service) throws Exception {
        System.out.printf("Machine: %d cores, %s, Java %s, load average %.2f; size %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), size.name());
        List<Line> lines = new ArrayList<>();
        for (DatabaseKind kind : databases) {
            lines.addAll(new ScaleBenchmark(size, kind, service).measure());
        }
        System.out.printf("%nLoad average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| database | what | measured | ceiling, same run | ratio | target | |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        lines.forEach(line -> System.out.println(line.row()));
        return lines;
    }

    private final Size size;
    private final DatabaseKind kind;
    private final List<String> service;
    private final List<Line> lines = new ArrayList<>();
    private Path work;
    private BenchDatabase database;
    private HttpClient http;
    private String base;

    private ScaleBenchmark(Size size, DatabaseKind kind, List<String> service) {
        this.size = size;
        this.kind = kind;
        this.service = service;
    }

    private List<Line> measure() throws Exception {
        work = Files.createTempDirectory("empreinte-scale-bench");
        try (BenchDatabase db = BenchDatabase.create(kind, work.resolve("scale.db"))) {
            database = db;
            long large;
            long firstMember;
            long t0 = System.nanoTime();
            try (Connection c = db.migrated(); BenchData data = new BenchData(db, c, 20241129)) {
                large = data.organization("Grande coopérative", size.large(), YEAR);
                firstMember = large + 1;
                for (int o = 0; o < size.organizations(); o++) {
                    data.organization("Membre " + o, size.perOrganization(), YEAR);
                }
                System.out.printf("%s: writing %,d activities of %,d organizations...%n", db.label(), data.written(),
                        size.organizations() + 1);
            }
            log("generated the activities, their keys, shares and running totals in %.1f s", (System.nanoTime() - t0) / 1e9);

            startUp();
            int port = BenchServer.freePort();
            Process server = BenchServer.start(service, db.environment(), port, BenchServer.freePort(), work);
            try {
                BenchServer.waitHealthy(server, port, work);
                http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                base = "http://localhost:" + port;
                long imported = importAndCeiling();
                report(imported, size.importRows());
                report(large, size.large());
                network(firstMember);
                writers(firstMember);
            } finally {
                server.destroy();
                server.waitFor();
            }
        } finally {
            // Gigabytes at full size: the SQLite files, the CSV files, the service's logs.
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return lines;
    }

    private void log(String format, Object... args) {
        System.out.printf("%s: " + format + "%n", prepend(database.label(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private void line(String what, String measured, String ceiling, double ratio, String target, Boolean met) {
        Line line = new Line(database.label(), what, measured, ceiling, BenchServer.measured(what + " against its ceiling", ratio),
                target, met);
        System.out.println(line.row());
        lines.add(line);
    }

    // ---- start-up ------------------------------------------------------------------------------------------------

    private void startUp() throws Exception {
        List<Long> checks = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < size.starts(); i++) {
            checks.add(BenchServer.check(service, work));
            starts.add(BenchServer.startAndStop(service, database.environment(), work));
        }
        long check = BenchServer.median(checks) * 1_000_000;
        long start = BenchServer.median(starts) * 1_000_000;
        double ratio = ratio("start-up", start, check);
        line("start-up to healthy, the generated database", ms(start), "`check` " + ms(check), ratio, "≤ 2", ratio <= 2);
    }

    // ---- import through HTTP -------------------------------------------------------------------------------------

    /** Imports the yearly bills through HTTP, then writes the rows it stored again raw; returns the organization. */
    private long importAndCeiling() throws Exception {
        importCsv(organization("Import warm-up"), size.warmUpRows(), 1);
        long organization = organization("Coopérative importée");
        long importNs = importCsv(organization, size.importRows(), 0);
        StoredRows stored;
        try (Connection c = database.connect()) {
            stored = StoredRows.read(c, organization);
        }
        if (stored.activities().size() != size.importRows()) {
            throw new IllegalStateException("the import stored " + stored.activities().size() + " activities of " + size.importRows());
        }
        List<Long> raws = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            // The first is a warm-up: the JIT, the page cache.
            try (BenchDatabase raw = BenchDatabase.create(kind, work.resolve("raw-" + run + ".db"))) {
                raws.add(stored.insertInto(raw));
            }
        }
        long rawNs = raws.get(1);
        double share = ratio("raw inserts over the import", rawNs, importNs);
        line(String.format("%,d yearly bills imported from one CSV file through HTTP (%,d rows stored)", size.importRows(),
                stored.rowCount()), seconds(importNs), "raw batched inserts of the same rows, one transaction " + seconds(rawNs),
                share, "≥ 0.25 (rate over the raw rate)", share >= 0.25);
        return organization;
    }

    private long organization(String name) throws Exception {
        String created = BenchServer.post(http, base + "/api/organizations", "{\"name\":\"" + name
                + "\",\"sector\":\"624410\",\"region\":\"CA-QC\",\"employees\":10}");
        return JSON.readTree(created).get("id").asLong();
    }

    /** A file of yearly bills (twelve monthly shares each), its types and quantities varying with the row. */
    private long importCsv(long organization, int rows, int salt) throws Exception {
        Path file = work.resolve("bills-" + organization + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("type,quantity,unit,periodStart,periodEnd,tags\n");
            for (int i = 0; i < rows; i++) {
                int t = i % TYPES.length;
                out.write(TYPES[t] + "," + (100 + (i + salt) % 9_000) + "," + UNITS[t] + "," + YEAR + "-01-01," + YEAR + "-12-31,"
                        + (i % 10 == 0 ? "sommet" : "facture") + "\n");
            }
        }
        long t0 = System.nanoTime();
        String answer = BenchServer.send(http, HttpRequest.newBuilder(URI.create(base + "/api/organizations/" + organization
                + "/activities/import")).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofFile(file)), 200);
        long ns = System.nanoTime() - t0;
        if (JSON.readTree(answer).get("imported").asInt() != rows) {
            throw new IllegalStateException("imported " + answer + " of " + rows + " rows");
        }
        return ns;
    }

    // ---- reports -------------------------------------------------------------------------------------------------

    /**
     * The organization's report for the year computed (a write between reads raises its data revision: a cache miss)
     * and cached, over HTTP, and the plain SQL aggregate of its stored totals by scope and category. First checks that
     * the report's total equals the plain sum of the organization's activities: the data are as the service keeps them.
     */
    private void report(long organization, int activities) throws Exception {
        String url = base + "/api/organizations/" + organization + "/report?year=" + YEAR;
        double reported = JSON.readTree(BenchServer.get(http, url)).get("totalCo2eKg").asDouble();
        double summed;
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SUM(co2e_kg), COUNT(*) FROM activity WHERE organization_id = " + organization)) {
            rs.next();
            summed = rs.getDouble(1);
            if (rs.getLong(2) != activities) {
                throw new IllegalStateException("organization " + organization + " has " + rs.getLong(2) + " activities, not " + activities);
            }
        }
        // An activity's co2e_kg is its direct line; its other lines (a fuel's upstream, the grid's losses) are rows of
        // activity_line, which the import writes and the report counts.
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(co2e_kg), 0) FROM activity_line WHERE line <> 'direct' AND organization_id = "
                        + organization)) {
            rs.next();
            summed += rs.getDouble(1);
        }
        if (!(Math.abs(reported - summed) <= 1e-6 * Math.abs(summed)) || summed <= 0) {
            throw new IllegalStateException("the report of organization " + organization + " says " + reported
                    + " kg where its activities sum to " + summed + " kg");
        }
        int[] employees = {10};
        List<Long> cold = new ArrayList<>();
        List<Long> cached = new ArrayList<>();
        // A service answers reports for days: the rounds before the counted ones let the JIT compile the report's path
        // as it has in a running service (after one round only, a cold report took 16 ms, after 400 rounds 10 ms).
        int warmUp = 4 * size.repeats();
        for (int i = -warmUp; i <= size.repeats(); i++) {
            BenchServer.put(http, base + "/api/organizations/" + organization + "/years/2031", "{\"employees\": " + employees[0]++ + "}");
            long t0 = System.nanoTime();
            BenchServer.get(http, url);
            long coldNs = System.nanoTime() - t0;
            for (int j = 0; j < 10; j++) {
                t0 = System.nanoTime();
                BenchServer.get(http, url);
                if (i > 0) {
                    cached.add(System.nanoTime() - t0);
                }
            }
            if (i > 0) { // the warm-up rounds and the first are not counted
                cold.add(coldNs);
            }
        }
        long sql;
        try (Connection c = database.connect()) {
            String aggregate = "SELECT k.scope, k.category, SUM(t.co2e_kg) FROM activity_total t JOIN activity_result_key k"
                    + " ON k.id = t.result_key AND k.organization_id = " + organization + " WHERE t.organization_id = " + organization + " AND t.month >= '" + YEAR + "-01'"
                    + " AND t.month <= '" + YEAR + "-12' GROUP BY k.scope, k.category";
            sql = timedMedian(() -> query(c, aggregate));
        }
        long coldNs = BenchServer.median(cold);
        long cachedNs = BenchServer.median(cached);
        double ratio = ratio("cold report", coldNs, cachedNs);
        line(String.format("report of an organization with %,d activities: computed (cache miss) over HTTP", activities), ms(coldNs),
                "cached report " + ms(cachedNs) + "; SQL aggregate of its stored totals " + ms(sql) + " ("
                        + String.format(Locale.ROOT, "%.2f", ratio("cold report against SQL", coldNs, sql)) + " ×)",
                ratio, "≤ 3", ratio <= 3);
    }

    // ---- network aggregate ---------------------------------------------------------------------------------------

    /** Every generated member shares its aggregate and submits its year through the API; then the network's aggregate. */
    private void network(long firstMember) throws Exception {
        long network = JSON.readTree(BenchServer.post(http, base + "/api/networks", "{\"name\":\"Réseau du banc d'essai\"}"))
                .get("id").asLong();
        try (Connection c = database.connect(); PreparedStatement member = c.prepareStatement("INSERT INTO network_member"
                + " (network_id, organization_id, sharing, updated_at) VALUES (?, ?, 'aggregate', '2025-01-15T12:00:00Z')")) {
            c.setAutoCommit(false);
            for (int o = 0; o < size.organizations(); o++) {
                member.setLong(1, network);
                member.setLong(2, firstMember + o);
                member.addBatch();
            }
            member.executeBatch();
            c.commit();
        }
        long t0 = System.nanoTime();
        AtomicLong next = new AtomicLong();
        concurrently(SUBMITTERS, () -> {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (long o = next.getAndIncrement(); o < size.organizations(); o = next.getAndIncrement()) {
                BenchServer.send(client, HttpRequest.newBuilder(URI.create(base + "/api/organizations/" + (firstMember + o)
                        + "/inventories/" + YEAR + "/submit")).POST(HttpRequest.BodyPublishers.noBody()), 200);
            }
            return null;
        });
        log("%,d inventories submitted through the API in %.1f s (%d clients)", size.organizations(), (System.nanoTime() - t0) / 1e9,
                SUBMITTERS);
        // Statistics of the tables just filled, as autovacuum gathers them a minute or so later: without them
        // PostgreSQL planned the plain sums with nested loops (310 ms against 28 ms in another run).
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(kind == DatabaseKind.SQLITE ? "ANALYZE" : "ANALYZE network_member, inventory, inventory_version, inventory_category");
        }

        String url = base + "/api/networks/" + network + "/aggregate?year=" + YEAR;
        long aggregateNs = timedMedian(() -> BenchServer.get(http, url));
        double shown = JSON.readTree(BenchServer.get(http, url)).get("totalCo2eKg").asDouble();
        String where = " FROM network_member n JOIN inventory i ON i.organization_id = n.organization_id AND i.year = " + YEAR
                + " JOIN inventory_version v ON v.id = i.version_id";
        String totals = "SELECT SUM(v.total_co2e_kg), SUM(v.scope1_co2e_kg), SUM(v.scope2_co2e_kg), SUM(v.scope3_co2e_kg)" + where
                + " WHERE n.network_id = " + network + " AND n.sharing <> 'none'";
        String categories = "SELECT c.category, SUM(c.co2e_kg)" + where + " JOIN inventory_category c ON c.version_id = v.id"
                + " WHERE n.network_id = " + network + " AND n.sharing <> 'none' GROUP BY c.category";
        long sql;
        double summed;
        try (Connection c = database.connect()) {
            sql = timedMedian(() -> {
                query(c, totals);
                query(c, categories);
            });
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(totals)) {
                rs.next();
                summed = rs.getDouble(1);
            }
        }
        // The aggregate is published to 3 significant figures (the disclosure rules).
        if (!(Math.abs(shown - summed) <= 0.005 * summed)) {
            throw new IllegalStateException("the network's aggregate says " + shown + " kg where its members' submissions sum to "
                    + summed + " kg");
        }
        double ratio = ratio("network aggregate", aggregateNs, sql);
        line(String.format("network aggregate over %,d organizations holding %,d activities, over HTTP", size.organizations(),
                (long) size.organizations() * size.perOrganization()), ms(aggregateNs),
                "plain SQL sums of the same submitted totals (total, scopes, categories) " + ms(sql), ratio, "≤ 2", ratio <= 2);
    }

    // ---- concurrent writers --------------------------------------------------------------------------------------

    /** Latencies, acknowledged requests and errors of clients running for a while, each on its connection. */
    private record Load(List<Long> latencies, long acknowledged, long errors, String firstError, long ns) {

        double rate() {
            return acknowledged / (ns / 1e9);
        }

        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    private interface Request {
        HttpRequest.Builder make(int client, long i);
    }

    /** {@code size.writers()} writers, each logging activities to its own member for {@code size.writing()}. */
    private void writers(long firstMember) throws Exception {
        int organizations = Math.min(size.writers(), size.organizations());
        String count = "SELECT COUNT(*) FROM activity WHERE organization_id >= " + firstMember + " AND organization_id < "
                + (firstMember + organizations);
        long before = count(count);
        Load writes = load(size.writing(), (client, i) -> {
            LocalDate start = LocalDate.of(2025, 1, 1).plusDays(i % 300);
            int t = (int) (i % TYPES.length);
            String body = String.format(Locale.ROOT, "{\"type\":\"%s\",\"quantity\":%d,\"unit\":\"%s\",\"periodStart\":\"%s\","
                    + "\"periodEnd\":\"%s\",\"tags\":[\"charge\"]}", TYPES[t], 100 + i % 900, UNITS[t], start, start.plusDays(30));
            return HttpRequest.newBuilder(URI.create(base + "/api/organizations/" + (firstMember + client % organizations)
                    + "/activities")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }, 201);
        long stored = count(count) - before;
        if (stored != writes.acknowledged()) {
            throw new IllegalStateException(stored + " activities stored for " + writes.acknowledged() + " acknowledged writes");
        }
        if (writes.errors() > 0) {
            log("%,d errors among the writes, the first: %s", writes.errors(), writes.firstError());
        }
        Load reads = load(size.reading(), (client, i) -> HttpRequest.newBuilder(URI.create(base + "/api/organizations/"
                + (firstMember + client % organizations))), 200);
        if (reads.errors() > 0) {
            throw new IllegalStateException(reads.errors() + " trivial GETs failed, the first: " + reads.firstError());
        }
        double share = ratio("writes over GETs", writes.rate(), reads.rate());
        boolean noError = writes.errors() == 0;
        line(String.format("%d concurrent writers for %d s: %,d writes acknowledged and stored, %,d errors; p50 %s, p99 %s",
                size.writers(), size.writing().toSeconds(), writes.acknowledged(), writes.errors(), ms(writes.percentile(50)),
                ms(writes.percentile(99))), String.format(Locale.ROOT, "%,.0f per second", writes.rate()),
                String.format(Locale.ROOT, "%d clients of a trivial authenticated GET: %,.0f per second, p50 %s, p99 %s",
                        size.writers(), reads.rate(), ms(reads.percentile(50)), ms(reads.percentile(99))),
                share, "≥ 0.5 (rate over the GET rate)" + (kind == DatabaseKind.POSTGRESQL ? "; no error" : ""),
                share >= 0.5 && (kind != DatabaseKind.POSTGRESQL || noError));
    }

    private Load load(Duration duration, Request request, int expected) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long t0 = System.nanoTime();
        long end = t0 + duration.toNanos();
        concurrently(size.writers(), client -> {
            HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<Long> mine = new ArrayList<>();
            for (long i = 0; System.nanoTime() < end; i++) {
                long start = System.nanoTime();
                try {
                    BenchServer.send(own, request.make(client, i * size.writers() + client), expected);
                    mine.add(System.nanoTime() - start);
                    acknowledged.incrementAndGet();
                } catch (java.io.IOException | BenchServer.Refused e) {
                    // Counted: a connection lost, or the service answering that it is busy (SQLite's one writer past
                    // its busy time-out: 503). Any other answer is a broken measurement, and fails the run.
                    if (e instanceof BenchServer.Refused refused && refused.status() != 503) {
                        throw refused;
                    }
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            }
            latencies.addAll(mine);
            return null;
        });
        long ns = System.nanoTime() - t0;
        return new Load(latencies, acknowledged.get(), errors.get(), firstError.get(), ns);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private interface Client {
        Object run(int client) throws Exception;
    }

    private interface Task {
        Object run() throws Exception;
    }

    private static void concurrently(int clients, Task task) throws Exception {
        concurrently(clients, client -> task.run());
    }

    private static void concurrently(int clients, Client task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Object>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> task.run(client)));
            }
            for (Future<Object> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /** The median of {@code repeats} timings after one not counted. */
    private long timedMedian(Action action) throws Exception {
        action.run();
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < size.repeats(); i++) {
            long t0 = System.nanoTime();
            action.run();
            values.add(System.nanoTime() - t0);
        }
        return BenchServer.median(values);
    }

    private static void query(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(rs.getMetaData().getColumnCount());
            }
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double ratio(String what, double measured, double ceiling) {
        return BenchServer.measured(what, measured) / BenchServer.measured(what + "'s ceiling", ceiling);
    }

    /** Milliseconds, with decimals below 10 ms where cached and tiny figures fall. */
    private static String ms(long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%,.0f ms", ms);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
