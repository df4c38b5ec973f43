package org.empreinte.audit;

import java.util.ArrayList;
import java.util.List;
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

    /** What a unit's work changed: its audit entries, written when the work returns. */
    public static final class Changes {

        private final long organizationId;
        private final List<Entry> entries = new ArrayList<>();

        private Changes(long organizationId) {
            this.organizationId = organizationId;
        }

        public long organizationId() {
            return organizationId;
        }

        /** One change: what it was before and after (written as JSON; null for a creation's before, a deletion's after). */
        public void record(String entity, Long entityId, String action, Object before, Object after) {
            entries.add(new Entry(entity, entityId, action, before, after));
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }

        private record Entry(String entity, Long entityId, String action, Object before, Object after) {
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
            Changes changes = new Changes(organizationId);
            T result = work.apply(changes);
            if (changes.isEmpty()) {
                if (mustChange) {
                    throw new IllegalStateException("a write to organization " + organizationId + " recorded no change");
                }
                return result;
            }
            revisions.raise(organizationId);
            changes.entries.forEach(entry -> audit.record(organizationId, entry.entity(), entry.entityId(), entry.action(),
                    entry.before(), entry.after()));
            return result;
        });
    }
}
