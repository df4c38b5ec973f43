package org.empreinte.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.empreinte.activity.StoredActivityBuilder.activity;
import static org.empreinte.db.TestDatabase.count;
import static org.empreinte.db.TestDatabase.inSavepoint;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.empreinte.Tiers;
import org.empreinte.db.TestDatabase;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.SiteRequest;

/** ActivityDao on a real SQLite file; every test runs in a transaction that is rolled back. */
@DisplayName("ActivityDao")
@Tiers.Database
class ActivityDaoTest {

    private static final String CREATED = "2024-03-01T10:00:00Z";
    private static final String LATER = "2024-03-02T11:30:00Z";

    @TempDir
    static Path folder;

    private static Jdbi jdbi;

    private Handle handle;
    private ActivityDao dao;
    private long organization;
    private long otherOrganization;
    private long site;

    @BeforeAll
    static void createDatabase() {
        jdbi = TestDatabase.migrated(folder.resolve("activity-dao.db"));
    }

    @BeforeEach
    void beginTransaction() {
        handle = jdbi.open();
        handle.begin();
        dao = handle.attach(ActivityDao.class);
        OrganizationDao organizations = handle.attach(OrganizationDao.class);
        organization = organizations.insert(new OrganizationRequest("Coop du Vieux-Port", "624", "CA-QC", 12.0, null, null), CREATED);
        otherOrganization = organizations.insert(new OrganizationRequest("Friperie", "453", "CA-QC", 4.0, null, null), CREATED);
        site = organizations.insertSite(organization, new SiteRequest("Usine de Toronto", "CA-ON"));
    }

    @AfterEach
    void rollBack() {
        handle.rollback();
        handle.close();
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    private static MonthShareRow month(long activityId, long organizationId, String month, String first, String last, double co2eKg) {
        return new MonthShareRow(activityId, organizationId, month, day(first), day(last), co2eKg, 0, 0, 0, co2eKg);
    }

    @Nested
    class Insert {

        @Test
        void shouldReturnTheNewIdFromReturning() {
            long first = dao.insert(activity(organization).build(), CREATED);
            long second = dao.insert(activity(organization).build(), CREATED);

            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
            assertThat(count(handle, "activity")).isEqualTo(2);
        }

        @Test
        void shouldStoreTheInputTheResultAndTheEpochDays() {
            ActivityRow gas = activity(organization).site(site)
                    .type("natural_gas", 1, "stationary_combustion")
                    .quantity(1000, "m3")
                    .period("2024-11-01", "2024-11-30")
                    .region("CA-ON")
                    .dataQuality("estimated")
                    .attributes("{\"meter\":\"A-12\"}")
                    .gases(2041.4, 3.07, 0.95, 0)
                    .factor("desnz-2024-natural-gas-m3", "desnz-2024", "1", "m3", 2.04542)
                    .build();

            long id = dao.insert(gas, CREATED);

            Map<String, Object> raw = handle.createQuery("SELECT region, start_day, end_day FROM activity WHERE id = :id")
                    .bind("id", id).mapToMap().one();
            assertThat(raw).containsEntry("region", "CA-ON")
                    .containsEntry("start_day", (int) LocalDate.of(2024, 11, 1).toEpochDay())
                    .containsEntry("end_day", (int) LocalDate.of(2024, 11, 30).toEpochDay());
            ActivityRow row = dao.find(organization, id).orElseThrow();
            assertThat(row.type()).isEqualTo("natural_gas");
            assertThat(row.quantity()).isEqualTo(1000);
            assertThat(row.unit()).isEqualTo("m3");
            assertThat(row.periodStart()).isEqualTo("2024-11-01");
            assertThat(row.periodEnd()).isEqualTo("2024-11-30");
            assertThat(row.effectiveRegion()).isEqualTo("CA-ON");
            assertThat(row.dataQuality()).isEqualTo("estimated");
            assertThat(row.attributes()).isEqualTo("{\"meter\":\"A-12\"}");
            assertThat(row.co2eKg()).isEqualTo(2041.4 + 3.07 + 0.95);
            assertThat(row.co2Co2eKg()).isEqualTo(2041.4);
            assertThat(row.ch4Co2eKg()).isEqualTo(3.07);
            assertThat(row.n2oCo2eKg()).isEqualTo(0.95);
            assertThat(row.unspecifiedCo2eKg()).isZero();
            assertThat(row.scope()).isEqualTo(1);
            assertThat(row.category()).isEqualTo("stationary_combustion");
            assertThat(row.factorId()).isEqualTo("desnz-2024-natural-gas-m3");
            assertThat(row.factorSet()).isEqualTo("desnz-2024");
            assertThat(row.factorSetVersion()).isEqualTo("1");
            assertThat(row.factorUnit()).isEqualTo("m3");
            assertThat(row.factorCo2ePerUnit()).isEqualTo(2.04542);
            assertThat(row.quantityInFactorUnit()).isEqualTo(1000);
            assertThat(row.createdAt()).isEqualTo(CREATED);
            assertThat(row.updatedAt()).isEqualTo(CREATED);
        }

        @Test
        void shouldRefuseAnUnknownOrganization() {
            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insert(activity(organization + 1000).build(), CREATED)))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .message().containsIgnoringCase("foreign key");
            assertThat(count(handle, "activity")).isZero();
        }

