package org.empreinte.inventory;

/** Where an organization's year stands, without its figures: what a network's coordinators may list. */
public record YearState(long organizationId, String state, int version, String submittedAt, String updatedAt, String comment,
        boolean commentFromOrganization) {

    /**
     * The comment as a network's coordinators may read it: theirs (a review, a send-back), never one the
     * organization's own people wrote reopening their year, which is theirs to explain or not.
     */
    public String commentForNetwork() {
        return commentFromOrganization ? null : comment;
    }
}
