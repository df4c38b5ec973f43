package org.empreinte.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.network.MemberContacts;
import org.empreinte.network.NetworkAccess;
import org.empreinte.organization.OrganizationAccess;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.Paging;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/** People, their tokens and sessions, and their roles in organizations. */
public class AccountService implements OrganizationAccess, NetworkAccess, MemberContacts {

    public static final String EDITOR = "editor";
    public static final String VIEWER = "viewer";

    /** A token as created: the only time its secret is shown. */
    public record CreatedToken(long id, String label, String token, String createdAt) {
    }

    /** A session as opened by signing in: the cookie's secret and the CSRF token of its forms. */
    public record NewSession(String secret, String csrfToken, long expiresAt) {
    }

    public record SignedIn(User user, String csrfToken) {
    }

    private final Jdbi jdbi;
    private final AuthDao dao;
    private final OrganizationDao organizations;
    private final InvitationDao invitations;
    private final Clock clock;
    private final Duration sessionLength;
    private final UnitOfWork units;
    /** Tokens whose last use this instance wrote within the minute: not written again until it ends. */
    private final Cache<String, Boolean> recentlyTouched = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(60)).build();

    public AccountService(Jdbi jdbi, UnitOfWork units, Clock clock, Duration sessionLength) {
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(AuthDao.class);
        this.organizations = jdbi.onDemand(OrganizationDao.class);
        this.invitations = jdbi.onDemand(InvitationDao.class);
        this.clock = clock;
        this.sessionLength = sessionLength;
        this.units = units;
    }

    public record UserRequest(String email, String name, String password, Boolean admin) {
    }

    /** An address as stored and compared: trimmed, lower case, one line of at most 254 characters with one @. */
    static String email(String raw) {
        String email = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw new ValidationException("email", "email must be an address such as name@example.org", "error_email");
        }
        return TextFields.line("email", email);
    }

    public User createUser(UserRequest request) {
        String email = email(request.email());
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new ValidationException("name", "name is required (200 characters at most)", "error_required");
        }
        TextFields.line("name", name);
        if (request.password() != null) {
            PasswordRules.check("password", request.password(), email, name);
        }
        String hash = request.password() == null ? null : Secrets.hashPassword(request.password());
        return jdbi.inTransaction(handle -> {
            if (dao.userByEmail(email).isPresent()) {
                throw new AuthException(409, "email", "a user with this email already exists", "error_email_taken");
            }
            long id = dao.insertUser(email, name, hash, Boolean.TRUE.equals(request.admin()), clock.instant().toString());
            return dao.user(id).orElseThrow();
        });
    }

    /**
     * The first administrator, on a database without users: with the password given, or a new random one,
     * returned so that start-up can show it once.
     */
    public Optional<String> ensureFirstAdministrator(String email, String password) {
        if (dao.userCount() > 0) {
            return Optional.empty();
        }
        boolean given = password != null && !password.isBlank();
        String chosen = given ? password : Secrets.newSecret("").substring(0, 20);
        try {
            createUser(new UserRequest(email, "Administrateur", chosen, true));
        } catch (ValidationException e) {
            // Start-up stops rather than create the one administrator with a password anyone could guess.
            throw new IllegalStateException((given && "password".equals(e.field())
                    ? "EMPREINTE_ADMIN_PASSWORD (auth.firstAdminPassword) is refused: " + e.getMessage()
                            + (e.getMessage().endsWith(".") ? "" : ".") + " Choose one of " + PasswordRules.MIN_LENGTH + " to "
                            + PasswordRules.MAX_LENGTH + " characters that is hard to guess, or leave it empty for a random"
                            + " one shown once on the console."
                    : "the first administrator cannot be created: " + e.field() + ": " + e.getMessage()), e);
        }
        return given ? Optional.of("") : Optional.of(chosen);
    }

    public List<User> users() {
        return dao.users();
    }

    /**
     * Changes one's own password, the current one checked first; the person's other sessions end, the
     * one making the change stays open.
     */
    public void changePassword(User user, String current, String chosen, String keptSession) {
        if (!Secrets.passwordMatches(current == null ? "" : current, dao.passwordHash(user.email()).orElse(null))) {
            throw new ValidationException("currentPassword", "the current password is not this one", "error_password_wrong");
        }
        PasswordRules.check("newPassword", chosen, user.email(), user.name(), current);
        jdbi.useTransaction(handle -> {
            dao.setPasswordHash(user.id(), Secrets.hashPassword(chosen));
            dao.deleteOtherSessions(user.id(), keptSession == null ? "" : Secrets.sha256(keptSession));
        });
    }

    public User user(long userId) {
        return dao.user(userId).orElseThrow(() -> new ResourceNotFoundException("user", userId));
    }

    public CreatedToken createToken(long userId, String label) {
        String clean = TextFields.blankToNull(label);
        if (clean != null && clean.length() > 100) {
            throw new ValidationException("label", "label must be at most 100 characters", "error_too_long", 100);
        }
        TextFields.line("label", clean);
        String token = Secrets.newSecret("emp_");
        String now = clock.instant().toString();
        return jdbi.inTransaction(handle -> {
            user(userId);
            long id = dao.insertToken(userId, clean, Secrets.sha256(token), now);
            return new CreatedToken(id, clean, token, now);
        });
    }

    public List<AuthDao.Token> tokens(long userId) {
        user(userId);
        return dao.tokens(userId);
    }

    /** Revokes a token: refused from the next request on, by every instance, since none keeps tokens in memory. */
    public void revokeToken(long userId, long tokenId) {
        jdbi.useTransaction(handle -> {
            dao.tokenHash(userId, tokenId).orElseThrow(() -> new ResourceNotFoundException("token", tokenId));
            dao.revokeToken(userId, tokenId, clock.instant().toString());
        });
    }

    /**
     * The owner of a stored, unrevoked token, read from the database on every request: one indexed query, and the
     * only way for several instances on one database to agree at once on a revocation. Its last use is written at
     * most once a minute per token and instance, so that a script's requests do not each take the write lock.
     */
    public Optional<User> userOfToken(String token) {
        String hash = Secrets.sha256(token);
        Optional<User> user = dao.userOfToken(hash);
        if (user.isPresent() && recentlyTouched.getIfPresent(hash) == null) {
            recentlyTouched.put(hash, Boolean.TRUE);
            dao.touchToken(hash, clock.instant().toString(), clock.instant().minusSeconds(60).toString());
        }
        return user;
    }

    /** Signs in; empty for an unknown email or a wrong password alike, in about the same time. */
    public Optional<NewSession> signIn(String email, String password) {
        String clean = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Optional<String> hash = dao.passwordHash(clean);
        // An unknown address still pays one Argon2 computation, so timing does not tell which addresses exist.
        boolean matches = Secrets.passwordMatches(password == null ? "" : password, hash.orElseGet(() -> DummyHash.VALUE));
        if (hash.isEmpty() || !matches) {
            return Optional.empty();
        }
        return Optional.of(openSession(dao.userByEmail(clean).orElseThrow().id()));
    }

    /** A new session for the person: after signing in, or after choosing a password through an invitation's link. */
    public NewSession openSession(long userId) {
        String secret = Secrets.newSecret("");
        String csrf = Secrets.newSecret("");
        long expiresAt = clock.instant().plus(sessionLength).getEpochSecond();
        jdbi.useTransaction(handle -> {
            dao.deleteExpiredSessions(clock.instant().getEpochSecond());
            dao.insertSession(userId, Secrets.sha256(secret), csrf, expiresAt);
        });
        return new NewSession(secret, csrf, expiresAt);
    }

    /**
     * The hash an unknown address is checked against, made at the first such sign-in rather than when the class loads:
     * one Argon2 computation was a tenth of the service's start-up.
     */
    private static final class DummyHash {
        static final String VALUE = Secrets.hashPassword("not a password of anyone's");
    }

    public Optional<SignedIn> session(String secret) {
        return dao.session(Secrets.sha256(secret))
                .filter(s -> s.expiresAt() > clock.instant().getEpochSecond())
                .flatMap(s -> dao.user(s.userId()).map(u -> new SignedIn(u, s.csrfToken())));
    }

    public void signOut(String secret) {
        dao.deleteSession(Secrets.sha256(secret));
    }

    /** What a person may do with an organization's data. */
    public enum Access { NONE, READ, WRITE }

    public Access access(User user, long organizationId) {
        if (user.admin()) {
            return Access.WRITE;
        }
        return dao.role(organizationId, user.id()).map(role -> EDITOR.equals(role) ? Access.WRITE : Access.READ)
                .orElseGet(() -> dao.detailedConsents(user.id(), organizationId) > 0 ? Access.READ : Access.NONE);
    }

    /** Administrators see every network; a coordinator, the networks they coordinate. */
    public boolean mayCoordinate(User user, long networkId) {
        return user.admin() || dao.networksCoordinatedBy(user.id()).contains(networkId);
    }

    public java.util.Set<Long> networksCoordinatedBy(User user) {
        return user.admin() ? null : java.util.Set.copyOf(dao.networksCoordinatedBy(user.id()));
    }

    @Override
    public java.util.Set<Long> networks(java.security.Principal who) {
        return who instanceof User user ? networksCoordinatedBy(user) : null;
    }

    @Override
    public boolean mayConsentFor(java.security.Principal who, long organizationId) {
        return !(who instanceof User user) || access(user, organizationId) == Access.WRITE;
    }

    @Override
    public boolean insider(java.security.Principal who, long organizationId) {
        return !(who instanceof User user) || user.admin() || dao.role(organizationId, user.id()).isPresent();
    }

    /** A person named by id or, from the network's page, by address ({@code userId} wins when both are given). */
    public record CoordinatorRequest(Long userId, String email) {
    }

    public User addCoordinator(long networkId, CoordinatorRequest request) {
        if (request.userId() == null && (request.email() == null || request.email().isBlank())) {
            throw new ValidationException(request.email() == null ? "userId" : "email", "userId is required", "error_required");
        }
        return jdbi.inTransaction(handle -> {
            if (dao.networkExists(networkId) == 0) {
                throw new ResourceNotFoundException("network", networkId);
            }
            // Only administrators name coordinators, and they see every account: saying that none has an address is no leak.
            User user = request.userId() != null ? dao.user(request.userId()).orElseThrow(() -> new ValidationException("userId",
                    "no user " + request.userId(), "error_user_unknown", request.userId()))
                    : dao.userByEmail(email(request.email())).orElseThrow(() -> new ValidationException("email",
                            "no user has the address " + request.email().strip(), "error_user_unknown", request.email().strip()));
            dao.deleteCoordinator(networkId, user.id());
            dao.insertCoordinator(networkId, user.id());
            return user;
        });
    }

    public List<User> coordinators(long networkId) {
        return dao.coordinators(networkId);
    }

    @Override
    public List<org.empreinte.network.NetworkAccess.Coordinator> coordinatorsOf(long networkId) {
        return coordinators(networkId).stream()
                .map(u -> new org.empreinte.network.NetworkAccess.Coordinator(u.id(), u.name(), u.email())).toList();
    }

    @Override
    public void nameCoordinator(long networkId, String email) {
        addCoordinator(networkId, new CoordinatorRequest(null, email == null ? "" : email));
    }

    public void removeCoordinator(long networkId, long userId) {
        if (dao.deleteCoordinator(networkId, userId) == 0) {
            throw new ResourceNotFoundException("coordinator", userId);
        }
    }


    /** A person named by address or, as API.md allows, by id; {@code email} wins when both are given. */
    public record MemberRequest(Long userId, String email, String role) {
    }

    /**
     * Adds a person at once: for administrators, who see every account anyway. Editors invite instead
     * ({@link InvitationService}), so that they cannot learn who has an account.
     */
    public AuthDao.Membership addMember(long organizationId, MemberRequest request) {
        InvitationService.Invitee invitee = InvitationService.invitee(request);
        return units.write(organizationId, changes -> {
            User user = (invitee.email() != null ? dao.userByEmail(invitee.email()) : dao.user(invitee.userId()))
                    .orElseThrow(() -> invitee.email() != null
                            ? new ValidationException("email", "no user has the address " + invitee.email(), "error_user_unknown",
                                    invitee.email())
                            : new ValidationException("userId", "no user " + invitee.userId(), "error_user_unknown",
                                    invitee.userId()));
            Optional<String> before = dao.role(organizationId, user.id());
            dao.deleteMember(organizationId, user.id());
            dao.insertMember(organizationId, user.id(), invitee.role());
            AuthDao.Membership member = dao.members(organizationId).stream().filter(m -> m.userId() == user.id())
                    .findFirst().orElseThrow();
            changes.record("member", user.id(), before.isPresent() ? AuditTrail.UPDATE : AuditTrail.CREATE,
                    before.map(r -> Map.of("role", r)).orElse(null), member);
            return member;
        });
    }

    @Override
    public java.util.Set<Long> visible(java.security.Principal who) {
        if (!(who instanceof User user) || user.admin()) {
            return null;
        }
        return java.util.Set.copyOf(dao.organizationsOf(user.id()));
    }

    /** The creator of an organization becomes its editor (an administrator sees every organization already). */
    @Override
    public void created(long organizationId, java.security.Principal who) {
        if (who instanceof User user && !user.admin()) {
            dao.insertMember(organizationId, user.id(), EDITOR);
        }
    }

    /**
     * The organization's people. Its own people and administrators see their addresses; a coordinator
     * reading a member that shares its details sees names and roles only.
     */
    public Paging.Slice<AuthDao.Membership> members(long organizationId, java.security.Principal who, Paging paging) {
        List<AuthDao.Membership> rows = paging.isFirst() ? dao.membersAfter(organizationId, "", 0, paging.limit() + 1)
                : dao.membersAfter(organizationId, paging.text(0), paging.number(1), paging.limit() + 1);
        List<AuthDao.Membership> shown = insider(who, organizationId) ? rows : rows.stream()
                .map(m -> new AuthDao.Membership(m.organizationId(), m.userId(), m.role(), null, m.name())).toList();
        // The cursor holds a name and an id, both shown already: never an address.
        return paging.slice(shown, m -> Paging.cursor(m.name(), m.userId()));
    }

    /** Campaign reminders go to those who may submit the year: the editors, never its viewers. */
    @Override
    public Map<Long, List<String>> editors(java.util.Collection<Long> organizationIds) {
        Map<Long, List<String>> editors = new java.util.LinkedHashMap<>();
        for (long organizationId : organizationIds) {
            List<String> addresses = dao.members(organizationId).stream().filter(m -> EDITOR.equals(m.role()))
                    .map(AuthDao.Membership::email).toList();
            if (!addresses.isEmpty()) {
                editors.put(organizationId, addresses);
            }
        }
        return editors;
    }
}
