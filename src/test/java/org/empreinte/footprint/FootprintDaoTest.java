package org.empreinte.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.empreinte.activity.StoredActivityBuilder.activity;
import static org.empreinte.footprint.FootprintDao.NO_TAG;
import static org.empreinte.footprint.FootprintDao.WITH_TAG;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.assertj.core.data.Offset;
import org.assertj.core.util.DoubleComparator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.empreinte.Tiers;
import org.empreinte.activity.ActivityDao;
import org.empreinte.activity.ActivityRow;
import org.empreinte.activity.MonthShareRow;
import org.empreinte.activity.RunningTotals;
import org.empreinte.activity.StoredActivityBuilder;
import org.empreinte.db.TestDatabase;
import org.empreinte.footprint.FootprintDao.Group;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.organization.SiteRequest;

/**
 * FootprintDao on a real SQLite file. Monthly shares are written by hand with round figures so
 * that every expected value, the pro-rata fractions included, is arithmetic written in the test.
 */
@DisplayName("FootprintDao")
@Tiers.Database
class FootprintDaoTest {

    private static final String CREATED = "2024-03-01T10:00:00Z";
    private static final Offset<Double> EXACT = within(1e-9);

    @TempDir
    static Path folder;

    private static Jdbi jdbi;

    private Handle handle;
    private FootprintDao dao;
    private ActivityDao activities;
    private long organization;
    private long otherOrganization;
    private long toronto;

    @BeforeAll
    static void createDatabase() {
        jdbi = TestDatabase.migrated(folder.resolve("footprint-dao.db"));
    }

    @BeforeEach
    void beginTransaction() {
        handle = jdbi.open();
        handle.begin();
        dao = handle.attach(FootprintDao.class);
        activities = handle.attach(ActivityDao.class);
        OrganizationDao organizations = handle.attach(OrganizationDao.class);
        organization = organizations.insert(new OrganizationRequest("Coop du Vieux-Port", "624", "CA-QC", 12.0, null, null), CREATED);
        otherOrganization = organizations.insert(new OrganizationRequest("Friperie", "453", "CA-QC", 4.0, null, null), CREATED);
        toronto = organizations.insertSite(organization, new SiteRequest("Usine de Toronto", "CA-ON"));
    }

    @AfterEach
    void rollBack() {
        handle.rollback();
        handle.close();
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }

    /**
     * Stores an activity and its monthly shares as given (kg CO2e of CO2, CH4, N2O and unspecified for each), through
     * the DAO's one way of writing, which keeps the running totals the reports read.
     */
    private long store(StoredActivityBuilder builder, Share... shares) {
        ActivityRow row = builder.build();
        return activities.store(row, CREATED, List.of(), id -> rows(id, row.organizationId(), shares));
    }

    private static List<MonthShareRow> rows(long id, long organizationId, Share... shares) {
        return List.of(shares).stream().map(s -> new MonthShareRow(id, organizationId,
                s.first.substring(0, 7), day(s.first), day(s.last), s.co2 + s.ch4 + s.n2o + s.unspecified,
                s.co2, s.ch4, s.n2o, s.unspecified)).toList();
    }

    /** Tags a stored activity, its totals out and in again as a rewrite does. */
    private void tag(long id, List<String> tags) {
        RunningTotals totals = handle.attach(RunningTotals.class);
        totals.subtract(id);
        activities.insertTags(id, tags);
        totals.add(id);
    }

    private record Share(String first, String last, double co2, double ch4, double n2o, double unspecified) {
    }

    private static Share share(String first, String last, double co2, double ch4, double n2o, double unspecified) {
        return new Share(first, last, co2, ch4, n2o, unspecified);
    }

    private static Share share(String first, String last, double unspecified) {
        return new Share(first, last, 0, 0, 0, unspecified);
    }

    private List<Group> cells(String from, String to) {
        return sorted(dao.groups(organization, day(from), day(to), NO_TAG, null));
    }

    private static List<Group> sorted(List<Group> cells) {
        return cells.stream().sorted(Comparator.comparing(Group::month).thenComparing(Group::category)
                .thenComparing(c -> c.siteId() == null ? -1 : c.siteId())).toList();
    }

    @Nested
    class Cells {

        /** January 2024 has 31 days; the share carries 31 kg CO2, 3.1 CH4, 6.2 N2O and 21.7 unspecified: 62 kg. */
        private void storeJanuary() {
            store(activity(organization), share("2024-01-01", "2024-01-31", 31, 3.1, 6.2, 21.7));
        }

