package org.empreinte.network;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A sharing member's year as its network's coordinators see it: where it stands, never its figures (those a
 * member sharing its aggregate only shows summed with others).
 *
 * @param state open (never submitted), submitted, reviewed or reopened
 * @param version the submission the network reads; null while never submitted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberInventory(long organizationId, String name, int year, String state, Integer version, String submittedAt,
        String updatedAt, String comment) {
}
