package org.empreinte.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

import org.empreinte.audit.Actor;
import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.mail.Mailer;
import org.empreinte.organization.OrganizationDao;
import org.empreinte.web.Messages;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.TextFields;
import org.empreinte.web.ValidationException;

/**
 * People join an organization by invitation: its editors name them by address (or by id, as API.md
 * allows), and the person accepts once signed in. Naming someone answers the same whether or not
 * they have an account, so that an organization's editors (anyone may create one) cannot use the
 * form to learn who uses Empreinte; only administrators, who see every account, add people at once.
 */
public class InvitationService {

    private final Jdbi jdbi;
    private final InvitationDao dao;
    private final AuthDao accounts;
    private final UnitOfWork units;
    private final Clock clock;

    /** How long an invitation waits to be accepted. */
    public static final Duration VALID = Duration.ofDays(14);
    /** Invitations waiting at once per organization: enough for a team, not for spraying addresses. */
    public static final int MAX_PENDING = 100;

    private final Mailer mailer;
    private final String mailBaseUrl;

    public InvitationService(Jdbi jdbi, UnitOfWork units, Clock clock) {
        this(jdbi, units, clock, Mailer.OFF, "");
    }

    /** With the mailer that sends each invitation's link, and the address its links lead to. */
    public InvitationService(Jdbi jdbi, UnitOfWork units, Clock clock, Mailer mailer, String mailBaseUrl) {
        this.mailer = mailer;
        this.mailBaseUrl = mailBaseUrl.replaceAll("/+$", "");
        this.jdbi = jdbi;
        this.dao = jdbi.onDemand(InvitationDao.class);
        this.accounts = jdbi.onDemand(AuthDao.class);
        this.units = units;
        this.clock = clock;
    }

    /** Who is named, and in which role: checked before anything is looked up. */
    public record Invitee(String email, Long userId, String role) {
    }

    public static Invitee invitee(AccountService.MemberRequest request) {
        String role = request.role() == null ? "" : request.role().strip().toLowerCase(Locale.ROOT);
        if (!role.equals(AccountService.EDITOR) && !role.equals(AccountService.VIEWER)) {
            throw new ValidationException("role", "role must be editor or viewer", "error_choice", "editor, viewer");
        }
        String email = request.email() == null || request.email().isBlank() ? null : AccountService.email(request.email());
        if (email == null && request.userId() == null) {
            throw new ValidationException("email", "email is required: the address of the person to invite", "error_required");
        }
        return new Invitee(email, email == null ? request.userId() : null, role);
    }

    /**
     * Records the invitation and returns the secret of its one-time link (only its hash is kept); what it
     * answers does not depend on whether the person exists. It holds {@link #VALID} and only while its
     * sender is still an editor, so that an editor who is removed cannot come back through an invitation
     * they sent themselves or another account of theirs.
     */
    public String invite(long organizationId, User inviter, Invitee invitee) {
        String secret = Secrets.newSecret("");
        units.run(organizationId, changes -> {
            dao.deleteExpired(clock.instant().toString());
            dao.deleteSame(organizationId, invitee.email(), invitee.userId());
            if (dao.count(organizationId) >= MAX_PENDING) {
                throw new ValidationException("email", "this organization already has " + MAX_PENDING
                        + " invitations waiting: cancel some first", "error_invitations_full", MAX_PENDING);
            }
            long id = dao.insert(organizationId, invitee.email(), invitee.userId(), invitee.role(), Actor.current(),
                    inviter.id(), clock.instant().toString(), clock.instant().plus(VALID).toString(), Secrets.sha256(secret));
            changes.record("invitation", id, AuditTrail.CREATE, null, dao.ofOrganization(organizationId)
                    .stream().filter(i -> i.id() == id).findFirst().orElseThrow());
        });
        return secret;
    }

    /** What became of the e-mail of an invitation's link. */
    public enum Mailed { OFF, SENT, FAILED }

    /**
     * E-mails the link, in French (the language of the people Empreinte serves first), when mail is on and the
     * person was named by address; a failure leaves the invitation standing, its link shown to the inviter.
     */
    public Mailed mail(long organizationId, Invitee invitee, String secret) {
        if (!mailer.enabled() || invitee.email() == null) {
            return Mailed.OFF;
        }
        Messages french = Messages.of(Messages.FRENCH);
        String name = jdbi.onDemand(OrganizationDao.class).require(organizationId).name();
        String body = french.format("team_mail_body", name, french.get("role_" + invitee.role()).toLowerCase(Locale.ROOT),
                mailBaseUrl + "/invitations/" + secret, Long.toString(VALID.toDays()));
        try {
            mailer.send(new Mailer.Message(invitee.email(), french.format("team_mail_subject", name), body));
            return Mailed.SENT;
        } catch (Mailer.MailFailure e) {
            return Mailed.FAILED;
        }
    }

