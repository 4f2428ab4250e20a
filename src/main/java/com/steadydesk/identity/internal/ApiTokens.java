package com.steadydesk.identity.internal;

import com.steadydesk.identity.ApiToken;
import com.steadydesk.identity.IssuedApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Repository;

/** Issues and checks API tokens. The secret is shown once at creation and only its hash is stored. */
@Repository
public class ApiTokens {

    private static final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Users users;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** Creates a token for the user and answers the secret, which is never shown again. */
    public IssuedApiToken issue(long userId, String name, Instant expiresAt) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a token needs a name");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "sd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("""
                        insert into api_tokens (user_id, name, prefix, token_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(userId, name.strip(), secret.substring(0, 10), hash(secret), Timestamp.from(Instant.now(clock)),
                        expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(Long.class).single();
        return new IssuedApiToken(id, secret);
    }

    /** Revokes the user's token; answers the revoked token, empty when it is not the user's or was already revoked. */
    public Optional<ApiToken> revoke(long tokenId, long userId) {
        return jdbc.sql("""
                        update api_tokens set revoked_at = ? where id = ? and user_id = ? and revoked_at is null
                        returning id, name, prefix, created_at, expires_at, last_used_at, revoked_at""")
                .params(Timestamp.from(Instant.now(clock)), tokenId, userId)
                .query(ApiTokens::token).optional();
    }

    /** The user's tokens, newest first; a person keeps a handful, so the list is not paginated. */
    public List<ApiToken> of(long userId) {
        return jdbc.sql("select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_tokens where user_id = ? order by id desc")
                .param(userId)
                .query(ApiTokens::token)
                .list();
    }

    /** The authentication for a valid, active token of an active, unlocked user; empty otherwise. */
    Optional<Authentication> authenticate(String secret) {
        Instant now = Instant.now(clock);
        String hash = hash(secret);
        record Match(long userId, boolean stale) {
        }
        Optional<Match> match = jdbc.sql("""
                        select user_id, (last_used_at is null or last_used_at < ?) as stale from api_tokens
                        where token_hash = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
                .params(Timestamp.from(now.minusSeconds(60)), hash, Timestamp.from(now))
                .query(Match.class).optional();
        // At most one write a minute per token, and none on most calls: every API call updating the same row would
        // serialise intake behind that row's lock.
        match.filter(Match::stale).ifPresent(m -> jdbc.sql("""
                        update api_tokens set last_used_at = ? where token_hash = ?
                          and (last_used_at is null or last_used_at < ?)""")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minusSeconds(60))).update());
        Optional<Long> userId = match.map(Match::userId);
        return userId.flatMap(users::findById)
                .filter(u -> u.isActive() && !u.isLocked(now))
                .map(u -> UsernamePasswordAuthenticationToken.authenticated(u.getUsername(), null,
                        u.roleSet().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiToken token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