        @Test
        void shouldRefuseAnUnknownSite() {
            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insert(activity(organization).site(site + 1000).build(), CREATED)))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .message().containsIgnoringCase("foreign key");
        }
    }

    @Nested
    class Find {

        @Test
        void shouldJoinTheSiteName() {
            long id = dao.insert(activity(organization).site(site).build(), CREATED);

            ActivityRow row = dao.find(organization, id).orElseThrow();

            assertThat(row.siteId()).isEqualTo(site);
            assertThat(row.siteName()).isEqualTo("Usine de Toronto");
        }

        @Test
        void shouldLeaveSiteFieldsNullWithoutASite() {
            long id = dao.insert(activity(organization).build(), CREATED);

            ActivityRow row = dao.find(organization, id).orElseThrow();

            assertThat(row.siteId()).isNull();
            assertThat(row.siteName()).isNull();
            assertThat(row.attributes()).isNull();
        }

        @Test
        void shouldNotFindAnotherOrganizationsActivity() {
            long id = dao.insert(activity(otherOrganization).build(), CREATED);

            assertThat(dao.find(organization, id)).isEmpty();
            assertThat(dao.find(otherOrganization, id)).isPresent();
        }

        @Test
        void shouldReturnEmptyForAnUnknownId() {
            long id = dao.insert(activity(organization).build(), CREATED);

            assertThat(dao.find(organization, id + 1000)).isEmpty();
        }
    }

    @Nested
    class Update {

        @Test
        void shouldReplaceTheRowAndTheUpdateTimeOnly() {
            long id = dao.insert(activity(organization).build(), CREATED);
            ActivityRow changed = activity(organization).site(site).type("diesel", 1, "stationary_combustion")
                    .quantity(500, "L").period("2024-06-15", "2024-06-15").gases(1340.5, 1.092, 2.915, 0)
                    .factor("eccc-diesel-stationary-ca", "eccc-canada", "1", "L", 2.689014).build();

            assertThat(dao.update(id, changed, LATER)).isOne();

            ActivityRow row = dao.find(organization, id).orElseThrow();
            assertThat(row.type()).isEqualTo("diesel");
            assertThat(row.siteName()).isEqualTo("Usine de Toronto");
            assertThat(row.periodStart()).isEqualTo("2024-06-15");
            assertThat(row.co2eKg()).isEqualTo(1340.5 + 1.092 + 2.915);
            assertThat(row.factorId()).isEqualTo("eccc-diesel-stationary-ca");
            assertThat(row.createdAt()).isEqualTo(CREATED);
            assertThat(row.updatedAt()).isEqualTo(LATER);
            assertThat(handle.createQuery("SELECT start_day FROM activity WHERE id = :id").bind("id", id)
                    .mapTo(Long.class).one()).isEqualTo(day("2024-06-15"));
        }

        @Test
        void shouldNotTouchAnotherOrganizationsActivity() {
            long id = dao.insert(activity(otherOrganization).build(), CREATED);

            assertThat(dao.update(id, activity(organization).quantity(1, "kWh").build(), LATER)).isZero();

            ActivityRow row = dao.find(otherOrganization, id).orElseThrow();
            assertThat(row.organizationId()).isEqualTo(otherOrganization);
            assertThat(row.quantity()).isEqualTo(1000);
            assertThat(row.updatedAt()).isEqualTo(CREATED);
        }

        @Test
        void shouldReportZeroRowsForAnUnknownId() {
            long id = dao.insert(activity(organization).build(), CREATED);

            assertThat(dao.update(id + 1000, activity(organization).build(), LATER)).isZero();
        }
    }

    @Nested
    class Delete {

        @Test
        void shouldDeleteTheActivityWithItsTagsAndMonths() {
            long id = dao.insert(activity(organization).period("2024-01-15", "2024-02-14").build(), CREATED);
            dao.insertTags(id, List.of("bureau", "chauffage"));
            dao.insertMonths(List.of(month(id, organization, "2024-01", "2024-01-15", "2024-01-31", 0.9),
                    month(id, organization, "2024-02", "2024-02-01", "2024-02-14", 0.8)));
            long kept = dao.insert(activity(organization).build(), CREATED);
            dao.insertTags(kept, List.of("bureau"));
            dao.insertMonths(List.of(month(kept, organization, "2024-01", "2024-01-01", "2024-01-31", 1.7)));

            assertThat(dao.delete(organization, id)).isOne();

            assertThat(dao.find(organization, id)).isEmpty();
            assertThat(count(handle, "activity_tag", "activity_id", id)).isZero();
            assertThat(count(handle, "activity_month", "activity_id", id)).isZero();
            assertThat(count(handle, "activity_tag", "activity_id", kept)).isOne();
            assertThat(count(handle, "activity_month", "activity_id", kept)).isOne();
        }

        @Test
        void shouldNotDeleteAnotherOrganizationsActivity() {
            long id = dao.insert(activity(otherOrganization).build(), CREATED);

            assertThat(dao.delete(organization, id)).isZero();
            assertThat(dao.find(otherOrganization, id)).isPresent();
        }

        @Test
        void shouldReportZeroRowsForAnUnknownId() {
            long id = dao.insert(activity(organization).build(), CREATED);

            assertThat(dao.delete(organization, id + 1000)).isZero();
            assertThat(count(handle, "activity")).isOne();
        }
    }

    @Nested
    class ListActivities {

        private long january;
        private long february;
        private long march15;
        private long winterBill;
        private long otherOrganizations;

        @BeforeEach
        void insertActivities() {
            january = dao.insert(activity(organization).period("2024-01-01", "2024-01-31").build(), CREATED);
            february = dao.insert(activity(organization).type("natural_gas", 1, "stationary_combustion")
                    .quantity(300, "m3").period("2024-02-01", "2024-02-29").build(), CREATED);
            march15 = dao.insert(activity(organization).type("diesel", 1, "stationary_combustion")
                    .quantity(50, "L").period("2024-03-15", "2024-03-15").build(), CREATED);
            winterBill = dao.insert(activity(organization).period("2023-12-15", "2024-01-14").build(), CREATED);
            otherOrganizations = dao.insert(activity(otherOrganization).period("2024-01-01", "2024-01-31").build(), CREATED);
            dao.insertTags(january, List.of("bureau"));
            dao.insertTags(february, List.of("bureau", "chauffage"));
            dao.insertTags(otherOrganizations, List.of("bureau"));
        }

        @Test
        void shouldListTheOrganizationsActivitiesByPeriodStartWithoutFilters() {
            assertThat(dao.list(organization, null, null, null, null)).extracting(ActivityRow::id)
                    .containsExactly(winterBill, january, february, march15);
        }

        @Test
        void shouldOrderActivitiesStartingTheSameDayById() {
            long sameDay = dao.insert(activity(organization).period("2024-01-01", "2024-01-10").build(), CREATED);

            assertThat(dao.list(organization, null, null, "electricity", null)).extracting(ActivityRow::id)
                    .containsExactly(winterBill, january, sameDay);
        }

        @Test
        void shouldKeepActivitiesEndingOnOrAfterFrom() {
            // January ends on the 31st: an activity ending exactly on "from" overlaps it.
            assertThat(dao.list(organization, day("2024-01-31"), null, null, null)).extracting(ActivityRow::id)
                    .containsExactly(january, february, march15);
            assertThat(dao.list(organization, day("2024-02-01"), null, null, null)).extracting(ActivityRow::id)
                    .containsExactly(february, march15);
        }

        @Test
        void shouldKeepActivitiesStartingOnOrBeforeTo() {
            assertThat(dao.list(organization, null, day("2024-01-01"), null, null)).extracting(ActivityRow::id)
                    .containsExactly(winterBill, january);
            assertThat(dao.list(organization, null, day("2023-12-14"), null, null)).isEmpty();
        }

        @Test
        void shouldKeepActivitiesOverlappingFromTo() {
            assertThat(dao.list(organization, day("2024-02-01"), day("2024-03-14"), null, null)).extracting(ActivityRow::id)
                    .containsExactly(february);
            assertThat(dao.list(organization, day("2024-03-15"), day("2024-03-15"), null, null)).extracting(ActivityRow::id)
                    .containsExactly(march15);
            assertThat(dao.list(organization, day("2024-01-10"), day("2024-01-20"), null, null)).extracting(ActivityRow::id)
                    .containsExactly(winterBill, january);
        }

        @Test
        void shouldFilterByType() {
            assertThat(dao.list(organization, null, null, "electricity", null)).extracting(ActivityRow::id)
                    .containsExactly(winterBill, january);
            assertThat(dao.list(organization, null, null, "gasoline", null)).isEmpty();
        }

        @Test
        void shouldFilterByTag() {
            assertThat(dao.list(organization, null, null, null, "bureau")).extracting(ActivityRow::id)
                    .containsExactly(january, february);
            assertThat(dao.list(organization, null, null, null, "chauffage")).extracting(ActivityRow::id)
                    .containsExactly(february);
            assertThat(dao.list(organization, null, null, null, "Bureau")).isEmpty();
        }

        @Test
        void shouldCombineEveryFilter() {
            assertThat(dao.list(organization, day("2024-01-15"), day("2024-12-31"), "electricity", "bureau"))
                    .extracting(ActivityRow::id).containsExactly(january);
            assertThat(dao.list(organization, day("2024-02-01"), day("2024-12-31"), "electricity", "bureau")).isEmpty();
        }

        @Test
        void shouldNeverListAnotherOrganizationsActivities() {
            assertThat(dao.list(otherOrganization, null, null, null, "bureau")).extracting(ActivityRow::id)
                    .containsExactly(otherOrganizations);
        }
    }

    @Nested
    class InsertTags {

        @Test
        void shouldStoreEveryTag() {
            long id = dao.insert(activity(organization).build(), CREATED);

            dao.insertTags(id, List.of("chauffage", "bureau"));

            assertThat(count(handle, "activity_tag", "activity_id", id)).isEqualTo(2);
        }

        @Test
        void shouldRefuseTheSameTagTwiceOnOneActivity() {
            long id = dao.insert(activity(organization).build(), CREATED);
            dao.insertTags(id, List.of("bureau"));

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insertTags(id, List.of("bureau"))))
                    .message().containsIgnoringCase("unique");
        }

        @Test
        void shouldRefuseATagOfAnUnknownActivity() {
            long id = dao.insert(activity(organization).build(), CREATED);

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insertTags(id + 1000, List.of("bureau"))))
                    .message().containsIgnoringCase("foreign key");
        }
    }

    @Nested
    class Tags {

        @Test
        void shouldReturnTheTagsOfTheGivenActivitiesOrderedByTag() {
            long first = dao.insert(activity(organization).build(), CREATED);
            long second = dao.insert(activity(organization).build(), CREATED);
            long third = dao.insert(activity(organization).build(), CREATED);
            dao.insertTags(first, List.of("chauffage", "bureau"));
            dao.insertTags(second, List.of("atelier"));
            dao.insertTags(third, List.of("ignoré"));

            assertThat(dao.tags(List.of(first, second))).containsExactly(
                    new ActivityDao.TagRow(second, "atelier"),
                    new ActivityDao.TagRow(first, "bureau"),
                    new ActivityDao.TagRow(first, "chauffage"));
        }
    }

    @Nested
    class TagsOf {

        @Test
        void shouldGroupTagsByActivityAndLeaveOutActivitiesWithoutTags() {
            long first = dao.insert(activity(organization).build(), CREATED);
            long second = dao.insert(activity(organization).build(), CREATED);
            long untagged = dao.insert(activity(organization).build(), CREATED);
            dao.insertTags(first, List.of("chauffage", "bureau"));
            dao.insertTags(second, List.of("atelier"));

            assertThat(dao.tagsOf(List.of(first, second, untagged))).containsOnly(
                    Map.entry(first, List.of("bureau", "chauffage")),
                    Map.entry(second, List.of("atelier")));
        }

        @Test
        void shouldAnswerAnEmptyMapForNoIds() {
            assertThat(dao.tagsOf(List.of())).isEmpty();
        }
    }

    @Nested
    class DeleteTags {

        @Test
        void shouldDeleteOnlyThatActivitysTags() {
            long first = dao.insert(activity(organization).build(), CREATED);
            long second = dao.insert(activity(organization).build(), CREATED);
            dao.insertTags(first, List.of("chauffage", "bureau"));
            dao.insertTags(second, List.of("bureau"));

            dao.deleteTags(first);

            assertThat(dao.tagsOf(List.of(first, second))).containsOnly(Map.entry(second, List.of("bureau")));
        }
    }

    @Nested
    class InsertMonths {

        @Test
        void shouldStoreEveryShareWithItsDaysAndGases() {
            long id = dao.insert(activity(organization).period("2024-12-15", "2025-01-14").build(), CREATED);

            dao.insertMonths(List.of(
                    new MonthShareRow(id, organization, "2024-12", day("2024-12-15"), day("2024-12-31"), 28.9, 1, 2, 3, 22.9),
                    new MonthShareRow(id, organization, "2025-01", day("2025-01-01"), day("2025-01-14"), 23.8, 0, 0, 0, 23.8)));

            List<Map<String, Object>> rows = handle.createQuery("SELECT organization_id, month, first_day, last_day, co2e_kg,"
                    + " co2_co2e_kg, ch4_co2e_kg, n2o_co2e_kg, unspecified_co2e_kg FROM activity_month WHERE activity_id = :id"
                    + " ORDER BY month").bind("id", id).mapToMap().list();
            assertThat(rows).hasSize(2);
            // A BIGINT reads as an Integer from SQLite when it is small, as a Long from PostgreSQL.
            assertThat(((Number) rows.get(0).get("organization_id")).longValue()).isEqualTo(organization);
            assertThat(rows.get(0)).containsEntry("month", "2024-12")
                    .containsEntry("first_day", (int) day("2024-12-15")).containsEntry("last_day", (int) day("2024-12-31"))
                    .containsEntry("co2e_kg", 28.9).containsEntry("co2_co2e_kg", 1.0).containsEntry("ch4_co2e_kg", 2.0)
                    .containsEntry("n2o_co2e_kg", 3.0).containsEntry("unspecified_co2e_kg", 22.9);
            assertThat(rows.get(1)).containsEntry("month", "2025-01").containsEntry("co2e_kg", 23.8);
        }

        @Test
        void shouldRefuseTwoSharesOfOneMonthForOneActivity() {
            long id = dao.insert(activity(organization).build(), CREATED);

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insertMonths(List.of(
                    month(id, organization, "2024-01", "2024-01-01", "2024-01-15", 1),
                    month(id, organization, "2024-01", "2024-01-16", "2024-01-31", 1)))))
                    .message().containsIgnoringCase("unique");
        }
    }

    @Nested
    class DeleteMonths {

        @Test
        void shouldDeleteOnlyThatActivitysShares() {
            long first = dao.insert(activity(organization).build(), CREATED);
            long second = dao.insert(activity(organization).build(), CREATED);
            dao.insertMonths(List.of(month(first, organization, "2024-01", "2024-01-01", "2024-01-31", 1.7),
                    month(second, organization, "2024-01", "2024-01-01", "2024-01-31", 1.7)));

            dao.deleteMonths(first);

            assertThat(count(handle, "activity_month", "activity_id", first)).isZero();
            assertThat(count(handle, "activity_month", "activity_id", second)).isOne();
        }
    }
}
