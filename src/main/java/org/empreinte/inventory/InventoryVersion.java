package org.empreinte.inventory;

/** One submission of a year: its number (1, 2... at each submission), who sent it, and its frozen figures. */
public record InventoryVersion(long id, long organizationId, int year, int version, String submittedAt, String submittedBy,
        long dataRevision, InventorySnapshot snapshot) {
}
