package org.empreinte.auth;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Users, their tokens and sessions (as hashes), and their roles in organizations. */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(AuthDao.Token.class)
@RegisterConstructorMapper(AuthDao.Session.class)
@RegisterConstructorMapper(AuthDao.Membership.class)
public interface AuthDao {

    /** A token as listed: never its secret, which only its creation response shows. */
    record Token(long id, long userId, String label, String createdAt, String lastUsedAt, String revokedAt) {
    }

    record Session(long id, long userId, String csrfToken, long expiresAt) {
    }

    record Membership(long organizationId, long userId, String role, String email, String name) {
    }

    String USER = "id, email, name, admin, created_at";

    @SqlQuery("INSERT INTO app_user (email, name, password_hash, admin, created_at) VALUES (:email, :name, :hash, :admin, :now)"
            + " RETURNING id")
    long insertUser(@Bind("email") String email, @Bind("name") String name, @Bind("hash") String passwordHash,
            @Bind("admin") boolean admin, @Bind("now") String now);

    @SqlQuery("SELECT " + USER + " FROM app_user WHERE id = :id")
    Optional<User> user(@Bind("id") long id);

    @SqlQuery("SELECT " + USER + " FROM app_user WHERE email = :email")
    Optional<User> userByEmail(@Bind("email") String email);

    @SqlQuery("SELECT password_hash FROM app_user WHERE email = :email")
    Optional<String> passwordHash(@Bind("email") String email);

    @SqlUpdate("UPDATE app_user SET password_hash = :hash WHERE id = :id")
    int setPasswordHash(@Bind("id") long userId, @Bind("hash") String passwordHash);

    /** Signs a person out everywhere: after a password change, the other sessions end. */
    @SqlUpdate("DELETE FROM user_session WHERE user_id = :userId AND session_hash <> :keep")
    void deleteOtherSessions(@Bind("userId") long userId, @Bind("keep") String keptSessionHash);

    @SqlQuery("SELECT " + USER + " FROM app_user ORDER BY email")
    List<User> users();

    @SqlQuery("SELECT COUNT(*) FROM app_user")
    long userCount();

    @SqlQuery("INSERT INTO api_token (user_id, label, token_hash, created_at) VALUES (:userId, :label, :hash, :now) RETURNING id")
    long insertToken(@Bind("userId") long userId, @Bind("label") String label, @Bind("hash") String tokenHash,
            @Bind("now") String now);

    @SqlQuery("SELECT u.id, u.email, u.name, u.admin, u.created_at FROM api_token t JOIN app_user u ON u.id = t.user_id"
            + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL")
    Optional<User> userOfToken(@Bind("hash") String tokenHash);

    @SqlQuery("SELECT id, user_id, label, created_at, last_used_at, revoked_at FROM api_token WHERE user_id = :userId ORDER BY id")
    List<Token> tokens(@Bind("userId") long userId);

    @SqlQuery("SELECT token_hash FROM api_token WHERE id = :id AND user_id = :userId")
    Optional<String> tokenHash(@Bind("userId") long userId, @Bind("id") long tokenId);

    @SqlUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND user_id = :userId AND revoked_at IS NULL")
    int revokeToken(@Bind("userId") long userId, @Bind("id") long tokenId, @Bind("now") String now);

    /** The last-used date, written at most once a minute per token: every API call reads it, few need to write. */
    @SqlUpdate("UPDATE api_token SET last_used_at = :now WHERE token_hash = :hash"
            + " AND (last_used_at IS NULL OR last_used_at < :minuteAgo)")
    int touchToken(@Bind("hash") String tokenHash, @Bind("now") String now, @Bind("minuteAgo") String minuteAgo);

    @SqlUpdate("INSERT INTO user_session (user_id, session_hash, csrf_token, expires_at) VALUES (:userId, :hash, :csrf, :expiresAt)")
    void insertSession(@Bind("userId") long userId, @Bind("hash") String sessionHash, @Bind("csrf") String csrfToken,
            @Bind("expiresAt") long expiresAt);

    @SqlQuery("SELECT id, user_id, csrf_token, expires_at FROM user_session WHERE session_hash = :hash")
    Optional<Session> session(@Bind("hash") String sessionHash);

    @SqlUpdate("DELETE FROM user_session WHERE session_hash = :hash")
    void deleteSession(@Bind("hash") String sessionHash);

    @SqlUpdate("DELETE FROM user_session WHERE expires_at < :now")
    void deleteExpiredSessions(@Bind("now") long now);

    @SqlQuery("SELECT role FROM organization_member WHERE organization_id = :organizationId AND user_id = :userId")
    Optional<String> role(@Bind("organizationId") long organizationId, @Bind("userId") long userId);

    @SqlQuery("SELECT organization_id FROM organization_member WHERE user_id = :userId")
    List<Long> organizationsOf(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM organization_member WHERE organization_id = :organizationId AND user_id = :userId")
    int deleteMember(@Bind("organizationId") long organizationId, @Bind("userId") long userId);

    @SqlUpdate("INSERT INTO organization_member (organization_id, user_id, role) VALUES (:organizationId, :userId, :role)")
    void insertMember(@Bind("organizationId") long organizationId, @Bind("userId") long userId, @Bind("role") String role);

    @SqlQuery("SELECT m.organization_id, m.user_id, m.role, u.email, u.name FROM organization_member m"
            + " JOIN app_user u ON u.id = m.user_id WHERE m.organization_id = :organizationId ORDER BY u.email")
    List<Membership> members(@Bind("organizationId") long organizationId);

    /** A page of the organization's people by name then id, after the given name and id (from the start: "" and 0). */
    @SqlQuery("SELECT m.organization_id, m.user_id, m.role, u.email, u.name FROM organization_member m"
            + " JOIN app_user u ON u.id = m.user_id WHERE m.organization_id = :organizationId"
            + " AND (u.name > :name OR (u.name = :name AND u.id > :id)) ORDER BY u.name, u.id LIMIT :limit")
    List<Membership> membersAfter(@Bind("organizationId") long organizationId, @Bind("name") String name, @Bind("id") long id,
            @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM network WHERE id = :id")
    int networkExists(@Bind("id") long networkId);

    @SqlUpdate("DELETE FROM network_coordinator WHERE network_id = :networkId AND user_id = :userId")
    int deleteCoordinator(@Bind("networkId") long networkId, @Bind("userId") long userId);

    @SqlUpdate("INSERT INTO network_coordinator (network_id, user_id) VALUES (:networkId, :userId)")
    void insertCoordinator(@Bind("networkId") long networkId, @Bind("userId") long userId);

    @SqlQuery("SELECT network_id FROM network_coordinator WHERE user_id = :userId")
    List<Long> networksCoordinatedBy(@Bind("userId") long userId);

    @SqlQuery("SELECT " + USER + " FROM app_user WHERE id IN (SELECT user_id FROM network_coordinator WHERE network_id = :networkId)"
            + " ORDER BY email")
    List<User> coordinators(@Bind("networkId") long networkId);

    /** Whether the person coordinates a network with which the organization shares its details. */
    @SqlQuery("SELECT COUNT(*) FROM network_coordinator c JOIN network_member m ON m.network_id = c.network_id"
            + " WHERE c.user_id = :userId AND m.organization_id = :organizationId AND m.sharing = 'detailed'")
    int detailedConsents(@Bind("userId") long userId, @Bind("organizationId") long organizationId);
}
