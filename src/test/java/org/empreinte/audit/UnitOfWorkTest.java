package org.empreinte.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.empreinte.Tiers;
import org.empreinte.db.TestDatabase;
import org.empreinte.organization.OrganizationRequest;
import org.empreinte.web.ResourceNotFoundException;

/** The one way to write an organization's data, on a real database: what it guarantees and what it refuses. */
@Tiers.Database
class UnitOfWorkTest {

    @TempDir
    static Path folder;

    /** One database for the class (a migration takes seconds); each test has an organization of its own. */
    private static Jdbi jdbi;
    private static UnitOfWork units;
    private long organization;

    @BeforeAll
    static void database() {
        jdbi = TestDatabase.migrated(folder.resolve("u.db"));
        units = TestDatabase.units(jdbi, Clock.systemUTC());
    }

    @BeforeEach
    void organization() {
        organization = TestDatabase.organizations(jdbi, Clock.systemUTC())
                .create(new OrganizationRequest("Coop", "624410", "CA-QC", 5.0, null, null)).id();
    }

    @Test
    void aWriteRaisesTheRevisionOnceAndRecordsEachChange() {
        long before = revision();
        int events = events();
        units.run(organization, changes -> {
            rename("Coop A");
            changes.record("organization", organization, AuditTrail.UPDATE, null, "Coop A");
            changes.record("site", 1L, AuditTrail.CREATE, null, "site");
        });
        assertThat(revision()).isEqualTo(before + 1);
        assertThat(events()).isEqualTo(events + 2);
    }

    @Test
    void aWriteThatRecordsNothingIsRefusedAndRolledBack() {
        long before = revision();
        assertThatThrownBy(() -> units.run(organization, changes -> rename("Forgotten")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("recorded no change");
        assertThat(name()).isEqualTo("Coop");
        assertThat(revision()).isEqualTo(before);
    }

    @Test
    void aFailingWriteLeavesNeitherDataNorTrail() {
        int events = events();
        assertThatThrownBy(() -> units.run(organization, changes -> {
            rename("Half done");
            changes.record("organization", organization, AuditTrail.UPDATE, null, "Half done");
            throw new IllegalArgumentException("refused after the first change");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(name()).isEqualTo("Coop");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void anUnknownOrganizationIsRefusedBeforeAnyWork() {
        boolean[] ran = {false};
        assertThatThrownBy(() -> units.run(organization + 1000, changes -> ran[0] = true))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(ran[0]).isFalse();
    }

    @Test
    void aWriteThatMayChangeNothingLeavesTheRevisionWhenItDoesNot() {
        long before = revision();
        String result = units.writeIfChanged(organization, changes -> "nothing to do");
        assertThat(result).isEqualTo("nothing to do");
        assertThat(revision()).isEqualTo(before);
    }

    @Test
    void aUnitInsideAnotherJoinsItsTransaction() {
        int events = events();
        assertThatThrownBy(() -> units.run(organization, outer -> {
            units.run(organization, inner -> {
                rename("Inner");
                inner.record("organization", organization, AuditTrail.UPDATE, null, "Inner");
            });
            throw new IllegalArgumentException("the outer unit fails after the inner one returned");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(name()).as("the inner unit's write rolled back with the outer").isEqualTo("Coop");
        assertThat(events()).isEqualTo(events);
    }

    private void rename(String name) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE organization SET name = :name WHERE id = :id")
                .bind("name", name).bind("id", organization).execute());
    }

    private String name() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT name FROM organization WHERE id = :id")
                .bind("id", organization).mapTo(String.class).one());
    }

    private long revision() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT data_revision FROM organization WHERE id = :id")
                .bind("id", organization).mapTo(Long.class).one());
    }

    private int events() {
        return jdbi.withHandle(handle -> TestDatabase.count(handle, "audit_event", "organization_id", organization));
    }
}
