package org.empreinte.network;

import org.empreinte.web.Messages;

/**
 * A network's counts in words, with the empty and the singular cases said as people say them ("aucun membre n'a
 * encore déclaré", "1 membre sur 4"), one key per case: a choice format nested in another would need its
 * apostrophes quoted twice over, which is easy to get wrong in a translation.
 */
final class NetworkWording {

    private NetworkWording() {
    }

    /** "_zero", "_one" or "_many" after the key, by the count. */
    static String plural(Messages messages, String key, long count, Object... args) {
        return messages.format(key + (count == 0 ? "_zero" : count == 1 ? "_one" : "_many"), args);
    }

    /** How many of the members that share have submitted the year. */
    static String reporting(Messages messages, int reporting, int sharing, int year) {
        if (sharing == 0) {
            return messages.get("network_reporting_nobody_shares");
        }
        return plural(messages, "network_reporting", reporting, reporting, sharing, Integer.toString(year));
    }

    /** How many members share nothing; for a network without members, that it has none yet. */
    static String notSharing(Messages messages, int notSharing, int organizations) {
        if (organizations == 0) {
            return messages.get("network_no_members");
        }
        return plural(messages, "network_not_sharing", notSharing, notSharing, organizations);
    }

    /** "aucun membre", "1 membre", "4 membres". */
    static String members(Messages messages, int count) {
        return plural(messages, "network_member_count", count, count);
    }
}