        @Test
        void shouldCountAShareInsideTheBoundsInFull() {
            storeJanuary();

            List<Group> cells = cells("2024-01-01", "2024-12-31");

            assertThat(cells).hasSize(1);
            Group cell = cells.get(0);
            assertThat(cell.scope()).isEqualTo(2);
            assertThat(cell.category()).isEqualTo("purchased_electricity");
            assertThat(cell.month()).isEqualTo("2024-01");
            assertThat(cell.siteId()).isNull();
            assertThat(cell.siteName()).isNull();
            assertThat(cell.co2eKg()).isCloseTo(62, EXACT);
            assertThat(cell.co2Co2eKg()).isCloseTo(31, EXACT);
            assertThat(cell.ch4Co2eKg()).isCloseTo(3.1, EXACT);
            assertThat(cell.n2oCo2eKg()).isCloseTo(6.2, EXACT);
            assertThat(cell.unspecifiedCo2eKg()).isCloseTo(21.7, EXACT);
            assertThat(cell.activities()).isOne();
        }

        @Test
        void shouldCountTenThirtyFirstsWhenTheReportEndsOnTheTenth() {
            storeJanuary();

            Group cell = cells("2023-07-01", "2024-01-10").get(0);

            // days 1..10 of a share covering days 1..31: 10/31 of each figure
            assertThat(cell.co2eKg()).isCloseTo(62 * 10.0 / 31, EXACT); // 20 kg
            assertThat(cell.co2Co2eKg()).isCloseTo(31 * 10.0 / 31, EXACT); // 10
            assertThat(cell.ch4Co2eKg()).isCloseTo(3.1 * 10.0 / 31, EXACT); // 1
            assertThat(cell.n2oCo2eKg()).isCloseTo(6.2 * 10.0 / 31, EXACT); // 2
            assertThat(cell.unspecifiedCo2eKg()).isCloseTo(21.7 * 10.0 / 31, EXACT); // 7
        }

        @Test
        void shouldCountTheDaysFromTheReportStart() {
            storeJanuary();

            // days 22..31: 10 of 31
            assertThat(cells("2024-01-22", "2024-06-30").get(0).co2eKg()).isCloseTo(62 * 10.0 / 31, EXACT);
            // day 31 alone: 1 of 31
            assertThat(cells("2024-01-31", "2024-01-31").get(0).co2eKg()).isCloseTo(62 * 1.0 / 31, EXACT);
        }

        @Test
        void shouldCountTheDaysBetweenBoundsInsideOneShare() {
            storeJanuary();

            // days 5..14: 10 of 31
            assertThat(cells("2024-01-05", "2024-01-14").get(0).co2eKg()).isCloseTo(62 * 10.0 / 31, EXACT);
        }

        @Test
        void shouldProrateAShareThatCoversPartOfItsMonth() {
            // A bill from 15 December: its December share covers days 15..31, 17 days, 28.9 kg.
            store(activity(organization).period("2024-12-15", "2025-01-14"),
                    share("2024-12-15", "2024-12-31", 28.9), share("2025-01-01", "2025-01-14", 23.8));

            List<Group> from20 = cells("2024-12-20", "2025-12-31");

            // 20..31 December is 12 of the share's 17 days; January lies wholly inside
            assertThat(from20).extracting(Group::month).containsExactly("2024-12", "2025-01");
            assertThat(from20.get(0).co2eKg()).isCloseTo(28.9 * 12 / 17, EXACT);
            assertThat(from20.get(1).co2eKg()).isCloseTo(23.8, EXACT);
            // the calendar years split the bill 17/31 and 14/31
            assertThat(cells("2024-01-01", "2024-12-31")).singleElement()
                    .satisfies(c -> assertThat(c.co2eKg()).isCloseTo(52.7 * 17 / 31, EXACT));
            assertThat(cells("2025-01-01", "2025-12-31")).singleElement()
                    .satisfies(c -> assertThat(c.co2eKg()).isCloseTo(52.7 * 14 / 31, EXACT));
        }

        @Test
        void shouldLeaveOutSharesOutsideTheBounds() {
            storeJanuary();
            store(activity(organization).period("2024-03-01", "2024-03-31"), share("2024-03-01", "2024-03-31", 5));

            assertThat(cells("2024-02-01", "2024-02-29")).isEmpty();
            assertThat(cells("2024-02-01", "2024-03-01")).singleElement()
                    .satisfies(c -> assertThat(c.co2eKg()).isCloseTo(5.0 / 31, EXACT));
        }

