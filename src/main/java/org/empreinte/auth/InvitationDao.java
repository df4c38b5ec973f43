package org.empreinte.auth;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Invitations of people to organizations, as their editors wrote them. */
@RegisterConstructorMapper(InvitationDao.Invitation.class)
@RegisterConstructorMapper(InvitationDao.Received.class)
@RegisterConstructorMapper(InvitationDao.Linked.class)
public interface InvitationDao {

    /** As the organization's editors see it: whom they named, as they named them. */
    record Invitation(long id, long organizationId, String email, Long userId, String role, String invitedBy, String createdAt,
            String expiresAt) {
    }

    /** As its one-time link finds it: whom it names, to which organization, in which role. */
    record Linked(long id, long organizationId, String organizationName, String email, Long userId, String role) {
    }

    /** As the invited person sees it: which organization, for which role. */
    record Received(long id, long organizationId, String organizationName, String role, String invitedBy, String createdAt) {
    }

    @SqlQuery("INSERT INTO member_invitation (organization_id, email, user_id, role, invited_by, inviter_id, created_at,"
            + " expires_at, link_hash) VALUES (:organizationId, :email, :userId, :role, :invitedBy, :inviterId, :now, :expiresAt,"
            + " :linkHash) RETURNING id")
    long insert(@Bind("organizationId") long organizationId, @Bind("email") String email, @Bind("userId") Long userId,
            @Bind("role") String role, @Bind("invitedBy") String invitedBy, @Bind("inviterId") long inviterId,
            @Bind("now") String now, @Bind("expiresAt") String expiresAt, @Bind("linkHash") String linkHash);

    @SqlQuery("SELECT COUNT(*) FROM member_invitation WHERE organization_id = :organizationId")
    int count(@Bind("organizationId") long organizationId);

    /** A person leaves: what was addressed to them and what they sent goes with them. */
    @SqlUpdate("DELETE FROM member_invitation WHERE organization_id = :organizationId"
            + " AND (user_id = :userId OR email = :email OR inviter_id = :userId)")
    int deleteConcerning(@Bind("organizationId") long organizationId, @Bind("userId") long userId, @Bind("email") String email);

    @SqlUpdate("DELETE FROM member_invitation WHERE expires_at < :now")
    int deleteExpired(@Bind("now") String now);

    /** A second invitation of the same person replaces the first. */
    @SqlUpdate("DELETE FROM member_invitation WHERE organization_id = :organizationId"
            + " AND (email = :email OR user_id = :userId)")
    int deleteSame(@Bind("organizationId") long organizationId, @Bind("email") String email, @Bind("userId") Long userId);

    @SqlQuery("SELECT id, organization_id, email, user_id, role, invited_by, created_at, expires_at FROM member_invitation"
            + " WHERE organization_id = :organizationId ORDER BY id")
    List<Invitation> ofOrganization(@Bind("organizationId") long organizationId);

    @SqlUpdate("DELETE FROM member_invitation WHERE organization_id = :organizationId AND id = :id")
    int cancel(@Bind("organizationId") long organizationId, @Bind("id") long id);

    /**
     * Whether an invitation still holds: not expired, and sent by someone who is still an editor of the
     * organization or an administrator (the team page invites for them too; the environment's
     * administrator, who is no stored person, has id 0).
     */
    String HOLDS = " i.expires_at >= :now AND (i.inviter_id <= 0"
            + " OR EXISTS (SELECT 1 FROM organization_member inviter WHERE inviter.organization_id = i.organization_id"
            + " AND inviter.user_id = i.inviter_id AND inviter.role = 'editor')"
            + " OR EXISTS (SELECT 1 FROM app_user a WHERE a.id = i.inviter_id AND a.admin))";

    /** Invitations addressed to a person, by address or id, that still hold. */
    String FOR_PERSON = " FROM member_invitation i JOIN organization o ON o.id = i.organization_id"
            + " WHERE (i.email = :email OR i.user_id = :userId) AND" + HOLDS;

    @SqlQuery("SELECT i.id, i.organization_id, o.name AS organization_name, i.role, i.invited_by, i.created_at"
            + FOR_PERSON + " ORDER BY i.id")
    List<Received> received(@Bind("email") String email, @Bind("userId") long userId, @Bind("now") String now);

    @SqlQuery("SELECT i.id, i.organization_id, o.name AS organization_name, i.role, i.invited_by, i.created_at"
            + FOR_PERSON + " AND i.id = :id")
    Optional<Received> receivedOne(@Bind("email") String email, @Bind("userId") long userId, @Bind("id") long id,
            @Bind("now") String now);

    @SqlUpdate("DELETE FROM member_invitation WHERE id = :id")
    int delete(@Bind("id") long id);

    /** The invitation a link's secret opens, while it holds (as {@link #HOLDS} says). */
    @SqlQuery("SELECT i.id, i.organization_id, o.name AS organization_name, i.email, i.user_id, i.role"
            + " FROM member_invitation i JOIN organization o ON o.id = i.organization_id"
            + " WHERE i.link_hash = :hash AND" + HOLDS)
    Optional<Linked> byLink(@Bind("hash") String linkHash, @Bind("now") String now);
}
