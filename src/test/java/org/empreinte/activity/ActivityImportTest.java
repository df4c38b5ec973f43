package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dropwizard.jackson.Jackson;

import org.empreinte.Tiers;
import org.empreinte.activity.ImportRefusedException.RowError;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.db.TestDatabase;
import org.empreinte.factor.FactorLibrary;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.OrganizationService;
import org.empreinte.organization.SiteRequest;

/**
 * The import and export below the API, on a real SQLite file with the shipped factor files:
 * what a batch stores against what {@code POST .../activities} stores, batches larger than one
 * chunk, the error cap, the duplicate check and the trace of each import.
 */
@Tiers.Database
@Tiers.Slow
class ActivityImportTest {

    private static final FactorLibrary LIBRARY = org.empreinte.factor.TestLibraries.shipped(List.of("eccc-canada", "desnz-2024"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final String HEADER = "type,quantity,unit,periodStart,periodEnd,site,tags,dataQuality,region\n";

    @TempDir
    Path folder;

    private Jdbi jdbi;
    private OrganizationService organizations;
    private ActivityService activities;
    private ActivityImport imports;
    private ActivityExport exports;
    private ActivityCsv csv;

    @BeforeEach
    void openDatabase() {
        jdbi = TestDatabase.migrated(folder.resolve("import.db"));
        ObjectMapper json = Jackson.newObjectMapper();
        organizations = org.empreinte.db.TestDatabase.organizations(jdbi, CLOCK);
        AuditTrail audit = new AuditTrail(jdbi, json, CLOCK);
        ActivityFeature feature = ActivityFeature.wire(jdbi, LIBRARY, json, CLOCK, audit, new UnitOfWork(jdbi, audit));
        activities = feature.activities();
        imports = feature.imports();
        exports = feature.exports();
        csv = feature.csv();
    }

    private long organization(String name) {
        long id = organizations.create(new OrganizationRequest(name, "624410", "CA-QC", 10.0, null, null)).id();
        organizations.createSite(id, new SiteRequest("Usine de Toronto", "CA-ON"));
        return id;
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private int count(String table) {
        return jdbi.withHandle(handle -> TestDatabase.count(handle, table));
    }

    /** Every column of the organization's activities but those that differ by nature (ids, times, the import). */
    private List<Map<String, Object>> storedActivities(long organizationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT s.name AS site_name, a.type, a.quantity, a.unit, a.period_start,"
                + " a.period_end, a.start_day, a.end_day, a.region, a.effective_region, a.data_quality, a.attributes, a.co2e_kg,"
                + " a.co2_co2e_kg, a.ch4_co2e_kg, a.n2o_co2e_kg, a.unspecified_co2e_kg, a.scope, a.category, a.factor_id,"
                + " a.factor_set, a.factor_set_version, a.factor_unit, a.factor_co2e_per_unit, a.quantity_in_factor_unit,"
                + " (SELECT COUNT(*) FROM activity_tag t WHERE t.activity_id = a.id) AS tags,"
                + " (SELECT COUNT(*) FROM activity_month m WHERE m.activity_id = a.id) AS months"
                + " FROM activity a LEFT JOIN site s ON s.id = a.site_id WHERE a.organization_id = :o ORDER BY a.id")
                .bind("o", organizationId).mapToMap().list());
    }

    private List<Map<String, Object>> storedMonths(long organizationId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT month, first_day, last_day, co2e_kg, co2_co2e_kg, ch4_co2e_kg,"
                + " n2o_co2e_kg, unspecified_co2e_kg FROM activity_month WHERE organization_id = :o ORDER BY month")
                .bind("o", organizationId).mapToMap().list());
    }

    @Test
    void storesEachRowExactlyAsPostStoresTheSameActivity() {
        long posted = organization("Saisie à la main");
        long imported = organization("Import");
        Map<String, Object> attributes = Map.of("fuel", "diesel");
        activities.create(posted, new ActivityRequest("natural_gas", 1_000.0, "m3", "2024-11-15", "2024-12-14", null, null,
                "Usine de Toronto", List.of("chauffage", "usine"), "estimated", attributes));
        activities.create(posted, new ActivityRequest("electricity", 31_000.0, "kWh", null, null, "2024-06-01", "CA-AB", null,
                null, null, null));

        ActivityImport.Result result = imports.importCsv(imported, "bills.csv", csv(HEADER.replace("\n", ",fuel\n")
                + "natural_gas,1000,m3,2024-11-15,2024-12-14,Usine de Toronto,chauffage;usine,estimated,,diesel\n"
                + "electricity,31000,kWh,2024-06-01,2024-06-01,,,,CA-AB,\n"));

        assertThat(result.imported()).isEqualTo(2);
        assertThat(storedActivities(imported)).isEqualTo(storedActivities(posted)).hasSize(2);
        assertThat(storedMonths(imported)).isEqualTo(storedMonths(posted)).hasSize(3);
        // desnz-2024-natural-gas-m3 (no Canadian factor for Ontario): 2.0414 + 0.00307 + 0.00095 kg CO2e per m3
        assertThat((double) storedActivities(imported).get(0).get("co2e_kg")).isCloseTo(1_000 * (2.0414 + 0.00307 + 0.00095),
                within(1e-9));
        // eccc-electricity-generation-ca-ab-2020 (the newest data year for a 2024 bill): 0.590 kg CO2e per kWh generated
        // (NIR 2022, Table A13-10), scope 2; its losses line 0.640 - 0.590 = 0.050 kg per kWh, as posting stores it.
        assertThat((double) storedActivities(imported).get(1).get("co2e_kg")).isCloseTo(31_000 * 0.590, within(1e-9));
        jdbi.useHandle(handle -> {
            String lines = "SELECT l.line, l.co2e_kg, l.factor_id FROM activity_line l JOIN activity a ON a.id = l.activity_id"
                    + " WHERE a.organization_id = :o ORDER BY a.type, l.line";
            List<Map<String, Object>> importedLines = handle.createQuery(lines).bind("o", imported).mapToMap().list();
            assertThat(importedLines).isEqualTo(handle.createQuery(lines).bind("o", posted).mapToMap().list()).hasSize(2);
            assertThat((double) importedLines.get(0).get("co2e_kg")).isCloseTo(31_000 * 0.050, within(1e-9));
            // The Ontario site's gas takes DESNZ's upstream, WTT- fuels, Natural gas, cubic metres: 0.3366 kg per m3.
            assertThat((double) importedLines.get(1).get("co2e_kg")).isCloseTo(1_000 * 0.3366, within(1e-9));
        });
    }

    @Test
    void recordsTheImportOfEachActivityAndRefusesTheSameBytesTwiceInOneOrganizationOnly() {
        long org = organization("Coop");
        long other = organization("Autre");
        byte[] file = csv(HEADER + "electricity,1000,kWh,2024-01-01,2024-01-31,,,,\n");

        ActivityImport.Result first = imports.importCsv(org, "janvier.csv", file);

        jdbi.useHandle(handle -> {
            Map<String, Object> record = handle.createQuery("SELECT * FROM activity_import WHERE id = :id")
                    .bind("id", first.importId()).mapToMap().one();
            assertThat(((Number) record.get("organization_id")).longValue()).isEqualTo(org);
            assertThat(record).containsEntry("file_name", "janvier.csv")
                    .containsEntry("row_count", 1).containsEntry("imported_at", "2026-01-02T03:04:05Z")
                    .containsEntry("sha256", first.sha256());
            assertThat(handle.createQuery("SELECT import_id FROM activity WHERE organization_id = :o").bind("o", org)
                    .mapTo(Long.class).list()).containsExactly(first.importId());
        });
        // sha256sum of the same bytes, computed independently
        assertThat(first.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(sha256(file)));

        assertThatThrownBy(() -> imports.importCsv(org, "encore.csv", file))
                .isInstanceOfSatisfying(DuplicateImportException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("already imported", "2026-01-02T03:04:05Z", "import " + first.importId());
                });
        assertThat(count("activity")).isEqualTo(1);

        imports.importCsv(other, "janvier.csv", file);
        assertThat(count("activity")).isEqualTo(2);
        assertThat(count("activity_import")).isEqualTo(2);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void storesMoreRowsThanOneBatchEachWithItsOwnTagsAndMonthlyShares() {
        long org = organization("Grand fichier");
        StringBuilder file = new StringBuilder(HEADER);
        int rows = 2_345; // more than two batches of 1,000
        for (int i = 1; i <= rows; i++) {
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(i % 300);
            file.append("electricity,").append(i).append(",kWh,").append(start).append(',').append(start.plusDays(30))
                    .append(",,row-").append(i).append(";lot-").append(i % 7).append(",,\n");
        }

        imports.importCsv(org, null, csv(file.toString()));

        assertThat(count("activity")).isEqualTo(rows);
        assertThat(count("activity_tag")).isEqualTo(2 * rows);
        jdbi.useHandle(handle -> {
            // each activity got the tags of its own row: its quantity is the row's i
            assertThat(handle.createQuery("SELECT COUNT(*) FROM activity a JOIN activity_tag t ON t.activity_id = a.id"
                    + " WHERE t.tag = 'row-' || CAST(CAST(a.quantity AS INTEGER) AS VARCHAR(10))").mapTo(Integer.class).one())
                    .isEqualTo(rows);
            // and its own monthly shares: they add up to its result (31 days starting on any day: 1 or 2 months)
            assertThat(handle.createQuery("SELECT COUNT(*) FROM activity a WHERE ABS(a.co2e_kg"
                    + " - (SELECT SUM(m.co2e_kg) FROM activity_month m WHERE m.activity_id = a.id)) > 1e-9")
                    .mapTo(Integer.class).one()).isZero();
            // eccc-electricity-generation-ca-qc-2020: 0.0015 kg CO2e per kWh generated, and 1 + 2 + ... + 2,345 kWh in
            // all; the losses lines 0.0019 - 0.0015 = 0.0004 kg per kWh (NIR 2022, Table A13-6, 2020)
            assertThat(handle.createQuery("SELECT SUM(co2e_kg) FROM activity_month").mapTo(Double.class).one())
                    .isCloseTo(0.0015 * rows * (rows + 1) / 2, within(1e-6));
            assertThat(handle.createQuery("SELECT SUM(co2e_kg) FROM activity_line_month").mapTo(Double.class).one())
                    .isCloseTo(0.0004 * rows * (rows + 1) / 2, within(1e-6));
            assertThat(handle.createQuery("SELECT COUNT(DISTINCT activity_id) FROM activity_line").mapTo(Integer.class).one())
                    .isEqualTo(rows);
        });
    }

    @Test
    void listsAtMostAHundredErrorsAndSaysTheListWasCut() {
        long org = organization("Erreurs");
        StringBuilder hundred = new StringBuilder(HEADER);
        for (int i = 0; i < 100; i++) {
            hundred.append("electricity,1,km,2024-01-01,2024-01-01,,,,\n");
        }
        hundred.append("electricity,1,kWh,2024-01-01,2024-01-01,,,,\n");

        assertThatThrownBy(() -> imports.importCsv(org, null, csv(hundred.toString())))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                    assertThat(e.errors()).hasSize(100);
                    assertThat(e.truncated()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("100 errors in the file; nothing was imported");
                });

        String more = hundred + "electricity,1,km,2024-01-01,2024-01-01,,,,\n"; // the 101st error, row 103
        assertThatThrownBy(() -> imports.importCsv(org, null, csv(more)))
                .isInstanceOfSatisfying(ImportRefusedException.class, e -> {
                    assertThat(e.errors()).hasSize(ActivityImport.MAX_ERRORS);
                    assertThat(e.errors()).extracting(RowError::row).startsWith(2, 3).endsWith(101);
                    assertThat(e.truncated()).isTrue();
                    assertThat(e.getMessage()).startsWith("more than 100 errors; the list stops at the first 100");
                });
        assertThat(count("activity")).isZero();
        assertThat(count("activity_import")).isZero();
    }

    @Test
    void pointsEachRefusalOfTheActivityServiceAtItsColumn() {
        ActivityRequest flight = new ActivityRequest("flight", null, null, null, null, "2024-01-01", null, null, null, null,
                new java.util.LinkedHashMap<>(Map.of("cabin", "luxe")));
        assertThat(ActivityImport.column(csv, "periodEnd", flight)).isEqualTo("periodEnd");
        assertThat(ActivityImport.column(csv, "attributes.cabin", flight)).isEqualTo("cabin");
        assertThat(ActivityImport.column(csv, "attributes", flight)).isEqualTo("cabin");
        assertThat(ActivityImport.column(csv, null, flight)).isNull();
    }

    @Test
    void exportsTheFiltersOfTheListInTheImportLayout() {
        long org = organization("Export");
        activities.create(org, new ActivityRequest("propane", 250.5, "L", "2024-03-01", "2024-03-31", null, null, null,
                List.of("chauffage", "cuisine"), null, Map.of("passengers", 2, "cabin", "economy", "equipment", "poêle")));
        activities.create(org, new ActivityRequest("electricity", 1000.0, "kWh", "2024-01-01", "2024-01-31", null, "CA-ON",
                "Usine de Toronto", null, "estimated", null));
        activities.create(org, new ActivityRequest("electricity", 2000.0, "kWh", "2025-01-01", "2025-01-31", null, null, null,
                List.of("chauffage"), null, null));

        assertThat(export(org, null, null, null, null)).isEqualTo(String.join(",", csv.columns()) + "\n"
                + "electricity,1000,kWh,2024-01-01,2024-01-31,,CA-ON,Usine de Toronto,,estimated,,,,,,,,,,,,,,,,,,\n"
                // attributes outside the layout (equipment) are not exported
                + "propane,250.5,L,2024-03-01,2024-03-31,,,,chauffage;cuisine,measured,,,economy,,2,,,,,,,,,,,,,\n"
                + "electricity,2000,kWh,2025-01-01,2025-01-31,,,,chauffage,measured,,,,,,,,,,,,,,,,,,\n");
        assertThat(export(org, "2024-02-01", "2024-12-31", null, null).lines()).hasSize(2).last().asString().startsWith("propane");
        assertThat(export(org, null, null, "electricity", "chauffage").lines()).hasSize(2).last().asString().startsWith("electricity,2000");
        assertThatThrownBy(() -> exports.query(org, "2024-13-01", null, null, null))
                .isInstanceOfSatisfying(org.empreinte.web.ValidationException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> exports.query(999, null, null, null, null)).hasMessage("organization 999 not found");
    }

    private String export(long org, String from, String to, String type, String tag) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.write(exports.query(org, from, to, type, tag), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAFileFromDiskWithTheSameChecks() throws Exception {
        long org = organization("Disque");
        Path file = folder.resolve("factures.csv");
        Files.writeString(file, HEADER + "heating_oil,2000,L,2024-02-10,2024-02-10,,,,\n");

        ActivityImport.Result result = imports.importCsv(org, file);

        assertThat(result.imported()).isOne();
        // eccc-light-fuel-oil-ca: 2.753 kg CO2 per L
        assertThat(storedActivities(org).get(0).get("co2e_kg")).isEqualTo(2_000 * 2.753);
        assertThatThrownBy(() -> imports.importCsv(org, file)).isInstanceOf(DuplicateImportException.class);
        // Not UTF-8: read as Windows-1252 (Excel's "CSV" on a French Windows), so the row is judged by the rules
        Files.write(file, "type\nélectricité\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> imports.importCsv(org, file)).isInstanceOfSatisfying(ImportRefusedException.class,
                e -> assertThat(e.errors()).extracting(RowError::row, RowError::column).containsExactly(
                        tuple(2, "quantity")));
        Files.write(file, new byte[] {'t', 'y', 'p', 'e', '\n', 0, 1, 2, (byte) 0x81, '\n'});
        assertThatThrownBy(() -> imports.importCsv(org, file)).isInstanceOfSatisfying(MalformedCsvException.class,
                e -> assertThat(e.messageKey()).isEqualTo("error_csv_not_text"));
    }
}
