package org.empreinte.auth;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.empreinte.audit.Actor;
import org.empreinte.web.Allow;
import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.Permission;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * {@code /invitations/{secret}}: an invitation's one-time link. A person without an account names herself,
 * chooses a password and arrives signed in on the organization; a person with one signs in and accepts. The
 * secret is 256 random bits; every look-up counts like a sign-in attempt from the client's address, so that
 * links cannot be tried in bulk, and a link that is wrong, used, expired or cancelled answers the same 404.
 */
@Path("/invitations/{secret}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class InvitationLinkPages {

    private final InvitationService invitations;
    private final AccountService accounts;
    private final SignInThrottle throttle;
    private final boolean secureCookie;
    private final Duration sessionLength;

    public InvitationLinkPages(InvitationService invitations, AccountService accounts, SignInThrottle throttle,
            boolean secureCookie, Duration sessionLength) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.throttle = throttle;
        this.secureCookie = secureCookie;
        this.sessionLength = sessionLength;
    }

    @Allow(Permission.PUBLIC)
    @GET
    public Response open(@PathParam("secret") String secret, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security, @Context HttpServletRequest request) {
        PageContext context = PageContext.of(uri, headers);
        SignInThrottle.Attempt attempt = throttle.begin("link:" + Secrets.sha256(secret),
                SignInThrottle.client(request.getRemoteAddr()));
        if (!attempt.permitted()) {
            return throttled(context, attempt);
        }
        Optional<InvitationDao.Linked> linked = found(secret, attempt);
        if (linked.isEmpty()) {
            return gone(context);
        }
        return Response.ok(page(context, secret, linked.get(), security, Form.empty(), null)).build();
    }

    /** A person without an account: her name and password; the link is used up, and she is signed in. */
    @Allow(Permission.PUBLIC)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response join(@PathParam("secret") String secret, MultivaluedMap<String, String> params, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context SecurityContext security, @Context HttpServletRequest request) {
        if (AccountPages.crossSite(headers, uri)) {
            // As for signing in: another site's page would otherwise sign the visitor into an account it made.
            throw new AuthException(403, null, "use the form of Empreinte's own page", "error_csrf");
        }
        PageContext context = PageContext.of(uri, headers);
        SignInThrottle.Attempt attempt = throttle.begin("link:" + Secrets.sha256(secret),
                SignInThrottle.client(request.getRemoteAddr()));
        if (!attempt.permitted()) {
            return throttled(context, attempt);
        }
        Optional<InvitationDao.Linked> linked = found(secret, attempt);
        if (linked.isEmpty()) {
            return gone(context);
        }
        Form form = Form.of(params);
        try {
            Actor.set(linked.get().email());
            User user = invitations.joinWithPassword(secret, form.value("name"), params.getFirst("password"));
            AccountService.NewSession session = accounts.openSession(user.id());
            return Response.seeOther(URI.create("/organizations/" + linked.get().organizationId()))
                    .cookie(AccountPages.cookie(session.secret(), sessionLength, secureCookie)).build();
        } catch (ValidationException | AuthException e) {
            form.reject(e, context.messages());
            return Response.status(e.status()).entity(page(context, secret, linked.get(), security, form,
                    e instanceof AuthException ? context.messages().get("invitation_link_has_account") : null)).build();
        } catch (ResourceNotFoundException e) {
            return gone(context);
        }
    }

    /** A signed-in person accepts: only the person the invitation names (else 404, as for any wrong link). */
    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("accept")
    public Response accept(@PathParam("secret") String secret, @Context SecurityContext security,
            @Context HttpServletRequest request) {
        SignInThrottle.Attempt attempt = throttle.begin("link:" + Secrets.sha256(secret),
                SignInThrottle.client(request.getRemoteAddr()));
        if (!attempt.permitted()) {
            throw new AuthException(429, null, "too many attempts: wait a moment", "error_throttled");
        }
        AuthDao.Membership member;
        try {
            member = invitations.acceptLink((User) security.getUserPrincipal(), secret);
            attempt.succeeded();
        } catch (ResourceNotFoundException e) {
            attempt.failed();
            throw e;
        }
        return Response.seeOther(URI.create("/organizations/" + member.organizationId())).build();
    }

    private Optional<InvitationDao.Linked> found(String secret, SignInThrottle.Attempt attempt) {
        Optional<InvitationDao.Linked> linked = Optional.empty();
        try {
            linked = invitations.byLink(secret);
        } finally {
            if (linked.isPresent()) {
                attempt.succeeded();
            } else {
                attempt.failed();
            }
        }
        return linked;
    }

    private static Response throttled(PageContext context, SignInThrottle.Attempt attempt) {
        Map<String, Object> m = new HashMap<>();
        m.put("gone", context.messages().format("login_throttled", attempt.retryAfterSeconds()));
        return Response.status(429).header(HttpHeaders.RETRY_AFTER, attempt.retryAfterSeconds())
                .entity(new TeamPage("invitation-link.mustache", context, context.messages().get("invitation_link_title"), m))
                .build();
    }

    private static Response gone(PageContext context) {
        Map<String, Object> m = new HashMap<>();
        m.put("gone", context.messages().get("invitation_link_gone"));
        return Response.status(404)
                .entity(new TeamPage("invitation-link.mustache", context, context.messages().get("invitation_link_title"), m))
                .build();
    }

    private static TeamPage page(PageContext context, String secret, InvitationDao.Linked linked, SecurityContext security,
            Form form, String error) {
        var messages = context.messages();
        Map<String, Object> m = new HashMap<>();
        m.put("invitation", messages.format("invitation_link_intro", linked.organizationName(),
                messages.get("role_" + linked.role()).toLowerCase(java.util.Locale.ROOT)));
        m.put("action", "/invitations/" + secret);
        m.put("signIn", "/login?next=" + java.net.URLEncoder.encode("/invitations/" + secret, java.nio.charset.StandardCharsets.UTF_8));
        m.put("form", form);
        if (error != null) {
            m.put("error", error);
        }
        if (security.getUserPrincipal() instanceof User user) {
            boolean named = linked.email() != null ? linked.email().equals(user.email())
                    : linked.userId() != null && linked.userId() == user.id();
            m.put(named ? "mayAccept" : "otherPerson", true);
            m.put("signedInAs", messages.format("invitation_link_signed_in_as", user.email()));
        } else {
            m.put("signedOut", true);
            if (linked.email() != null) {
                m.put("email", linked.email());
                m.put("mayChoosePassword", true);
            }
        }
        return new TeamPage("invitation-link.mustache", context, messages.get("invitation_link_title"), m);
    }
}
