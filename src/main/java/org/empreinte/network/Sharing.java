package org.empreinte.network;

import java.util.Locale;

import org.empreinte.web.ValidationException;

/** What a member shares with one network: nothing, its totals inside the network's aggregate only, or its own figures too. */
public enum Sharing {
    NONE, AGGREGATE, DETAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean sharesAggregate() {
        return this != NONE;
    }

    public static Sharing parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("sharing", "sharing is required: none, aggregate or detailed", "error_required");
        }
        for (Sharing sharing : values()) {
            if (sharing.key().equals(text.strip())) {
                return sharing;
            }
        }
        throw new ValidationException("sharing", "sharing must be none, aggregate or detailed", "error_sharing", text.strip());
    }
}
