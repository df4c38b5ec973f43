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
        String orgId = request.getUriInfo().getPathParameters().getFirst("orgId");
        if (orgId == null || !(request.getSecurityContext().getUserPrincipal() instanceof User user)) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(orgId);
        } catch (NumberFormatException e) {
            return; // the resource answers 404 for an id that is not a number
        }
        AccountService.Access access = accounts.access(user, id);
        if (access == AccountService.Access.NONE) {
            request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, 404,
                    "organization " + id + " not found", null, "error_not_found"));
        } else if (access == AccountService.Access.READ && !SAFE.contains(request.getMethod())) {
            request.abortWith(ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, 403,
                    "a viewer of this organization may read its data, not change it", null, "error_forbidden"));
        }
    }
}
