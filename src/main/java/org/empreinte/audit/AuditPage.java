package org.empreinte.audit;

import java.util.List;

import org.empreinte.web.Page;
import org.empreinte.web.PageContext;

/** An organization's trail, newest first; a deleted activity has a button that logs it again. */
public class AuditPage extends Page {

    public record Line(String at, String actor, String what, String summary, Long restorable) {
    }

    private final long organizationId;
    private final String organizationName;
    private final List<AuditEvent> events;
    private final java.util.Set<Long> restorable;
    private final String nextLink;
    private final String firstLink;
    private final Long restored;

    /**
     * @param events a page of the trail, newest first
     * @param restorable the ids of its events that can be undone: deletions still the last word on their activity
     * @param nextLink the older events, or null on the last page
     * @param firstLink the newest events, from a later page; else null
     */
    public AuditPage(PageContext context, long organizationId, String organizationName, List<AuditEvent> events,
            java.util.Set<Long> restorable, String nextLink, String firstLink, Long restored) {
        super("audit.mustache", context);
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.events = events;
        this.restorable = restorable;
        this.nextLink = nextLink;
        this.firstLink = firstLink;
        this.restored = restored;
    }

    public String getNextLink() {
        return nextLink;
    }

    public String getFirstLink() {
        return firstLink;
    }

    @Override
    public String getTitle() {
        return messages().format("audit_title", organizationName);
    }

    public long getOrganizationId() {
        return organizationId;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public String getRestoredNotice() {
        return restored == null ? null : messages().format("audit_restored", restored);
    }

    public boolean getEmpty() {
        return events.isEmpty();
    }

    /** Only the last word on an activity can be undone: its deletion, if nothing came after it. */
    public List<Line> getLines() {
        return events.stream().map(e -> {
            boolean restorable = this.restorable.contains(e.id());
            return new Line(org.empreinte.web.LocalTimes.format(e.at(), messages().locale()), actor(e.actor()),
                    messages().labelOr("audit_entity_", e.entity()) + " — " + messages().labelOr("audit_action_", e.action()),
                    summary(e), restorable ? e.entityId() : null);
        }).toList();
    }


    private String actor(String actor) {
        if (actor.equals("system")) {
            return messages().get("audit_actor_system");
        }
        if (actor.equals("EMPREINTE_ADMIN_TOKEN")) {
            return messages().get("audit_actor_admin_token");
        }
        return actor.startsWith("import command") ? messages().get("audit_actor_import") : actor;
    }

    private String summary(AuditEvent e) {
        return new ChangeWords(messages()).describe(e);
    }
}
