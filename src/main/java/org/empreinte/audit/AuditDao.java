package org.empreinte.audit;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AuditEvent.class)
public interface AuditDao {

    String COLUMNS = "id, at, actor, organization_id, entity, entity_id, action, before_json AS before, after_json AS after";

    @SqlUpdate("INSERT INTO audit_event (at, actor, organization_id, entity, entity_id, action, before_json, after_json)"
            + " VALUES (:at, :actor, :organizationId, :entity, :entityId, :action, :before, :after)")
    void insert(@Bind("at") String at, @Bind("actor") String actor, @Bind("organizationId") Long organizationId,
            @Bind("entity") String entity, @Bind("entityId") Long entityId, @Bind("action") String action,
            @Bind("before") String before, @Bind("after") String after);

    @SqlQuery("SELECT " + COLUMNS + " FROM audit_event WHERE organization_id = :organizationId ORDER BY id DESC LIMIT :limit")
    List<AuditEvent> events(@Bind("organizationId") long organizationId, @Bind("limit") int limit);

    /** The events older than {@code beforeId}, newest first: read along the index on (organization, id). */
    @SqlQuery("SELECT " + COLUMNS + " FROM audit_event WHERE organization_id = :organizationId AND id < :beforeId"
            + " ORDER BY id DESC LIMIT :limit")
    List<AuditEvent> eventsBefore(@Bind("organizationId") long organizationId, @Bind("beforeId") long beforeId,
            @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM audit_event WHERE organization_id = :organizationId AND entity = :entity"
            + " AND entity_id = :entityId ORDER BY id DESC LIMIT 1")
    Optional<AuditEvent> last(@Bind("organizationId") long organizationId, @Bind("entity") String entity,
            @Bind("entityId") long entityId);
}
