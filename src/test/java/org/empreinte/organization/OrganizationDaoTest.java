package org.empreinte.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.empreinte.activity.StoredActivityBuilder.activity;
import static org.empreinte.db.TestDatabase.count;
import static org.empreinte.db.TestDatabase.inSavepoint;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
import org.empreinte.activity.ActivityDao;
import org.empreinte.activity.MonthShareRow;
import org.empreinte.db.TestDatabase;
import org.empreinte.web.ResourceNotFoundException;

/** OrganizationDao on a real SQLite file; every test runs in a transaction that is rolled back. */
@DisplayName("OrganizationDao")
@Tiers.Database
class OrganizationDaoTest {

    private static final String CREATED = "2024-03-01T10:00:00Z";
    private static final String LATER = "2024-03-02T11:30:00Z";

    @TempDir
    static Path folder;

    private static Jdbi jdbi;

    private Handle handle;
    private OrganizationDao dao;

    @BeforeAll
    static void createDatabase() {
        jdbi = TestDatabase.migrated(folder.resolve("organization-dao.db"));
    }

    @BeforeEach
    void beginTransaction() {
        handle = jdbi.open();
        handle.begin();
        dao = handle.attach(OrganizationDao.class);
    }

    @AfterEach
    void rollBack() {
        handle.rollback();
        handle.close();
    }

    private static OrganizationRequest cooperative(String name) {
        return new OrganizationRequest(name, "624", "CA-QC", 12.5, 850_000.0, "cooperative");
    }

    private long insertOrganization(String name) {
        return dao.insert(cooperative(name), CREATED);
    }

    @Test
    void shouldEnforceForeignKeysOnEveryConnection() {
        TestDatabase.assumeSqlite("foreign keys are a per-connection setting of SQLite's; PostgreSQL always enforces them");
        assertThat(handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()).isEqualTo(1);
    }

    @Nested
    class Insert {

        @Test
        void shouldReturnTheNewIdFromReturning() {
            long first = insertOrganization("Coop du Vieux-Port");
            long second = insertOrganization("Friperie solidaire");

            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
            assertThat(count(handle, "organization")).isEqualTo(2);
        }

        @Test
        void shouldStoreEveryField() {
            long id = insertOrganization("Coop du Vieux-Port");

            Organization stored = dao.find(id).orElseThrow();
            assertThat(stored.id()).isEqualTo(id);
            assertThat(stored.name()).isEqualTo("Coop du Vieux-Port");
            assertThat(stored.sector()).isEqualTo("624");
            assertThat(stored.region()).isEqualTo("CA-QC");
            assertThat(stored.employees()).isEqualTo(12.5);
            assertThat(stored.annualRevenueCad()).isEqualTo(850_000.0);
            assertThat(stored.legalForm()).isEqualTo("cooperative");
            assertThat(stored.createdAt()).isEqualTo(CREATED);
            assertThat(stored.updatedAt()).isEqualTo(CREATED);
            assertThat(stored.sites()).isNull();
        }

        @Test
        void shouldKeepOptionalFieldsNull() {
            long id = dao.insert(new OrganizationRequest("OBNL", "813", "CA-ON", 0.0, null, null), CREATED);

            Organization stored = dao.find(id).orElseThrow();
            assertThat(stored.annualRevenueCad()).isNull();
            assertThat(stored.legalForm()).isNull();
            assertThat(stored.employees()).isZero();
        }

