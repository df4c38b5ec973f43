package org.empreinte.network;

/** A network's invitation to an organization, until the organization's editors accept or decline it. */
public final class NetworkInvitation {

    private NetworkInvitation() {
    }

    /** As the invited organization sees it. */
    public record Received(long networkId, String networkName, String createdAt) {
    }

    /** As the network's coordinators see it: the id they gave, nothing learnt from it. */
    public record Sent(long organizationId, String createdAt) {
    }

    /** What a coordinator is told after inviting: the same whichever id was named. */
    public record Invited(String status) {
    }
}
