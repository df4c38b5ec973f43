package org.empreinte.inventory;

/** Where an organization's year stands, without its figures: what a network's coordinators may list. */
public record YearState(long organizationId, String state, int version, String submittedAt, String updatedAt, String comment) {
}
