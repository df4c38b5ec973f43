package org.empreinte.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.empreinte.Tiers;

/**
 * Change set 3 (CSV imports) on a database that already holds activities: nothing of them is
 * lost, in particular their tags and monthly shares, which cascade from the activity table.
 */
@Tiers.Database
// SQLite only: it builds an older schema in a SQLite file by hand and checks the SQLite path of the change
// sets (a table rebuilt by Liquibase there would cascade deletes); PostgreSQL databases start from the current schema.
@Tiers.SqliteOnly
class ImportMigrationTest {

    @TempDir
    Path folder;

    @Test
    @SuppressWarnings("deprecation")
    void addsImportsWithoutLosingTheTagsAndMonthlySharesOfExistingActivities() throws Exception {
        Path file = folder.resolve("old.db");
        Properties settings = new Properties();
        settings.setProperty("foreign_keys", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, settings)) {
            // The schema as it was before imports: change sets 1 and 2 only.
            liquibase.database.Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(DatabaseSetup.CHANGELOG, new ClassLoaderResourceAccessor(), database).update(2, "");
        }
        Jdbi before = Jdbi.create("jdbc:sqlite:" + file, settings);
        before.useHandle(handle -> {
            handle.execute("INSERT INTO organization (name, sector, region, employees, created_at, updated_at)"
                    + " VALUES ('Coop', '624410', 'CA-QC', 5, 'now', 'now')");
            handle.execute("INSERT INTO activity (organization_id, type, quantity, unit, period_start, period_end, start_day,"
                    + " end_day, effective_region, data_quality, co2e_kg, co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg,"
                    + " unspecified_co2e_kg, scope, category, factor_id, factor_set, factor_set_version, factor_unit,"
                    + " factor_co2e_per_unit, quantity_in_factor_unit, created_at, updated_at) VALUES (1, 'electricity', 1000,"
                    + " 'kWh', '2024-01-01', '2024-01-31', 19723, 19753, 'CA-QC', 'measured', 1.7, 0, 0, 0, 1.7, 2,"
                    + " 'purchased_electricity', 'f', 'eccc-canada', '1', 'kWh', 0.0017, 1000, 'now', 'now')");
            handle.execute("INSERT INTO activity_tag (activity_id, tag) VALUES (1, 'siège')");
            handle.execute("INSERT INTO activity_month (activity_id, organization_id, month, first_day, last_day, co2e_kg,"
                    + " co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg) VALUES (1, 1, '2024-01', 19723, 19753,"
                    + " 1.7, 0, 0, 0, 1.7)");
        });

        Jdbi after = TestDatabase.migrated(file);

        after.useHandle(handle -> {
            assertThat(TestDatabase.count(handle, "activity")).isEqualTo(1);
            assertThat(TestDatabase.count(handle, "activity_tag")).as("tags kept").isEqualTo(1);
            assertThat(TestDatabase.count(handle, "activity_month")).as("monthly shares kept").isEqualTo(1);
            assertThat(handle.createQuery("SELECT import_id FROM activity").mapTo(Long.class).one()).isNull();
            // 1, 2, the flight options (the SQLite variant) and the imports, then the change sets added since.
            assertThat(handle.createQuery("SELECT id FROM DATABASECHANGELOG ORDER BY orderexecuted").mapTo(String.class).list())
                    .startsWith("1-organizations", "2-activities", "3-flight-options-sqlite", "3-activity-imports")
                    .contains("4-targets", "6-activity-result-keys");
            // Change set 6 gave the existing activity its result key: its own scope, factor and no site (0).
            assertThat(handle.createQuery("SELECT k.scope || '/' || k.factor_id || '/' || k.site_id FROM activity a"
                    + " JOIN activity_result_key k ON k.id = a.result_key").mapTo(String.class).one()).isEqualTo("2/f/0");
            // Change set 16 filled the running totals from the stored share: 2024-01, 1.7 kg, 1,000 kWh x 31/31 days, one
            // activity, which starts in that month; and the same under its tag.
            for (String table : List.of("activity_total", "activity_tag_total")) {
                Map<String, Object> total = handle.createQuery("SELECT month, co2e_kg, unspecified_co2e_kg, quantity, activities,"
                        + " starting FROM " + table).mapToMap().one();
                assertThat(total.get("month")).as(table).isEqualTo("2024-01");
                assertThat(((Number) total.get("co2e_kg")).doubleValue()).as(table).isEqualTo(1.7);
                assertThat(((Number) total.get("unspecified_co2e_kg")).doubleValue()).as(table).isEqualTo(1.7);
                assertThat(((Number) total.get("quantity")).doubleValue()).as(table).isEqualTo(1000.0);
                assertThat(((Number) total.get("activities")).longValue()).as(table).isOne();
                assertThat(((Number) total.get("starting")).longValue()).as(table).isOne();
            }
            assertThat(handle.createQuery("SELECT tag FROM activity_tag_total").mapTo(String.class).one()).isEqualTo("siège");
        });
    }

    @Test
    void refusesTheSameFileTwiceInOneOrganizationAndAnImportThatDoesNotExist() {
        Jdbi jdbi = TestDatabase.migrated(folder.resolve("new.db"));
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO organization (name, sector, region, employees, created_at, updated_at)"
                    + " VALUES ('A', '624410', 'CA-QC', 5, 'now', 'now'), ('B', '624410', 'CA-QC', 5, 'now', 'now')");
            insertImport(handle, 1, "ab12");
            insertImport(handle, 2, "ab12"); // the same file in another organization is another import

            assertThatThrownBy(() -> insertImport(handle, 1, "ab12")).hasMessageContaining("UNIQUE");
            assertThatThrownBy(() -> handle.execute("INSERT INTO activity (organization_id, type, quantity, unit, period_start,"
                    + " period_end, start_day, end_day, effective_region, data_quality, co2e_kg, co2_co2e_kg, ch4_co2e_kg,"
                    + " n2o_co2e_kg, unspecified_co2e_kg, scope, category, factor_id, factor_set, factor_set_version,"
                    + " factor_unit, factor_co2e_per_unit, quantity_in_factor_unit, created_at, updated_at, import_id)"
                    + " VALUES (1, 'electricity', 1, 'kWh', '2024-01-01', '2024-01-01', 19723, 19723, 'CA-QC', 'measured',"
                    + " 0, 0, 0, 0, 0, 2, 'c', 'f', 's', '1', 'kWh', 0, 1, 'now', 'now', 99)"))
                    .hasMessageContaining("FOREIGN KEY");
            assertThat(TestDatabase.count(handle, "activity_import")).isEqualTo(2);
        });
    }

    private static void insertImport(Handle handle, long organizationId, String sha256) {
        handle.createUpdate("INSERT INTO activity_import (organization_id, sha256, row_count, imported_at)"
                + " VALUES (:organizationId, :sha256, 1, 'now')")
                .bind("organizationId", organizationId).bind("sha256", sha256).execute();
    }
}
