package org.empreinte.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.empreinte.Tiers;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.organization.OrganizationRequest;

/**
 * The services build their DAOs once with {@code jdbi.onDemand} and call them inside
 * {@code jdbi.inTransaction}: this holds only if JDBI runs those calls on the transaction's handle.
 */
@Tiers.Database
class OnDemandTransactionTest {

    @TempDir
    Path folder;

    private final OrganizationRequest coop = new OrganizationRequest("Coop", "624410", "CA-QC", 5.0, null, null);

    @Test
    void aWriteThroughAnOnDemandDaoIsRolledBackWithTheTransaction() {
        Jdbi jdbi = TestDatabase.migrated(folder.resolve("t.db"));
        OrganizationDao organizations = jdbi.onDemand(OrganizationDao.class);

        assertThatThrownBy(() -> jdbi.useTransaction(handle -> {
            organizations.insert(coop, "2026-01-01T00:00:00Z");
            // Seen by the same transaction before it is refused...
            assertThat(TestDatabase.count(handle, "organization")).isEqualTo(1);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        // ...and gone after it: nothing partial is stored.
        int stored = jdbi.withHandle(handle -> TestDatabase.count(handle, "organization"));
        assertThat(stored).isZero();
    }

    @Test
    void aCommittedTransactionKeepsTheWrite() {
        Jdbi jdbi = TestDatabase.migrated(folder.resolve("t.db"));
        OrganizationDao organizations = jdbi.onDemand(OrganizationDao.class);

        long id = jdbi.inTransaction(handle -> organizations.insert(coop, "2026-01-01T00:00:00Z"));

        assertThat(organizations.find(id)).isPresent();
    }
}
