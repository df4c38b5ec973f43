package org.empreinte.network;

import java.util.List;

/**
 * The reminders of a campaign: one message to each editor of each member still awaited (not started, or late).
 * Addresses stay out of it: the coordinator sees each member's name and how many of its editors are written to,
 * as the accounts feature shows them nothing more of another organization's people.
 *
 * @param mailEnabled whether an SMTP server is configured; without one, nothing is sent and this is what would be
 * @param sent the messages the server accepted
 * @param failed the messages it did not (the server's log says why)
 */
public record Reminders(boolean mailEnabled, int sent, int failed, List<Reminder> reminders) {

    /**
     * One member's reminder, as its editors get it.
     *
     * @param recipients its editors written to; 0 when it has none, and then no one is
     */
    public record Reminder(long organizationId, String name, String state, int recipients, String subject, String body) {
    }
}
