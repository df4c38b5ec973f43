package org.empreinte.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One write: who, when, to what, and the values before and after (JSON, null for none). */
public record AuditEvent(long id, String at, String actor, Long organizationId, String entity, Long entityId, String action,
        @JsonRawValue String before, @JsonRawValue String after) {
}