        @Test
        void shouldSumActivitiesOfTheSameScopeCategoryMonthAndSite() {
            storeJanuary();
            store(activity(organization).period("2024-01-10", "2024-01-10"), share("2024-01-10", "2024-01-10", 3));

            assertThat(cells("2024-01-01", "2024-12-31")).singleElement().satisfies(cell -> {
                assertThat(cell.co2eKg()).isCloseTo(62 + 3, EXACT);
                assertThat(cell.unspecifiedCo2eKg()).isCloseTo(21.7 + 3, EXACT);
                assertThat(cell.activities()).isEqualTo(2);
            });
        }

        @Test
        void shouldGroupByScopeCategoryMonthAndSite() {
            storeJanuary();
            store(activity(organization).site(toronto), share("2024-01-01", "2024-01-31", 40));
            store(activity(organization).type("gasoline", 1, "mobile_combustion").period("2024-01-31", "2024-02-01"),
                    share("2024-01-31", "2024-01-31", 2, 0, 0, 0), share("2024-02-01", "2024-02-01", 2, 0, 0, 0));

            List<Group> cells = cells("2024-01-01", "2024-12-31");

            assertThat(cells).extracting(Group::month, Group::scope, Group::category, Group::siteId, Group::siteName)
                    .containsExactly(
                            tuple("2024-01", 1, "mobile_combustion", null, null),
                            tuple("2024-01", 2, "purchased_electricity", null, null),
                            tuple("2024-01", 2, "purchased_electricity", toronto, "Usine de Toronto"),
                            tuple("2024-02", 1, "mobile_combustion", null, null));
            assertThat(cells).extracting(Group::co2eKg).usingElementComparator(new DoubleComparator(1e-9))
                    .containsExactly(2.0, 62.0, 40.0, 2.0);
        }

        @Test
        void shouldKeepOnlyTaggedActivitiesWithTheTagFilter() {
            long tagged = store(activity(organization), share("2024-01-01", "2024-01-31", 10));
            store(activity(organization), share("2024-01-01", "2024-01-31", 7));
            long otherTag = store(activity(organization), share("2024-01-01", "2024-01-31", 5));
            tag(tagged, List.of("chauffage", "bureau"));
            tag(otherTag, List.of("atelier"));

            assertThat(dao.groups(organization, day("2024-01-01"), day("2024-12-31"), WITH_TAG, "chauffage"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.co2eKg()).isCloseTo(10, EXACT);
                        assertThat(c.activities()).isOne();
                    });
            assertThat(dao.groups(organization, day("2024-01-01"), day("2024-12-31"), WITH_TAG, "nowhere")).isEmpty();
            // without the filter the bound tag is ignored
            assertThat(dao.groups(organization, day("2024-01-01"), day("2024-12-31"), NO_TAG, "chauffage"))
                    .singleElement().satisfies(c -> assertThat(c.co2eKg()).isCloseTo(10 + 7 + 5, EXACT));
        }

