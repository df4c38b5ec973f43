package org.empreinte.network;

import java.security.Principal;
import java.util.Set;

/**
 * Which networks a person may see, and whose consent they may give: the accounts feature answers,
 * so that this package does not depend on it.
 */
public interface NetworkAccess {

    NetworkAccess EVERYONE = new NetworkAccess() {
        @Override
        public Set<Long> networks(Principal who) {
            return null;
        }

        @Override
        public boolean mayConsentFor(Principal who, long organizationId) {
            return true;
        }
    };

    /** The networks {@code who} coordinates; null for all of them. */
    Set<Long> networks(Principal who);

    /** Only an organization's editors (or an administrator) decide what it shares. */
    boolean mayConsentFor(Principal who, long organizationId);
}
