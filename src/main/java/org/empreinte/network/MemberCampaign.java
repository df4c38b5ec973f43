package org.empreinte.network;

/**
 * An open campaign as the member sees it on its home page.
 *
 * @param state the member's own year: open, submitted, reviewed or reopened
 * @param done submitted or reviewed: nothing left to do unless the network sends it back
 * @param late not done, and the due date has passed
 */
public record MemberCampaign(long networkId, String networkName, int year, String dueDate, String state, boolean done,
        boolean late) {
}
