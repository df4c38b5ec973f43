package org.empreinte.organization;

import java.security.Principal;
import java.util.Set;

/**
 * Which organizations a person may see, and what creating one gives them: the accounts feature
 * answers, so that this package does not depend on it.
 */
public interface OrganizationAccess {

    /** The ids of the organizations {@code who} may see; null for all of them. */
    Set<Long> visible(Principal who);

    /** Called in the creating transaction: the creator becomes the organization's editor. */
    void created(long organizationId, Principal who);
}
