package org.empreinte.network;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where each member stands in a campaign. Only the members sharing at least their aggregate with the network are
 * named; those sharing nothing are counted in {@code notSharing}. States only, never a member's figures.
 *
 * @param pastDue whether the due date has passed (by the application's clock): from then on, a member that has
 *     neither submitted nor been reviewed is {@code late}
 * @param counts the members in each state, every state present (0 for none), in {@link #STATES}' order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignStatus(long networkId, String networkName, int year, String dueDate, boolean pastDue, String openedAt,
        String remindedAt, String closedAt, Map<String, Integer> counts, int notSharing, List<MemberStatus> members) {

    public static final String NOT_STARTED = "not_started";
    public static final String IN_PROGRESS = "in_progress";
    public static final String SUBMITTED = "submitted";
    public static final String REVIEWED = "reviewed";
    public static final String LATE = "late";
    public static final List<String> STATES = List.of(NOT_STARTED, IN_PROGRESS, SUBMITTED, REVIEWED, LATE);

    /**
     * One member's year in the campaign.
     *
     * @param state the campaign's: not_started, in_progress, submitted, reviewed or late
     * @param inventoryState the year's own: open (never submitted), submitted, reviewed or reopened
     * @param comment the coordinator's last comment (what to fix, when sent back)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberStatus(long organizationId, String name, String state, String inventoryState, Integer version,
            String submittedAt, String updatedAt, String comment) {

        /** Whether a reminder is due: it has nothing submitted for the campaign (never, or reopened since). */
        public boolean awaited() {
            return NOT_STARTED.equals(state) || LATE.equals(state);
        }
    }
}