        @Test
        void shouldRefuseAMissingRequiredColumn() {
            var nameless = new OrganizationRequest(null, "624", "CA-QC", 1.0, null, null);

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insert(nameless, CREATED)))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .message().containsAnyOf("NOT NULL", "not-null");
        }
    }

    @Nested
    class Find {

        @Test
        void shouldFindById() {
            long id = insertOrganization("Coop du Vieux-Port");
            insertOrganization("Friperie solidaire");

            assertThat(dao.find(id)).map(Organization::name).contains("Coop du Vieux-Port");
        }

        @Test
        void shouldReturnEmptyForAnUnknownId() {
            long id = insertOrganization("Coop du Vieux-Port");

            assertThat(dao.find(id + 1000)).isEmpty();
        }

        @Test
        void requireGivesTheOrganizationOrTheNotFoundThatNamesIt() {
            long id = insertOrganization("Coop du Vieux-Port");

            assertThat(dao.require(id).name()).isEqualTo("Coop du Vieux-Port");
            assertThatThrownBy(() -> dao.require(id + 1000))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.status()).isEqualTo(404))
                    .hasMessage("organization " + (id + 1000) + " not found");
        }

        @Test
        void requireWorksOnAnOnDemandDaoAsTheServicesHoldIt() {
            // the services read through jdbi.onDemand, outside this test's transaction
            OrganizationDao onDemand = jdbi.onDemand(OrganizationDao.class);
            assertThatThrownBy(() -> onDemand.require(Long.MAX_VALUE)).isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Nested
    class ListOrganizations {

        @Test
        void shouldReturnNothingOnAnEmptyTable() {
            assertThat(dao.list()).isEmpty();
        }

        @Test
        void shouldOrderByNameThenId() {
            long zebre = insertOrganization("Zèbre");
            long alpha2 = insertOrganization("Alpha");
            long beta = insertOrganization("Beta");
            long alpha1 = dao.insert(cooperative("Alpha"), CREATED);

            assertThat(dao.list()).extracting(Organization::id).containsExactly(alpha2, alpha1, beta, zebre);
        }
    }

    @Nested
    class Update {

        @Test
        void shouldChangeEveryFieldAndTheUpdateTimeOnly() {
            long id = insertOrganization("Coop du Vieux-Port");

            int changed = dao.update(id, new OrganizationRequest("Coop du Port", "44", "CA-ON", 3.0, null, "other"), LATER);

            assertThat(changed).isOne();
            Organization stored = dao.find(id).orElseThrow();
            assertThat(stored.name()).isEqualTo("Coop du Port");
            assertThat(stored.sector()).isEqualTo("44");
            assertThat(stored.region()).isEqualTo("CA-ON");
            assertThat(stored.employees()).isEqualTo(3.0);
            assertThat(stored.annualRevenueCad()).isNull();
            assertThat(stored.legalForm()).isEqualTo("other");
            assertThat(stored.createdAt()).isEqualTo(CREATED);
            assertThat(stored.updatedAt()).isEqualTo(LATER);
        }

        @Test
        void shouldLeaveOtherOrganizationsAlone() {
            long id = insertOrganization("Coop du Vieux-Port");
            long other = insertOrganization("Friperie solidaire");

            dao.update(id, cooperative("Renamed"), LATER);

            assertThat(dao.find(other).orElseThrow().name()).isEqualTo("Friperie solidaire");
            assertThat(dao.find(other).orElseThrow().updatedAt()).isEqualTo(CREATED);
        }

        @Test
        void shouldReportZeroRowsForAnUnknownId() {
            long id = insertOrganization("Coop du Vieux-Port");

            assertThat(dao.update(id + 1000, cooperative("Ghost"), LATER)).isZero();
            assertThat(dao.list()).extracting(Organization::name).containsExactly("Coop du Vieux-Port");
        }
    }

    @Nested
    class InsertSite {

        @Test
        void shouldReturnTheNewSiteId() {
            long organization = insertOrganization("Coop du Vieux-Port");

            long site = dao.insertSite(organization, new SiteRequest("Usine de Toronto", "CA-ON"));

            assertThat(site).isPositive();
            assertThat(dao.site(organization, site)).contains(new Site(site, organization, "Usine de Toronto", "CA-ON"));
        }

        @Test
        void shouldRefuseASecondSiteWithTheSameNameInOneOrganization() {
            long organization = insertOrganization("Coop du Vieux-Port");
            dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-ON"))))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .message().containsIgnoringCase("unique");
            assertThat(dao.sites(organization)).hasSize(1);
        }

        @Test
        void shouldAllowTheSameNameInAnotherOrganization() {
            long first = insertOrganization("Coop du Vieux-Port");
            long second = insertOrganization("Friperie solidaire");
            dao.insertSite(first, new SiteRequest("Entrepôt", "CA-QC"));

            long site = dao.insertSite(second, new SiteRequest("Entrepôt", "CA-QC"));

            assertThat(dao.sites(second)).extracting(Site::id).containsExactly(site);
        }

        @Test
        void shouldRefuseASiteOfAnUnknownOrganization() {
            long organization = insertOrganization("Coop du Vieux-Port");

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.insertSite(organization + 1000, new SiteRequest("Nulle part", "CA-QC"))))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .message().containsIgnoringCase("foreign key");
        }
    }

    @Nested
    class Sites {

        @Test
        void shouldListTheOrganizationsSitesByName() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long other = insertOrganization("Friperie solidaire");
            long toronto = dao.insertSite(organization, new SiteRequest("Toronto", "CA-ON"));
            long montreal = dao.insertSite(organization, new SiteRequest("Montréal", "CA-QC"));
            dao.insertSite(other, new SiteRequest("Ailleurs", "CA-QC"));

            assertThat(dao.sites(organization)).containsExactly(
                    new Site(montreal, organization, "Montréal", "CA-QC"),
                    new Site(toronto, organization, "Toronto", "CA-ON"));
        }

        @Test
        void shouldReturnNothingForAnOrganizationWithoutSites() {
            long organization = insertOrganization("Coop du Vieux-Port");

            assertThat(dao.sites(organization)).isEmpty();
        }
    }

    @Nested
    class SiteById {

        @Test
        void shouldNotFindAnotherOrganizationsSite() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long other = insertOrganization("Friperie solidaire");
            long site = dao.insertSite(other, new SiteRequest("Ailleurs", "CA-QC"));

            assertThat(dao.site(organization, site)).isEmpty();
            assertThat(dao.site(other, site)).isPresent();
        }
    }

    @Nested
    class SiteNamed {

        @Test
        void shouldFindByExactNameWithinTheOrganization() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long other = insertOrganization("Friperie solidaire");
            long site = dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));
            dao.insertSite(other, new SiteRequest("Entrepôt", "CA-ON"));

            assertThat(dao.siteNamed(organization, "Entrepôt")).map(Site::id).contains(site);
            assertThat(dao.siteNamed(organization, "Entrepot")).isEmpty();
        }
    }

    @Nested
    class UpdateSite {

        @Test
        void shouldRenameAndMove() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long site = dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));

            assertThat(dao.updateSite(organization, site, new SiteRequest("Entrepôt Ouest", "CA-ON"))).isOne();

            assertThat(dao.site(organization, site)).contains(new Site(site, organization, "Entrepôt Ouest", "CA-ON"));
        }

        @Test
        void shouldNotTouchAnotherOrganizationsSite() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long other = insertOrganization("Friperie solidaire");
            long site = dao.insertSite(other, new SiteRequest("Ailleurs", "CA-QC"));

            assertThat(dao.updateSite(organization, site, new SiteRequest("Volé", "CA-QC"))).isZero();
            assertThat(dao.site(other, site)).map(Site::name).contains("Ailleurs");
        }

        @Test
        void shouldRefuseANameAlreadyTakenInTheOrganization() {
            long organization = insertOrganization("Coop du Vieux-Port");
            dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));
            long shop = dao.insertSite(organization, new SiteRequest("Boutique", "CA-QC"));

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.updateSite(organization, shop, new SiteRequest("Entrepôt", "CA-QC"))))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .message().containsIgnoringCase("unique");
        }
    }

    @Nested
    class ActivitiesAtSite {

        @Test
        void shouldCountOnlyTheSitesActivities() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long site = dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));
            long empty = dao.insertSite(organization, new SiteRequest("Boutique", "CA-QC"));
            ActivityDao activities = handle.attach(ActivityDao.class);
            activities.insert(activity(organization).site(site).build(), CREATED);
            activities.insert(activity(organization).site(site).period("2024-02-01", "2024-02-29").build(), CREATED);
            activities.insert(activity(organization).build(), CREATED);

            assertThat(dao.activitiesAtSite(site)).isEqualTo(2);
            assertThat(dao.activitiesAtSite(empty)).isZero();
        }
    }

    @Nested
    class DeleteSite {

        @Test
        void shouldDeleteOnlyWithinTheOrganization() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long other = insertOrganization("Friperie solidaire");
            long site = dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));

            assertThat(dao.deleteSite(other, site)).isZero();
            assertThat(dao.deleteSite(organization, site)).isOne();
            assertThat(dao.sites(organization)).isEmpty();
        }

        @Test
        void shouldBeRefusedByTheDatabaseWhileActivitiesReferToTheSite() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long site = dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));
            handle.attach(ActivityDao.class).insert(activity(organization).site(site).build(), CREATED);

            assertThatThrownBy(() -> inSavepoint(handle, () -> dao.deleteSite(organization, site)))
                    .isInstanceOf(UnableToExecuteStatementException.class)
                    .message().containsIgnoringCase("foreign key");
            assertThat(dao.sites(organization)).hasSize(1);
        }
    }

    /** Organizations have no delete method yet; the schema already cascades a deleted organization's data. */
    @Nested
    class CascadeFromOrganization {

        @Test
        void shouldDeleteSitesActivitiesTagsAndMonthsWithTheOrganization() {
            long organization = insertOrganization("Coop du Vieux-Port");
            long other = insertOrganization("Friperie solidaire");
            long site = dao.insertSite(organization, new SiteRequest("Entrepôt", "CA-QC"));
            dao.insertSite(other, new SiteRequest("Ailleurs", "CA-QC"));
            ActivityDao activities = handle.attach(ActivityDao.class);
            long id = activities.insert(activity(organization).site(site).build(), CREATED);
            activities.insertTags(id, List.of("chauffage"));
            activities.insertMonths(List.of(new MonthShareRow(id, organization, "2024-01",
                    LocalDate.of(2024, 1, 1).toEpochDay(), LocalDate.of(2024, 1, 31).toEpochDay(), 1.7, 0, 0, 0, 1.7)));
            long kept = activities.insert(activity(other).build(), CREATED);

            handle.execute("DELETE FROM organization WHERE id = ?", organization);

            assertThat(dao.sites(organization)).isEmpty();
            assertThat(count(handle, "site")).isOne();
            assertThat(count(handle, "activity", "organization_id", organization)).isZero();
            assertThat(count(handle, "activity_tag")).isZero();
            assertThat(count(handle, "activity_month")).isZero();
            assertThat(activities.find(other, kept)).isPresent();
        }
    }
}
