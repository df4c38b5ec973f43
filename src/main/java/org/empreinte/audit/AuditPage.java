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
    private final Long restored;

    public AuditPage(PageContext context, long organizationId, String organizationName, List<AuditEvent> events,
            Long restored) {
        super("audit.mustache", context);
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.events = events;
        this.restored = restored;
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
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return events.stream().map(e -> {
            boolean latest = e.entityId() != null && "activity".equals(e.entity()) && seen.add(e.entityId());
            boolean restorable = latest && AuditTrail.DELETE.equals(e.action());
            return new Line(e.at().replace('T', ' ').replaceFirst("\\.\\d+Z$", " UTC").replace("Z", " UTC"), e.actor(),
                    messages().labelOr("audit_entity_", e.entity()) + " — " + messages().labelOr("audit_action_", e.action()),
                    summary(e), restorable ? e.entityId() : null);
        }).toList();
    }

    /** The values changed, briefly: a page is not the place for the whole JSON, which the API gives. */
    private String summary(AuditEvent e) {
        String text = e.after() != null ? e.after() : e.before();
        if (text == null) {
            return "";
        }
        return text.length() > 160 ? text.substring(0, 157) + "…" : text;
    }
}
