package org.empreinte.network;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Whom a campaign reminder goes to: the accounts feature knows each organization's people and answers, so that
 * this package does not depend on it.
 */
public interface MemberContacts {

    /** The e-mail addresses of each organization's editors (those who may submit its year); absent: none. */
    Map<Long, List<String>> editors(Collection<Long> organizationIds);
}
