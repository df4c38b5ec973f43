package org.empreinte.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import org.empreinte.audit.AuditTrail;
import org.empreinte.audit.UnitOfWork;
import org.empreinte.web.ConflictException;
import org.empreinte.web.ResourceNotFoundException;
import org.empreinte.web.ValidationException;

/**
 * An organization's people as its editors run them: a role changed, a person removed. An organization always
 * keeps one editor when its editors change it, or nobody but an administrator could ever change it again;
 * administrators, who can name a new editor at once, may leave it without one.
 */
public class TeamService {

    /** The organization's row, locked before its editors are counted. */
    interface Lock {
        /**
         * A write that changes nothing: on PostgreSQL it holds the row until the transaction ends, so that two
         * editors removing each other at once are counted one after the other (SQLite writes one at a time anyway).
         */
        @SqlUpdate("UPDATE organization SET data_revision = data_revision WHERE id = :id")
        int lock(@Bind("id") long organizationId);
    }

    private final AuthDao dao;
    private final InvitationDao invitations;
    private final Lock lock;
    private final UnitOfWork units;

    public TeamService(Jdbi jdbi, UnitOfWork units) {
        this.dao = jdbi.onDemand(AuthDao.class);
        this.invitations = jdbi.onDemand(InvitationDao.class);
        this.lock = jdbi.onDemand(Lock.class);
        this.units = units;
    }

    public record RoleRequest(String role) {
    }

    public static String role(String raw) {
        String role = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!role.equals(AccountService.EDITOR) && !role.equals(AccountService.VIEWER)) {
            throw new ValidationException("role", "role must be editor or viewer", "error_choice", "editor, viewer");
        }
        return role;
    }

    public List<AuthDao.Membership> members(long organizationId) {
        return dao.members(organizationId);
    }

    public AuthDao.Membership changeRole(long organizationId, long userId, String requested, boolean administrator) {
        String role = role(requested);
        return units.write(organizationId, changes -> {
            String before = current(organizationId, userId);
            if (!administrator && AccountService.EDITOR.equals(before) && !AccountService.EDITOR.equals(role)) {
                keepOneEditor(organizationId, "role");
            }
            dao.deleteMember(organizationId, userId);
            dao.insertMember(organizationId, userId, role);
            AuthDao.Membership member = dao.members(organizationId).stream().filter(m -> m.userId() == userId)
                    .findFirst().orElseThrow();
            changes.record("member", userId, AuditTrail.UPDATE, Map.of("role", before), member);
            return member;
        });
    }

    public void removeMember(long organizationId, long userId, boolean administrator) {
        units.run(organizationId, changes -> {
            String before = current(organizationId, userId);
            if (!administrator && AccountService.EDITOR.equals(before)) {
                keepOneEditor(organizationId, "userId");
            }
            dao.deleteMember(organizationId, userId);
            // Nothing left behind that would let them back in: invitations to them, and those they sent.
            invitations.deleteConcerning(organizationId, userId, dao.user(userId).map(User::email).orElse(""));
            changes.record("member", userId, AuditTrail.DELETE, Map.of("role", before), null);
        });
    }

    private String current(long organizationId, long userId) {
        lock.lock(organizationId);
        Optional<String> role = dao.role(organizationId, userId);
        return role.orElseThrow(() -> new ResourceNotFoundException("member", userId));
    }

    private void keepOneEditor(long organizationId, String field) {
        long editors = dao.members(organizationId).stream().filter(m -> AccountService.EDITOR.equals(m.role())).count();
        if (editors <= 1) {
            throw new ConflictException(field, "the organization must keep at least one editor: name another editor first",
                    "error_last_editor");
        }
    }
}
