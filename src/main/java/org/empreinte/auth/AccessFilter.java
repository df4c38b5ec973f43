package org.empreinte.auth;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.empreinte.web.ErrorResponses;

/**
 * Every address under an organization ({@code {orgId}} in its path, API and pages alike) checks the
 * caller's role there: none answers 404, as if the organization did not exist, so that its existence
 * is not revealed; a viewer may read but not write (403). Checked here once, after matching, rather
 * than in each resource, so that a new endpoint cannot forget it.
 */
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final AccountService accounts;

    public AccessFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof User user)) {
            return;
        }
        String orgId = request.getUriInfo().getPathParameters().getFirst("orgId");
        if (!networkAllowed(request, user, orgId != null)) {
            return;
        }
        if (orgId == null) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(orgId);
        } catch (NumberFormatException e) {
            return; // the resource answers 404 for an id that is not a number
        }
        AccountService.Access access = accounts.access(user, id);
        // A coordinator reads the data of a member that shares its details, and never writes it; a
        // member's consent (under a network's address) is its editors' to change.
        if (access == AccountService.Access.NONE) {
            request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, 404,
                    "organization " + id + " not found", null, "error_not_found"));
        } else if (access == AccountService.Access.READ && (!SAFE.contains(request.getMethod())
                || request.getUriInfo().getPath(false).endsWith("/audit"))) {
            request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, 403,
                    "a viewer of this organization may read its data, not change it", null, "error_forbidden"));
        }
    }

    /**
     * Networks: administrators create them and name their coordinators; a network's own addresses
     * (its dashboard, aggregate, target, members) answer its coordinators and administrators, and 404
     * to anyone else. Returns false when the request was refused.
     */
    private boolean networkAllowed(ContainerRequestContext request, User user, boolean memberAddress) {
        String path = request.getUriInfo().getPath(false).replaceFirst("^/+", "");
        if (!path.startsWith("api/networks") && !path.startsWith("networks")) {
            return true;
        }
        boolean write = !SAFE.contains(request.getMethod());
        if ((path.equals("api/networks") || path.equals("networks")) && write && !user.admin()) {
            request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, 403,
                    "only an administrator creates networks", null, "error_forbidden"));
            return false;
        }
        String networkId = request.getUriInfo().getPathParameters().getFirst("id");
        if (networkId == null || memberAddress || !networkId.matches("\\d{1,18}")) {
            return true;
        }
        long id = Long.parseLong(networkId);
        if (!accounts.mayCoordinate(user, id)) {
            request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, 404,
                    "network " + id + " not found", null, "error_not_found"));
            return false;
        }
        if (path.contains("/coordinators") && write && !user.admin()) {
            request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, 403,
                    "only an administrator names coordinators", null, "error_forbidden"));
            return false;
        }
        return true;
    }
}
