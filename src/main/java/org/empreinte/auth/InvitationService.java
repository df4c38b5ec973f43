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
import org.empreinte.web.ResourceNotFoundException;
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

    public InvitationService(Jdbi jdbi, UnitOfWork units, Clock clock) {
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
     * Records the invitation; what it answers does not depend on whether the person exists. It holds
     * {@link #VALID} and only while its sender is still an editor, so that an editor who is removed
     * cannot come back through an invitation they sent themselves or another account of theirs.
     */
    public void invite(long organizationId, User inviter, Invitee invitee) {
        units.run(organizationId, changes -> {
            dao.deleteExpired(clock.instant().toString());
            dao.deleteSame(organizationId, invitee.email(), invitee.userId());
            if (dao.count(organizationId) >= MAX_PENDING) {
                throw new ValidationException("email", "this organization already has " + MAX_PENDING
                        + " invitations waiting: cancel some first", "error_invitations_full", MAX_PENDING);
            }
            long id = dao.insert(organizationId, invitee.email(), invitee.userId(), invitee.role(), Actor.current(),
                    inviter.id(), clock.instant().toString(), clock.instant().plus(VALID).toString());
            changes.record("invitation", id, AuditTrail.CREATE, null, dao.ofOrganization(organizationId)
                    .stream().filter(i -> i.id() == id).findFirst().orElseThrow());
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
            long organizationId = invitation.organizationId();
            return units.write(organizationId, changes -> {
                Optional<String> before = accounts.role(organizationId, user.id());
                accounts.deleteMember(organizationId, user.id());
                accounts.insertMember(organizationId, user.id(), invitation.role());
                dao.delete(invitationId);
                AuthDao.Membership member = accounts.members(organizationId).stream().filter(m -> m.userId() == user.id())
                        .findFirst().orElseThrow();
                changes.record("member", user.id(), before.isPresent() ? AuditTrail.UPDATE : AuditTrail.CREATE,
                        before.map(role -> Map.of("role", role)).orElse(null), member);
                return member;
            });
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
