package org.empreinte.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;


import org.empreinte.web.Form;
import org.empreinte.web.PageContext;
import org.empreinte.web.ValidationException;
import org.empreinte.web.Allow;
import org.empreinte.web.Permission;

/** Signing in and out, and the account page: one's tokens, and for administrators the users. */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AccountPages {

    private final AccountService accounts;
    private final InvitationService invitations;
    private final boolean secureCookie;
    private final Duration sessionLength;
    private final SignInThrottle throttle;

    public AccountPages(AccountService accounts, boolean secureCookie,
            Duration sessionLength, SignInThrottle throttle, InvitationService invitations) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.secureCookie = secureCookie;
        this.sessionLength = sessionLength;
        this.throttle = throttle;
    }

    @Allow(Permission.PUBLIC)
    @GET
    @Path("login")
    public SignInPage signInForm(@QueryParam("next") String next, @Context UriInfo uri, @Context HttpHeaders headers) {
        return new SignInPage(PageContext.of(uri, headers), safeNext(next), null, false);
    }

    @Allow(Permission.PUBLIC)
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context HttpServletRequest request) {
        if (crossSite(headers, uri)) {
            // Login CSRF: another site's page would sign the visitor into an account of the attacker's choosing.
            throw new AuthException(403, null, "sign in from Empreinte's own page", "error_csrf");
        }
        Form form = Form.of(params);
        String next = safeNext(form.value("next"));
        // The connection's own address: X-Forwarded-For is whatever the client wrote, unless the connector is
        // told to trust a proxy (useForwardedHeaders), in which case Jetty has already put the proxy's word here.
        SignInThrottle.Attempt attempt = throttle.begin(form.value("email"), SignInThrottle.client(request.getRemoteAddr()));
        if (!attempt.permitted()) {
            long seconds = attempt.retryAfterSeconds();
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).entity(new SignInPage(
                    PageContext.of(uri, headers).at("/login"), next, form.value("email"), false).throttled(seconds)).build();
        }
        Optional<AccountService.NewSession> signedIn = Optional.empty();
        try {
            signedIn = accounts.signIn(form.value("email"), params.getFirst("password"));
        } finally {
            if (signedIn.isPresent()) {
                attempt.succeeded();
            } else {
                attempt.failed();
            }
        }
        return signedIn
                .map(session -> Response.seeOther(URI.create(next)).cookie(cookie(session.secret(), sessionLength)).build())
                .orElseGet(() -> Response.status(401).entity(new SignInPage(PageContext.of(uri, headers).at("/login"), next,
                        form.value("email"), true)).build());
    }

    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("logout")
    public Response signOut(@CookieParam(AuthFilter.SESSION_COOKIE) String session) {
        if (session != null) {
            accounts.signOut(session);
        }
        return Response.seeOther(URI.create("/login")).cookie(cookie("", Duration.ZERO)).build();
    }

    @Allow(Permission.SIGNED_IN)
    @GET
    @Path("account")
    public AccountPage account(@Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext security,
            @QueryParam("password") String password) {
        return page(PageContext.of(uri, headers), (User) security.getUserPrincipal(), null, Form.empty())
                .withPasswordChanged("changed".equals(password));
    }

    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("account/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public AccountPage createToken(MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        User user = (User) security.getUserPrincipal();
        PageContext context = PageContext.of(uri, headers).at("/account");
        try {
            // Shown in this response only: the page that lists tokens never has their secrets.
            return page(context, user, accounts.createToken(user.id(), params.getFirst("label")).token(), Form.empty());
        } catch (ValidationException e) {
            return page(context, user, null, Form.empty());
        }
    }

    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("account/tokens/{tokenId}/revoke")
    public Response revoke(@PathParam("tokenId") long tokenId, @Context SecurityContext security) {
        User user = (User) security.getUserPrincipal();
        accounts.revokeToken(user.id(), tokenId);
        return Response.seeOther(URI.create("/account")).build();
    }

    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("account/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changePassword(MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security, @CookieParam(AuthFilter.SESSION_COOKIE) String session) {
        User user = (User) security.getUserPrincipal();
        PageContext context = PageContext.of(uri, headers).at("/account");
        try {
            accounts.changePassword(user, params.getFirst("currentPassword"), params.getFirst("newPassword"), session);
            return Response.seeOther(URI.create("/account?password=changed")).build();
        } catch (ValidationException e) {
            Form form = Form.empty().reject(e, context.messages());
            return Response.status(422).entity(page(context, user, null, Form.empty()).withPasswordForm(form)).build();
        }
    }

    @Allow(Permission.ADMINISTRATOR)
    @POST
    @Path("account/users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createUser(MultivaluedMap<String, String> params, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context SecurityContext security) {
        Form form = Form.of(params);
        PageContext context = PageContext.of(uri, headers).at("/account");
        try {
            accounts.createUser(new AccountService.UserRequest(form.value("email"), form.value("name"),
                    params.getFirst("password"), "on".equals(form.value("admin"))));
            return Response.seeOther(URI.create("/account#users")).build();
        } catch (ValidationException | AuthException e) {
            form.reject(e, context.messages());
            return Response.status(e.status()).entity(page(context, (User) security.getUserPrincipal(), null, form)).build();
        }
    }

    /** Joins the organization that invited the person, and opens it. */
    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("account/invitations/{invitationId}/accept")
    public Response acceptInvitation(@PathParam("invitationId") long invitationId, @Context SecurityContext security) {
        AuthDao.Membership member = invitations.accept((User) security.getUserPrincipal(), invitationId);
        return Response.seeOther(URI.create("/organizations/" + member.organizationId())).build();
    }

    @Allow(Permission.SIGNED_IN)
    @POST
    @Path("account/invitations/{invitationId}/decline")
    public Response declineInvitation(@PathParam("invitationId") long invitationId, @Context SecurityContext security) {
        invitations.decline((User) security.getUserPrincipal(), invitationId);
        return Response.seeOther(URI.create("/account")).build();
    }

    private AccountPage page(PageContext context, User user, String newToken, Form userForm) {
        boolean stored = user.id() > 0;
        return new AccountPage(context, user, stored ? accounts.tokens(user.id()) : java.util.List.of(),
                user.admin() ? accounts.users() : java.util.List.of(), newToken, userForm)
                .withInvitations(stored ? invitations.received(user) : java.util.List.of());
    }

    private NewCookie cookie(String value, Duration maxAge) {
        return cookie(value, maxAge, secureCookie);
    }

    /** The session cookie: also set by an invitation's link, for the person who has just chosen her password. */
    static NewCookie cookie(String value, Duration maxAge, boolean secure) {
        return new NewCookie.Builder(AuthFilter.SESSION_COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge((int) maxAge.toSeconds()).build();
    }

    /**
     * A single slash, then printable ASCII only: browsers drop tabs and line breaks from an address, so
     * "/\t/evil.example" would reach them as "//evil.example", another site; and a backslash counts as a slash.
     */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[\\x21-\\x7e]{0,2000}");

    /**
     * Only a path of this site: never another site's address, which would make the form an open redirect.
     * Anything else leads home, never to an error: text that is no valid address would otherwise fail in
     * the Location header and reach the log as typed.
     */
    private static String safeNext(String next) {
        if (next == null || !LOCAL_PATH.matcher(next).matches()) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /** A form posted by another site's page, as the browser says (Sec-Fetch-Site, else Origin). */
    static boolean crossSite(HttpHeaders headers, UriInfo uri) {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null) {
            return "cross-site".equalsIgnoreCase(site.strip());
        }
        String origin = headers.getHeaderString("Origin");
        if (origin == null || origin.isBlank() || "null".equals(origin.strip())) {
            return false;
        }
        try {
            URI from = URI.create(origin.strip());
            URI here = uri.getBaseUri();
            return !(java.util.Objects.equals(from.getHost(), here.getHost()) && from.getPort() == here.getPort());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
