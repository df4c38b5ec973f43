package org.empreinte.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.jetty.util.component.LifeCycle;
import org.jdbi.v3.core.Jdbi;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;

import org.empreinte.EmpreinteConfiguration;
import org.empreinte.activity.ActivityImport;
import org.empreinte.activity.TestActivities;
import org.empreinte.db.DatabaseSetup;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.factor.FactorLibraryLoader;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.OrganizationService;

/**
 * Measures what the README reports for CSV imports: 100,000 energy activities imported from one
 * file through the import path (the one {@code POST .../activities/import} and the {@code import}
 * command share: read the CSV, validate and compute every row with the activity service, then one
 * transaction of batched inserts), beside the ceiling of the same run: the raw batched SQLite
 * inserts of the same rows (activity, tag, monthly shares: the very values the import stored, read
 * back), in one transaction, with plain JDBC and the service's SQLite settings from {@code config.yml}.
 *
 * <p>The import holds the computed rows of a file until it stores them (all or nothing): run it
 * with {@code -Xmx} to see the heap it needs, e.g. {@code -Xmx256m}.
 *
 * <p>Run: {@code mvn -q -DskipTests package && java -cp target/empreinte.jar:target/test-classes org.empreinte.bench.ImportBenchmark}
 */
public final class ImportBenchmark {

    private static final int ROWS = 100_000;
    private static final int WARM_UP_ROWS = 20_000;
    private static final int BATCH = 1_000;
    private static final int RUNS = 3;
    static final int TINY_ROWS = 240;
    static final int TINY_WARM_UP_ROWS = 60;
    private static final String[] TYPES = {"electricity", "natural_gas", "heating_oil", "propane", "diesel", "gasoline"};
    private static final String[] UNITS = {"kWh", "m3", "L", "L", "L", "L"};

    /** With the argument {@code tiny}, the test suite's size: a check in under a minute that the packaged jar's run works. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("tiny")) {
            run(TINY_ROWS, TINY_WARM_UP_ROWS, 1);
        } else {
            run(ROWS, WARM_UP_ROWS, RUNS);
        }
    }

    /**
     * The benchmark at another size: the test suite runs it tiny ({@code ImportBenchmarkTest}) so that the command the
     * README gives keeps working between the rare full runs. Returns the result line the README quotes.
     */
    static String run(int rowCount, int warmUpRows, int runs) throws Exception {
        Path work = Files.createTempDirectory("empreinte-import-bench");
        System.out.printf("Machine: %d cores, %s, Java %s, max heap %d MiB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));

        EmpreinteConfiguration configuration = configuration(work.resolve("import.db"));
        Properties settings = new Properties();
        settings.putAll(configuration.getDataSourceFactory().getProperties());
        ObjectMapper json = Jackson.newObjectMapper();
        FactorLibrary library = new FactorLibraryLoader().load(Path.of(configuration.getEmissionFactors().getDirectory()),
                configuration.getEmissionFactors().getSelectionOrder());
        Environment environment = new Environment("empreinte-bench");
        Jdbi jdbi = DatabaseSetup.open(environment, configuration.getDataSourceFactory());
        List<Long> imports = new ArrayList<>();
        List<Long> raws = new ArrayList<>();
        try {
            Clock clock = Clock.systemUTC();
            OrganizationService organizations = org.empreinte.db.TestDatabase.organizations(jdbi, clock);
            ActivityImport importer = TestActivities.wire(jdbi, library, clock).imports();
            // Warm-up, not counted: the JIT compiles the path on another file into another organization.
            importer.importCsv(organization(organizations, "Warm-up"), csv(work.resolve("warm-up.csv"), warmUpRows, runs));
            // Runs interleaved (import, then raw inserts of the rows it stored), medians reported: a machine whose
            // load changes during the run moves both alike.
            for (int run = 0; run < runs; run++) {
                Path file = csv(work.resolve("activities-" + run + ".csv"), rowCount, run);
                if (run == 0) {
                    System.out.printf("File: %,d rows, %.1f MiB%n", rowCount, Files.size(file) / 1048576.0);
                }
                long org = organization(organizations, "Bench " + run);
                System.gc();
                long t0 = System.nanoTime();
                ActivityImport.Result result = importer.importCsv(org, file);
                imports.add(System.nanoTime() - t0);
                if (result.imported() != rowCount) {
                    throw new IllegalStateException("imported " + result.imported() + " rows of " + rowCount);
                }
                Stored rows = Stored.read(work.resolve("import.db"), settings, org);
                if (run == 0) {
                    System.out.printf("Rows stored by one import: %,d activities, %,d tags, %,d monthly shares%n",
                            rows.activities().size(), rows.tags().size(), rows.months().size());
                    rawInserts(work.resolve("raw-warm-up.db"), settings, rows); // warm-up, not counted
                }
                raws.add(rawInserts(work.resolve("raw-" + run + ".db"), settings, rows));
                System.out.printf("run %d: import %.2f s, raw inserts %.2f s%n", run + 1, imports.get(run) / 1e9, raws.get(run) / 1e9);
            }
        } finally {
            for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
                managed.stop();
            }
        }
        double importSeconds = BenchServer.measured("import", median(imports)) / 1e9;
        double rawSeconds = BenchServer.measured("raw inserts", median(raws)) / 1e9;
        String line = String.format("| %,d energy activities from one CSV file, through the import path | %.2f s, %,.0f rows per second"
                + " | %.2f × the raw batched SQLite inserts of the same rows, one transaction (%.2f s, %,.0f rows per second) |",
                rowCount, importSeconds, rowCount / importSeconds, importSeconds / rawSeconds, rawSeconds, rowCount / rawSeconds);
        System.out.println(line);
        return line;
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long organization(OrganizationService organizations, String name) {
        return organizations.create(new OrganizationRequest(name, "624410", "CA-QC", 10.0, null, null)).id();
    }

    /** config.yml as the service reads it, on a database of the benchmark's own. */
    private static EmpreinteConfiguration configuration(Path database) throws Exception {
        EmpreinteConfiguration configuration = new YamlConfigurationFactory<>(EmpreinteConfiguration.class,
                Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), "config.yml");
        configuration.getDataSourceFactory().setUrl("jdbc:sqlite:" + database);
        return configuration;
    }

