package org.empreinte.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;

import org.empreinte.web.Paging;

/**
 * Records every write to an organization's data, in the writing transaction (the DAO is made with
 * {@code onDemand}, so it runs on the caller's open handle): a write that rolls back leaves no trace.
 */
public class AuditTrail {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
    public static final String RESTORE = "restore";

    private final AuditDao dao;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(Jdbi jdbi, ObjectMapper json, Clock clock) {
        this.dao = jdbi.onDemand(AuditDao.class);
        this.json = json;
        this.clock = clock;
    }

    public void record(Long organizationId, String entity, Long entityId, String action, Object before, Object after) {
        dao.insert(clock.instant().toString(), Actor.current(), organizationId, entity, entityId, action, write(before),
                write(after));
    }

    /** The organization's trail, newest first. */
    public List<AuditEvent> events(long organizationId, int limit) {
        return dao.events(organizationId, limit);
    }

    /** A page of the organization's trail, newest first; its cursor is the last event's id. */
    public Paging.Slice<AuditEvent> page(long organizationId, Paging paging) {
        int limit = paging.limit() + 1;
        List<AuditEvent> events = paging.isFirst() ? dao.events(organizationId, limit)
                : dao.eventsBefore(organizationId, paging.number(0), limit);
        return paging.slice(events, event -> Paging.cursor(event.id()));
    }

    public Optional<AuditEvent> last(long organizationId, String entity, long entityId) {
        return dao.last(organizationId, entity, entityId);
    }

    public <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit event holds JSON that does not read back: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit value: " + e.getMessage(), e);
        }
    }
}
