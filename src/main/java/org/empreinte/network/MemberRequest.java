package org.empreinte.network;

/** {@code POST /api/networks/{id}/members} (with the organization) and {@code PUT .../members/{orgId}} (sharing only). */
public record MemberRequest(Long organizationId, String sharing) {
}
