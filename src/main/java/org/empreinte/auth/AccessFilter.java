package org.empreinte.auth;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.empreinte.web.Allow;
import org.empreinte.web.ErrorResponses;
import org.empreinte.web.Permission;

/**
 * Decides every request from the route Jersey matched: the {@link Allow} declared on its method (or
 * class) and the ids among its path parameters. Deciding after matching, rather than from the raw
 * path, means that no spelling of an address ({@code +1}, {@code %2B1}, full-width digits, leading
 * zeros, a trailing slash, {@code ;x=1}) can reach a method unchecked: the parameters read here are
 * the ones the method receives, and an id that is not written the one canonical way is refused
 * before Jersey could convert it to another organization's. A route that declares nothing is refused.
 */
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    /** Ids as Empreinte writes them: ASCII digits, no sign, no leading zero, within a long. */
    private static final Pattern CANONICAL_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final AccountService accounts;

    @Context
    private ResourceInfo resource;

    public AccessFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    /** For tests: the filter with the matched route given rather than injected. */
    AccessFilter(AccountService accounts, ResourceInfo resource) {
        this.accounts = accounts;
        this.resource = resource;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Allow allow = declared(resource.getResourceMethod(), resource.getResourceClass());
        if (allow == null) {
            // Jersey's own answers (an automatic OPTIONS) have no method of ours: refused quietly. A method
            // of ours without a declaration is a mistake a test should have caught.
            if (resource.getResourceMethod() != null
                    && resource.getResourceMethod().getDeclaringClass().getName().startsWith("org.empreinte.")) {
                LOG.error("{} {} reached {} which declares no @Allow: refused", request.getMethod(),
                        request.getUriInfo().getPath(), resource.getResourceMethod());
            }
            request.abortWith(refusal(request, 403, "this address declares no access rule", "error_forbidden"));
            return;
        }
        List<Permission> permissions = List.of(allow.value());
        if (permissions.contains(Permission.PUBLIC)) {
            return;
        }
        if (!(request.getSecurityContext().getUserPrincipal() instanceof User user)) {
            request.abortWith(signInFirst(request));
            return;
        }
        Response firstRefusal = null;
        for (Permission permission : permissions) {
            Response refusal = refusal(request, user, permission);
            if (refusal == null) {
                return;
            }
            if (firstRefusal == null) {
                firstRefusal = refusal;
            }
        }
        request.abortWith(firstRefusal);
    }

    /** Null when {@code permission} lets {@code user} through, else the answer that refuses them. */
    private Response refusal(ContainerRequestContext request, User user, Permission permission) {
        switch (permission) {
            case SIGNED_IN:
                return null;
            case ADMINISTRATOR:
                return user.admin() ? null : refusal(request, 403, "only an administrator may do this", "error_forbidden");
            case ORGANIZATION_READ, ORGANIZATION_WRITE, ORGANIZATION_HISTORY: {
                Optional<Long> id = id(request, "orgId");
                AccountService.Access access = id.map(organization -> accounts.access(user, organization))
                        .orElse(AccountService.Access.NONE);
                if (access == AccountService.Access.NONE) {
                    return refusal(request, 404, "organization " + id.map(String::valueOf).orElse("") + " not found",
                            "error_not_found");
                }
                if (permission != Permission.ORGANIZATION_READ && access != AccountService.Access.WRITE) {
                    return refusal(request, 403, permission == Permission.ORGANIZATION_HISTORY
                            ? "the history of an organization is for its editors"
                            : "a viewer of this organization may read its data, not change it", "error_forbidden");
                }
                return null;
            }
            case NETWORK_COORDINATE: {
                Optional<Long> id = id(request, "networkId");
                return id.isPresent() && accounts.mayCoordinate(user, id.get()) ? null
                        : refusal(request, 404, "network " + id.map(String::valueOf).orElse("") + " not found",
                                "error_not_found");
            }
            case SELF: {
                Optional<Long> id = id(request, "userId");
                return id.isPresent() && (user.admin() || user.id() == id.get()) ? null
                        : refusal(request, 404, "user " + id.map(String::valueOf).orElse("") + " not found",
                                "error_not_found");
            }
            default:
                throw new IllegalStateException("no rule for " + permission);
        }
    }

    /**
     * The route's id parameter, decoded as Jersey hands it to the method; empty when it is missing or
     * not written the canonical way (Jersey would turn {@code +1} or {@code ０１} into 1).
     */
    private static Optional<Long> id(ContainerRequestContext request, String name) {
        String value = request.getUriInfo().getPathParameters(true).getFirst(name);
        return value != null && CANONICAL_ID.matcher(value).matches() ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    private static Response signInFirst(ContainerRequestContext request) {
        if (ErrorResponses.isApi(request.getUriInfo())) {
            return Response.fromResponse(refusal(request, 401, "a token is required: Authorization: Bearer <token>",
                    "error_unauthorized")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        URI asked = request.getUriInfo().getRequestUri();
        String next = asked.getRawPath() + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery());
        return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8))).build();
    }

    private static Response refusal(ContainerRequestContext request, int status, String message, String key) {
        return ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, status, message, null, key);
    }

    static Allow declared(Method method, Class<?> type) {
        Allow onMethod = method == null ? null : method.getAnnotation(Allow.class);
        return onMethod != null ? onMethod : type == null ? null : type.getAnnotation(Allow.class);
    }

    /** A route as Jersey's resource model has it: its HTTP method, its path template and what it declares. */
    public record Route(String method, String path, Allow allow) {
    }

    /**
     * Every route of these resource classes, read from the resource model Jersey builds from them: what
     * a test checks, so that a new route cannot forget to say who may call it, nor escape the access matrix.
     */
    public static List<Route> routes(Collection<Class<?>> resourceClasses) {
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : resourceClasses) {
            if (Resource.isAcceptable(type) && type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(type), "", routes);
            }
        }
        return routes;
    }

    private static void collect(Resource resource, String parent, List<Route> routes) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            Method handler = method.getInvocable().getHandlingMethod();
            routes.add(new Route(method.getHttpMethod(), path, declared(handler, handler.getDeclaringClass())));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String join(String parent, String path) {
        if (path == null || path.isEmpty()) {
            return parent.isEmpty() ? "/" : parent;
        }
        String tail = path.startsWith("/") ? path : "/" + path;
        String head = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
        String joined = head + tail;
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
