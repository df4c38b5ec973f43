package org.empreinte.inventory;

import java.util.Locale;

/**
 * Where an organization's year stands. {@code OPEN}: never submitted (no row). {@code SUBMITTED}: frozen, waiting
 * for review. {@code REVIEWED}: a coordinator checked it. {@code REOPENED}: its editors (or a coordinator sending
 * it back) opened it again; the last submission stays what others read until the next one.
 */
public enum InventoryState {
    OPEN, SUBMITTED, REVIEWED, REOPENED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InventoryState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** Whether the year's live figures may still change what was submitted: no, it is frozen until reopened. */
    public boolean frozen() {
        return this == SUBMITTED || this == REVIEWED;
    }
}
