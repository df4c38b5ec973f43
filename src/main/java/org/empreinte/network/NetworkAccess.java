package org.empreinte.network;

import java.security.Principal;
import java.util.Set;

/**
 * Which networks a person may see, and whose consent they may give: the accounts feature answers,
 * so that this package does not depend on it.
 */
public interface NetworkAccess {

    /** The networks {@code who} coordinates; null for all of them. */
    Set<Long> networks(Principal who);

    /** Only an organization's editors (or an administrator) decide what it shares. */
    boolean mayConsentFor(Principal who, long organizationId);

    /**
     * Whether {@code who} belongs to the organization (or administers Empreinte): a coordinator reading a
     * member is not, and sees only its own network among the member's.
     */
    boolean insider(Principal who, long organizationId);

    /** The organization's memberships that {@code who} may see: all for its own people, else their networks'. */
    default java.util.List<Member> visibleMemberships(Principal who, long organizationId, java.util.List<Member> all) {
        if (insider(who, organizationId)) {
            return all;
        }
        Set<Long> mine = networks(who);
        return mine == null ? all : all.stream().filter(m -> mine.contains(m.networkId())).toList();
    }

    /** A network's coordinator as its page lists them. */
    record Coordinator(long userId, String name, String email) {
    }

    /** The network's coordinators, by address. */
    java.util.List<Coordinator> coordinatorsOf(long networkId);

    /** Names a coordinator by the address of their account (422 on the field {@code email} when none has it). */
    void nameCoordinator(long networkId, String email);

    void removeCoordinator(long networkId, long userId);
}
