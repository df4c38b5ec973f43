package org.empreinte.inventory;

import java.util.ArrayList;
import java.util.List;

import org.empreinte.organization.Organization;
import org.empreinte.web.PageContext;
import org.empreinte.web.Page;

/**
 * An organization's year: where it stands, what was submitted, what changed since, and the buttons to submit or
 * reopen it. Written for a member who is not a carbon expert: why submitting matters is said on the page.
 */
public class InventoryPage extends Page {

    public record VersionLine(int version, String date, String by, String total) {
    }

    private final Organization organization;
    private final Inventory inventory;
    private final String notice;
    private final String error;

    InventoryPage(PageContext context, Organization organization, Inventory inventory, String notice, String error) {
        super("year.mustache", context);
        this.organization = organization;
        this.inventory = inventory;
        this.notice = notice;
        this.error = error;
    }

    @Override
    public String getTitle() {
        return messages().format("inventory_title", organization.name(), Integer.toString(inventory.year()));
    }

    public Organization getOrganization() {
        return organization;
    }

    public int getYear() {
        return inventory.year();
    }

    public int getPreviousYear() {
        return inventory.year() - 1;
    }

    public int getNextYear() {
        return inventory.year() + 1;
    }

    public String getNotice() {
        return notice;
    }

    public String getError() {
        return error;
    }

    /** The year's state in a sentence. */
    public String getState() {
        InventoryVersion submitted = inventory.submitted();
        return switch (inventory.state()) {
            case "submitted" -> messages().format("inventory_state_submitted", date(submitted.submittedAt()), submitted.submittedBy(),
                    submitted.version());
            case "reviewed" -> messages().format("inventory_state_reviewed", date(submitted.submittedAt()), submitted.version(),
                    date(inventory.updatedAt()));
            case "reopened" -> messages().format("inventory_state_reopened", date(inventory.updatedAt()), inventory.updatedBy(),
                    submitted.version());
            default -> messages().get("inventory_state_open");
        };
    }

    public String getStateKey() {
        return inventory.state();
    }

    public String getComment() {
        return inventory.comment() == null ? null : messages().format("inventory_comment", inventory.comment());
    }

    public boolean getMaySubmit() {
        return "open".equals(inventory.state()) || "reopened".equals(inventory.state());
    }

    public boolean getMayReopen() {
        return "submitted".equals(inventory.state()) || "reviewed".equals(inventory.state());
    }

    public String getSubmitLabel() {
        return messages().format("inventory_submit", Integer.toString(inventory.year()));
    }

    public String getSubmittedTotal() {
        return inventory.submitted() == null ? null
                : messages().format("inventory_submitted_total", kg(inventory.submitted().snapshot().totalCo2eKg()));
    }

    /** What moved since the submission others read, in plain words; null while never submitted. */
    public String getSince() {
        Difference difference = inventory.sinceSubmitted();
        if (difference == null) {
            return null;
        }
        if (!difference.changed()) {
            return messages().get("inventory_unchanged");
        }
        List<String> parts = new ArrayList<>();
        if (difference.activities() > 0) {
            parts.add(messages().format("inventory_activities_added", difference.activities()));
        } else if (difference.activities() < 0) {
            parts.add(messages().format("inventory_activities_removed", -difference.activities()));
        }
        for (Difference.FactorChange change : difference.factors()) {
            String factor = messages().labelOr("type_", change.type()) + " (" + change.factorId() + ")";
            if (change.submittedVersion() == null) {
                parts.add(messages().format("inventory_factor_new", factor));
            } else if (change.liveVersion() == null) {
                parts.add(messages().format("inventory_factor_gone", factor));
            } else {
                parts.add(messages().format("inventory_factor_updated", factor, change.submittedVersion(), change.liveVersion()));
            }
        }
        String signed = (difference.totalCo2eKg() >= 0 ? "+" : "−") + kg(Math.abs(difference.totalCo2eKg()));
        return messages().format(parts.isEmpty() ? "inventory_since_total" : "inventory_since", signed, String.join(" ; ", parts));
    }

    public List<VersionLine> getVersions() {
        return inventory.versions().stream().map(v -> new VersionLine(v.version(), date(v.submittedAt()), v.submittedBy(),
                kg(v.totalCo2eKg()))).toList();
    }

    public boolean getHasVersions() {
        return !inventory.versions().isEmpty();
    }

    private static String date(String instant) {
        return instant == null ? "" : instant.substring(0, Math.min(10, instant.length()));
    }
}