    /** Row i of a file: a bill of 31 days, its type, quantity and start varying with i; {@code salt} makes files differ. */
    private record Row(String type, int quantity, String unit, LocalDate start, LocalDate end) {
        static Row of(int i, int salt) {
            int t = i % TYPES.length;
            LocalDate start = LocalDate.of(2020, 1, 1).plusDays((i + salt) % 1500);
            return new Row(TYPES[t], 100 + i % 900, UNITS[t], start, start.plusDays(30));
        }
    }

    private static Path csv(Path file, int count, int salt) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("type,quantity,unit,periodStart,periodEnd,tags\n");
            for (int i = 0; i < count; i++) {
                Row row = Row.of(i, salt);
                out.write(row.type() + "," + row.quantity() + "," + row.unit() + "," + row.start() + "," + row.end() + ",bench\n");
            }
        }
        return file;
    }

    /** The rows an import stored (activity, tag, monthly shares): the same values for the raw inserts to write again. */
    private record Stored(List<String> activityColumns, List<Object[]> activities, List<Object[]> tags, List<Object[]> months,
            List<String> resultKeyColumns, List<Object[]> resultKeys) {

        static Stored read(Path database, Properties settings, long organizationId) throws Exception {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database, settings)) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, "activity", null)) {
                    while (rs.next()) {
                        String name = rs.getString("COLUMN_NAME");
                        if (!name.equals("id")) {
                            columns.add(name);
                        }
                    }
                }
                // activity id to its position, for the tags and monthly shares
                Map<Long, Integer> position = new HashMap<>();
                List<Object[]> activities = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT id, " + String.join(", ", columns)
                        + " FROM activity WHERE organization_id = " + organizationId + " ORDER BY id")) {
                    while (rs.next()) {
                        position.put(rs.getLong(1), activities.size());
                        activities.add(values(rs, 2, columns.size()));
                    }
                }
                List<Object[]> tags = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT t.activity_id, t.tag FROM activity_tag t"
                        + " JOIN activity a ON a.id = t.activity_id WHERE a.organization_id = " + organizationId)) {
                    while (rs.next()) {
                        tags.add(new Object[] {position.get(rs.getLong(1)), rs.getString(2)});
                    }
                }
                List<Object[]> months = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT activity_id, organization_id, month, first_day,"
                        + " last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg FROM activity_month"
                        + " WHERE organization_id = " + organizationId)) {
                    while (rs.next()) {
                        Object[] month = values(rs, 1, 10);
                        month[0] = position.get(rs.getLong(1));
                        months.add(month);
                    }
                }
                // The keys an activity's results are grouped by (activity.result_key): a handful per organization, written
                // before the timed inserts, with their ids, as the organization row is.
                List<String> keyColumns = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getColumns(null, null, "activity_result_key", null)) {
                    while (rs.next()) {
                        keyColumns.add(rs.getString("COLUMN_NAME"));
                    }
                }
                List<Object[]> keys = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT " + String.join(", ", keyColumns)
                        + " FROM activity_result_key WHERE organization_id = " + organizationId)) {
                    while (rs.next()) {
                        keys.add(values(rs, 1, keyColumns.size()));
                    }
                }
                return new Stored(columns, activities, tags, months, keyColumns, keys);
            }
        }

        private static Object[] values(ResultSet rs, int from, int count) throws Exception {
            Object[] values = new Object[count];
            for (int i = 0; i < count; i++) {
                values[i] = rs.getObject(from + i);
            }
            return values;
        }
    }

    /**
     * The same rows written again with plain JDBC batches of {@value #BATCH} in one transaction, ids read back
     * as the import does, on a new database with the same settings: nanoseconds.
     */
    private static long rawInserts(Path file, Properties settings, Stored rows) throws Exception {
        int importColumn = rows.activityColumns().indexOf("import_id");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, settings)) {
            DatabaseSetup.migrate(c);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO organization (id, name, sector, region, employees, created_at, updated_at)"
                        + " VALUES (" + rows.activities().get(0)[rows.activityColumns().indexOf("organization_id")]
                        + ", 'Raw', '624410', 'CA-QC', 10, 'now', 'now')");
            }
            try (PreparedStatement key = c.prepareStatement("INSERT INTO activity_result_key (" + String.join(", ", rows.resultKeyColumns())
                    + ") VALUES (" + "?, ".repeat(rows.resultKeyColumns().size() - 1) + "?)")) {
                for (Object[] values : rows.resultKeys()) {
                    for (int i = 0; i < values.length; i++) {
                        key.setObject(i + 1, values[i]);
                    }
                    key.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement upload = c.prepareStatement("INSERT INTO activity_import (organization_id, sha256, file_name,"
                    + " row_count, imported_at) VALUES (?, 'raw', 'raw.csv', ?, 'now') RETURNING id");
                    PreparedStatement activity = c.prepareStatement("INSERT INTO activity (" + String.join(", ", rows.activityColumns())
                            + ") VALUES (" + "?, ".repeat(rows.activityColumns().size() - 1) + "?)");
                    PreparedStatement ids = c.prepareStatement("SELECT id FROM activity WHERE import_id = ? ORDER BY id");
                    PreparedStatement tag = c.prepareStatement("INSERT INTO activity_tag (activity_id, tag) VALUES (?, ?)");
                    PreparedStatement month = c.prepareStatement("INSERT INTO activity_month (activity_id, organization_id, month,"
                            + " first_day, last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                upload.setObject(1, rows.activities().get(0)[rows.activityColumns().indexOf("organization_id")]);
                upload.setInt(2, rows.activities().size());
                long importId;
                try (ResultSet keys = upload.executeQuery()) {
                    keys.next();
                    importId = keys.getLong(1);
                }
                batch(activity, rows.activities(), values -> {
                    for (int i = 0; i < values.length; i++) {
                        activity.setObject(i + 1, i == importColumn ? importId : values[i]);
                    }
                });
                long[] id = new long[rows.activities().size()];
                ids.setLong(1, importId);
                try (ResultSet result = ids.executeQuery()) {
                    for (int i = 0; result.next(); i++) {
                        id[i] = result.getLong(1);
                    }
                }
                batch(tag, rows.tags(), values -> {
                    tag.setLong(1, id[(Integer) values[0]]);
                    tag.setObject(2, values[1]);
                });
                batch(month, rows.months(), values -> {
                    month.setLong(1, id[(Integer) values[0]]);
                    for (int i = 1; i < values.length; i++) {
                        month.setObject(i + 1, values[i]);
                    }
                });
                c.commit();
                return System.nanoTime() - t0;
            }
        }
    }

    interface Binder {
        void bind(Object[] values) throws Exception;
    }

    private static void batch(PreparedStatement statement, List<Object[]> rows, Binder binder) throws Exception {
        for (int i = 0; i < rows.size(); i++) {
            binder.bind(rows.get(i));
            statement.addBatch();
            if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
                statement.executeBatch();
            }
        }
    }
}