        @Test
        void shouldNeverCountAnotherOrganizationsShares() {
            storeJanuary();
            store(activity(otherOrganization), share("2024-01-01", "2024-01-31", 1000));

            assertThat(cells("2024-01-01", "2024-12-31")).singleElement()
                    .satisfies(c -> assertThat(c.co2eKg()).isCloseTo(62, EXACT));
            assertThat(dao.groups(otherOrganization, day("2024-01-01"), day("2024-12-31"), NO_TAG, null)).singleElement()
                    .satisfies(c -> assertThat(c.co2eKg()).isCloseTo(1000, EXACT));
        }
    }

    private long activityCount(String from, String to, String tagFilter, String tag) {
        return dao.groups(organization, day(from), day(to), tagFilter, tag).stream().mapToLong(Group::activities).sum();
    }

    @Nested
    class ActivityCount {

        @Test
        void shouldCountEachActivityOverlappingTheBoundsOnce() {
            long spanning = store(activity(organization).period("2024-01-15", "2024-03-14"),
                    share("2024-01-15", "2024-01-31", 17), share("2024-02-01", "2024-02-29", 29),
                    share("2024-03-01", "2024-03-14", 14));
            store(activity(organization).period("2024-05-01", "2024-05-31"), share("2024-05-01", "2024-05-31", 31));
            store(activity(otherOrganization).period("2024-02-01", "2024-02-29"), share("2024-02-01", "2024-02-29", 29));
            tag(spanning, List.of("chauffage"));

            // The spanning bill has three shares, in three groups: it counts in the first inside the bounds only.
            assertThat(activityCount("2024-01-01", "2024-12-31", NO_TAG, null)).isEqualTo(2);
            assertThat(activityCount("2024-02-01", "2024-04-30", NO_TAG, null)).isOne();
            assertThat(activityCount("2024-02-10", "2024-03-31", NO_TAG, null)).isOne();
            assertThat(activityCount("2024-06-01", "2024-12-31", NO_TAG, null)).isZero();
            assertThat(activityCount("2024-01-01", "2024-12-31", WITH_TAG, "chauffage")).isOne();
        }
    }

    @Nested
    class FactorsAndQuality {

        @Test
        void shouldKeepTheFactorAppliedAndTheDataQualityOfEachGroup() {
            store(activity(organization), share("2024-01-01", "2024-01-31", 1));
            store(activity(organization).dataQuality("estimated"), share("2024-01-01", "2024-01-31", 2));
            store(activity(organization).site(toronto).type("natural_gas", 1, "stationary_combustion")
                    .period("2024-11-01", "2024-11-30").factor("desnz-2024-natural-gas-m3", "desnz-2024", "1", "m3", 2.04542),
                    share("2024-11-01", "2024-11-30", 2045.42));

            assertThat(dao.groups(organization, day("2024-01-01"), day("2024-12-31"), NO_TAG, null))
                    .extracting(Group::factorId, Group::factorSet, Group::factorSetVersion, Group::dataQuality,
                            g -> Math.round(g.co2eKg() * 100) / 100.0)
                    .containsExactlyInAnyOrder(
                            tuple("eccc-electricity-ca-qc-2018", "eccc-canada", "1", "measured", 1.0),
                            tuple("eccc-electricity-ca-qc-2018", "eccc-canada", "1", "estimated", 2.0),
                            tuple("desnz-2024-natural-gas-m3", "desnz-2024", "1", "measured", 2045.42));
        }

        @Test
        void shouldCarryTheQuantityInTheFactorsUnitProratedLikeTheEmissions() {
            // 3,100 kWh billed from 15 December to 14 January (31 days): 17 days fall in 2024.
            store(activity(organization).quantity(3100, "kWh").period("2024-12-15", "2025-01-14"),
                    share("2024-12-15", "2024-12-31", 28.9), share("2025-01-01", "2025-01-14", 23.8));

            assertThat(dao.groups(organization, day("2024-01-01"), day("2024-12-31"), NO_TAG, null)).singleElement()
                    .satisfies(g -> assertThat(g.quantity()).isCloseTo(3100.0 * 17 / 31, EXACT));
            // and of those 17 days, the report from the 20th holds 12
            assertThat(dao.groups(organization, day("2024-12-20"), day("2024-12-31"), NO_TAG, null)).singleElement()
                    .satisfies(g -> assertThat(g.quantity()).isCloseTo(3100.0 * 12 / 31, EXACT));
        }

        @Test
        void shouldGroupAnActivityByItsKeyAfterAChange() {
            long id = store(activity(organization), share("2024-01-01", "2024-01-31", 62));
            store(activity(organization), share("2024-01-01", "2024-01-31", 3));
            // the two share one result key
            assertThat(handle.createQuery("SELECT COUNT(DISTINCT result_key) FROM activity WHERE organization_id = :o")
                    .bind("o", organization).mapTo(Integer.class).one()).isOne();

            activities.rewrite(id, activity(organization).site(toronto).build(), CREATED, null,
                    rows(id, organization, share("2024-01-01", "2024-01-31", 62)), List.of());

            assertThat(dao.groups(organization, day("2024-01-01"), day("2024-12-31"), NO_TAG, null))
                    .extracting(Group::siteName, g -> Math.round(g.co2eKg() * 100) / 100.0)
                    .containsExactlyInAnyOrder(tuple(null, 3.0), tuple("Usine de Toronto", 62.0));
        }

        @Test
        void shouldTotalAnEarlierPeriodByScope() {
            store(activity(organization), share("2024-01-01", "2024-01-31", 62));
            store(activity(organization).type("gasoline", 1, "mobile_combustion"), share("2024-01-01", "2024-01-31", 5));

            assertThat(dao.byScope(organization, day("2024-01-01"), day("2024-01-10"), NO_TAG, null))
                    .extracting(FootprintDao.ScopeTotal::scope, FootprintDao.ScopeTotal::co2eKg)
                    .containsExactlyInAnyOrder(tuple(1, 5 * 10.0 / 31), tuple(2, 62 * 10.0 / 31));
        }
    }
}
