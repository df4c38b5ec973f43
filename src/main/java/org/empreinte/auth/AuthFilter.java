package org.empreinte.auth;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import io.dropwizard.auth.AuthenticationException;
import io.dropwizard.auth.Authenticator;
import org.glassfish.jersey.media.multipart.FormDataBodyPart;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.server.ContainerRequest;

import org.empreinte.audit.Actor;
import org.empreinte.web.ErrorResponses;
import org.empreinte.web.PageContext;

/**
 * Who is asking: a Bearer token (the API, scripts, and pages too, as {@code API.md} allows) or the
 * session cookie of a signed-in person. It only says who; what they may reach is decided after
 * routing by {@link AccessFilter}, which also answers 401 or sends to the sign-in page. A form posted
 * with the session cookie must carry the session's CSRF token: a cookie is sent by the browser
 * whatever page made the request, a token only by Empreinte's own forms.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter, jakarta.ws.rs.container.ContainerResponseFilter {

    public static final String SESSION_COOKIE = "empreinte_session";
    public static final String CSRF_FIELD = "csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Authenticator<String, User> tokens;
    private final AccountService accounts;

    public AuthFilter(Authenticator<String, User> tokens, AccountService accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Actor.clear();
        request.getHeaders().remove(PageContext.CSRF_HEADER);
        request.getHeaders().remove(PageContext.USER_HEADER);
        request.getHeaders().remove(PageContext.ROLES_HEADER);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            Optional<User> user = authorization.startsWith("Bearer ") ? bearer(authorization.substring(7).strip())
                    : Optional.empty();
            if (user.isEmpty()) {
                request.abortWith(refusal(request, 401, "the token is not valid (Authorization: Bearer <token>)",
                        "error_unauthorized"));
                return;
            }
            authenticate(request, user.get(), "Bearer");
            return;
        }
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        Optional<AccountService.SignedIn> session = cookie == null ? Optional.empty() : accounts.session(cookie.getValue());
        if (session.isEmpty()) {
            // Nobody: whether the route is open to nobody is the access filter's to say, once it is matched.
            return;
        }
        if (!SAFE.contains(request.getMethod()) && !Secrets.same(postedCsrf(request), session.get().csrfToken())) {
            request.abortWith(refusal(request, 403, "this form has expired or did not come from Empreinte: reload the page",
                    "error_csrf"));
            return;
        }
        authenticate(request, session.get().user(), "FORM");
        request.getHeaders().putSingle(PageContext.CSRF_HEADER, session.get().csrfToken());
        request.getHeaders().putSingle(PageContext.USER_HEADER, session.get().user().name());
        User user = session.get().user();
        // One small query per page, for the header to link the networks only to those who may open them.
        request.getHeaders().putSingle(PageContext.ROLES_HEADER, user.admin() ? "admin"
                : accounts.networksCoordinatedBy(user).isEmpty() ? "" : "coordinator");
    }

    private Optional<User> bearer(String token) {
        try {
            return tokens.authenticate(token);
        } catch (AuthenticationException e) {
            return Optional.empty();
        }
    }

    /** The form's {@code csrf} field (a urlencoded form or a multipart upload), or the X-CSRF-Token header. */
    private static String postedCsrf(ContainerRequestContext context) {
        String header = context.getHeaderString("X-CSRF-Token");
        if (header != null) {
            return header;
        }
        MediaType type = context.getMediaType();
        if (type == null || !(context instanceof ContainerRequest request)) {
            return null;
        }
        if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            request.bufferEntity();
            return request.readEntity(Form.class).asMap().getFirst(CSRF_FIELD);
        }
        if (type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            request.bufferEntity();
            FormDataBodyPart part = request.readEntity(FormDataMultiPart.class).getField(CSRF_FIELD);
            return part == null ? null : part.getValue();
        }
        return null;
    }

    /** The request is answered: its thread forgets who wrote. */
    @Override
    public void filter(ContainerRequestContext request, jakarta.ws.rs.container.ContainerResponseContext response) {
        Actor.clear();
    }

    private static void authenticate(ContainerRequestContext request, User user, String scheme) {
        Actor.set(user.id() > 0 ? user.email() : "EMPREINTE_ADMIN_TOKEN");
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "admin".equals(role) && user.admin();
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return scheme;
            }
        });
    }

    private static Response refusal(ContainerRequestContext request, int status, String message, String key) {
        Response response = ErrorResponses.build(request.getUriInfo(), (HttpHeaders) request, status, message, null, key);
        return status == 401 ? Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : response;
    }
}
