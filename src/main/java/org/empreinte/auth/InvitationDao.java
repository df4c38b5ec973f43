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
public interface InvitationDao {

    /** As the organization's editors see it: whom they named, as they named them. */
    record Invitation(long id, long organizationId, String email, Long userId, String role, String invitedBy, String createdAt) {
    }

    /** As the invited person sees it: which organization, for which role. */
    record Received(long id, long organizationId, String organizationName, String role, String invitedBy, String createdAt) {
    }

    @SqlQuery("INSERT INTO member_invitation (organization_id, email, user_id, role, invited_by, inviter_id, created_at,"
            + " expires_at) VALUES (:organizationId, :email, :userId, :role, :invitedBy, :inviterId, :now, :expiresAt) RETURNING id")
    long insert(@Bind("organizationId") long organizationId, @Bind("email") String email, @Bind("userId") Long userId,
            @Bind("role") String role, @Bind("invitedBy") String invitedBy, @Bind("inviterId") long inviterId,
            @Bind("now") String now, @Bind("expiresAt") String expiresAt);

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

    @SqlQuery("SELECT id, organization_id, email, user_id, role, invited_by, created_at FROM member_invitation"
            + " WHERE organization_id = :organizationId ORDER BY id")
    List<Invitation> ofOrganization(@Bind("organizationId") long organizationId);

    @SqlUpdate("DELETE FROM member_invitation WHERE organization_id = :organizationId AND id = :id")
    int cancel(@Bind("organizationId") long organizationId, @Bind("id") long id);

    /**
     * Invitations addressed to a person, by address or id, that still hold: not expired, and sent by
     * someone who is still an editor of the organization.
     */
    String FOR_PERSON = " FROM member_invitation i JOIN organization o ON o.id = i.organization_id"
            + " JOIN organization_member inviter ON inviter.organization_id = i.organization_id"
            + " AND inviter.user_id = i.inviter_id AND inviter.role = 'editor'"
            + " WHERE (i.email = :email OR i.user_id = :userId) AND i.expires_at >= :now";

    @SqlQuery("SELECT i.id, i.organization_id, o.name AS organization_name, i.role, i.invited_by, i.created_at"
            + FOR_PERSON + " ORDER BY i.id")
    List<Received> received(@Bind("email") String email, @Bind("userId") long userId, @Bind("now") String now);

    @SqlQuery("SELECT i.id, i.organization_id, o.name AS organization_name, i.role, i.invited_by, i.created_at"
            + FOR_PERSON + " AND i.id = :id")
    Optional<Received> receivedOne(@Bind("email") String email, @Bind("userId") long userId, @Bind("id") long id,
            @Bind("now") String now);

    @SqlUpdate("DELETE FROM member_invitation WHERE id = :id")
    int delete(@Bind("id") long id);
}
