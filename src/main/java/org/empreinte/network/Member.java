package org.empreinte.network;

/** One organization's membership of one network and what it shares there. */
public record Member(long networkId, String networkName, long organizationId, String organizationName, String sharing,
        String updatedAt) {
}
