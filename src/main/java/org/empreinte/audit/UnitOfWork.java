package org.empreinte.audit;

import java.util.function.Consumer;
import java.util.function.Function;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.empreinte.web.ResourceNotFoundException;

/**
 * The one way to write an organization's data: one transaction, in which the work says what it changed, the
 * organization's data revision (what cached reports are keyed by) rises and the audit trail records the
 * change. Forgetting either is no longer possible: a write that records nothing is refused and rolled back.
 *
 * <p>Units nest: a unit opened inside another (a restore logging the activity again) joins its transaction,
 * as JDBI reuses the thread's open handle.
 */
public final class UnitOfWork {

    /** What a unit's work changed: each change goes to the trail as it is recorded, in the unit's transaction. */
    public static final class Changes {

        private final AuditTrail audit;
        private Long organizationId;
        private int recorded;

        private Changes(AuditTrail audit, Long organizationId) {
            this.audit = audit;
            this.organizationId = organizationId;
        }

        /** The organization a {@link #create} has just inserted: its changes are recorded under it. */
        public void created(long id) {
            if (organizationId != null) {
                throw new IllegalStateException("the unit already writes organization " + organizationId);
            }
            organizationId = id;
        }

        /** One change: what it was before and after (written as JSON; null for a creation's before, a deletion's after). */
        public void record(String entity, Long entityId, String action, Object before, Object after) {
            if (organizationId == null) {
                throw new IllegalStateException("a creation records its changes after saying what it created");
            }
            audit.record(organizationId, entity, entityId, action, before, after);
            recorded++;
        }

        public boolean isEmpty() {
            return recorded == 0;
        }
    }

    /** The organization row, as far as a unit of work needs it. */
    interface RevisionDao {

        @SqlQuery("SELECT COUNT(*) FROM organization WHERE id = :id")
        int exists(@Bind("id") long id);

        /** Cached reports are keyed by this revision: every write moves it. */
        @SqlUpdate("UPDATE organization SET data_revision = data_revision + 1 WHERE id = :id")
        int raise(@Bind("id") long id);
    }

    private final Jdbi jdbi;
    private final AuditTrail audit;
    private final RevisionDao revisions;

    public UnitOfWork(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.revisions = jdbi.onDemand(RevisionDao.class);
    }

    /**
     * Runs {@code work} for the organization in one transaction: 404 when the organization does not exist,
     * before any work; the work must record at least one change.
     */
    public <T> T write(long organizationId, Function<Changes, T> work) {
        return run(organizationId, work, true);
    }

    /**
     * Creates an organization in one transaction: the work inserts it, says its id ({@link Changes#created}) and
     * records the creation.
     */
    public <T> T create(Function<Changes, T> work) {
        return jdbi.inTransaction(handle -> {
            Changes changes = new Changes(audit, null);
            T result = work.apply(changes);
            if (changes.organizationId == null) {
                throw new IllegalStateException("a creation did not say which organization it created");
            }
            finish(changes, true);
            return result;
        });
    }

    public void run(long organizationId, Consumer<Changes> work) {
        run(organizationId, changes -> {
            work.accept(changes);
            return null;
        }, true);
    }

    /**
     * As {@link #write}, for work that may find nothing to change (a recomputation after which every result is the
     * same): then the revision and the trail are left as they were.
     */
    public <T> T writeIfChanged(long organizationId, Function<Changes, T> work) {
        return run(organizationId, work, false);
    }

    private <T> T run(long organizationId, Function<Changes, T> work, boolean mustChange) {
        return jdbi.inTransaction(handle -> {
            if (revisions.exists(organizationId) == 0) {
                throw new ResourceNotFoundException("organization", organizationId);
            }
            Changes changes = new Changes(audit, organizationId);
            T result = work.apply(changes);
            finish(changes, mustChange);
            return result;
        });
    }

    private void finish(Changes changes, boolean mustChange) {
        long organizationId = changes.organizationId;
        if (changes.isEmpty()) {
            if (mustChange) {
                throw new IllegalStateException("a write to organization " + organizationId + " recorded no change");
            }
            return;
        }
        revisions.raise(organizationId);
    }
}