    /** The invitation a link opens, while it holds: empty for a secret that is wrong, used, expired or withdrawn. */
    public Optional<InvitationDao.Linked> byLink(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        return dao.byLink(Secrets.sha256(secret), clock.instant().toString());
    }

    /**
     * A signed-in person accepts through the link: only the person it names (by address or id), so that a
     * link forwarded or seen by someone else does not let them in; anyone else gets 404.
     */
    public AuthDao.Membership acceptLink(User user, String secret) {
        return jdbi.inTransaction(handle -> {
            InvitationDao.Linked linked = byLink(secret).filter(l -> l.email() != null ? l.email().equals(user.email())
                    : l.userId() != null && l.userId() == user.id())
                    .orElseThrow(() -> new ResourceNotFoundException("invitation", 0));
            return join(user, linked.id(), linked.organizationId(), linked.role());
        });
    }

    /**
     * A person without an account opens the link, names herself and chooses a password: the account is
     * created with the invitation's address and joins its organization, in one transaction that also uses
     * up the link. An address that has an account already is told to sign in (409): its password is never
     * set here.
     */
    public User joinWithPassword(String secret, String name, String password) {
        InvitationDao.Linked found = byLink(secret).orElseThrow(() -> new ResourceNotFoundException("invitation", 0));
        if (found.email() == null) {
            throw new AuthException(409, "email", "this invitation is for an existing account: sign in to accept it",
                    "error_invitation_sign_in");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new ValidationException("name", "name is required (200 characters at most)", "error_required");
        }
        TextFields.line("name", clean);
        PasswordRules.check("password", password, found.email(), clean);
        String hash = Secrets.hashPassword(password);
        return jdbi.inTransaction(handle -> {
            InvitationDao.Linked linked = byLink(secret).orElseThrow(() -> new ResourceNotFoundException("invitation", 0));
            if (accounts.userByEmail(linked.email()).isPresent()) {
                throw new AuthException(409, "email", "this address has an account already: sign in to accept the invitation",
                        "error_invitation_sign_in");
            }
            long id = accounts.insertUser(linked.email(), clean, hash, false, clock.instant().toString());
            User user = accounts.user(id).orElseThrow();
            join(user, linked.id(), linked.organizationId(), linked.role());
            return user;
        });
    }

    /** Joins in the invitation's role and deletes it: a second use, even at the same moment, finds nothing. */
    private AuthDao.Membership join(User user, long invitationId, long organizationId, String role) {
        return units.write(organizationId, changes -> {
            if (dao.delete(invitationId) == 0) {
                throw new ResourceNotFoundException("invitation", invitationId);
            }
            Optional<String> before = accounts.role(organizationId, user.id());
            accounts.deleteMember(organizationId, user.id());
            accounts.insertMember(organizationId, user.id(), role);
            AuthDao.Membership member = accounts.members(organizationId).stream().filter(m -> m.userId() == user.id())
                    .findFirst().orElseThrow();
            changes.record("member", user.id(), before.isPresent() ? AuditTrail.UPDATE : AuditTrail.CREATE,
                    before.map(r -> Map.of("role", r)).orElse(null), member);
            return member;
        });
    }

    public List<InvitationDao.Invitation> pending(long organizationId) {
        return dao.ofOrganization(organizationId);
    }

    public void cancel(long organizationId, long invitationId) {
        units.run(organizationId, changes -> {
            if (dao.cancel(organizationId, invitationId) == 0) {
                throw new ResourceNotFoundException("invitation", invitationId);
            }
            changes.record("invitation", invitationId, AuditTrail.DELETE, Map.of("id", invitationId), null);
        });
    }

    /** The invitations addressed to this person, by their address or their id. */
    public List<InvitationDao.Received> received(User user) {
        return dao.received(user.email(), user.id(), clock.instant().toString());
    }

    /** Joins the organization in the role the invitation gave; another person's invitation is not found. */
    public AuthDao.Membership accept(User user, long invitationId) {
        // The organization is known once the invitation is read: the unit joins that transaction.
        return jdbi.inTransaction(handle -> {
            InvitationDao.Received invitation = mine(user, invitationId);
            return join(user, invitationId, invitation.organizationId(), invitation.role());
        });
    }

    public void decline(User user, long invitationId) {
        jdbi.useTransaction(handle -> {
            InvitationDao.Received invitation = mine(user, invitationId);
            units.run(invitation.organizationId(), changes -> {
                dao.delete(invitationId);
                changes.record("invitation", invitationId, AuditTrail.DELETE, invitation, null);
            });
        });
    }

    private InvitationDao.Received mine(User user, long invitationId) {
        return dao.receivedOne(user.email(), user.id(), invitationId, clock.instant().toString())
                .orElseThrow(() -> new ResourceNotFoundException("invitation", invitationId));
    }
}
