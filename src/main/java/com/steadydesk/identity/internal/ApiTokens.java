package com.steadydesk.identity.internal;

import com.steadydesk.identity.ApiToken;
import com.steadydesk.identity.IssuedApiToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import com.steadydesk.platform.ReadThroughCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final int MAX_CACHED = 10_000;
    /**
     * Each API call would otherwise read the token and its user (three queries, a third of an intake request's CPU).
     * Revoking a token or changing a user evicts at once on this node; other nodes see it within the maximum age.
     */
    private final ReadThroughCache<String, Holder> holders = new ReadThroughCache<>(this::load, Duration.ofSeconds(10), MAX_CACHED);
    private final Map<String, Instant> lastUseWritten = new ConcurrentHashMap<>();

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
        Optional<ApiToken> revoked = jdbc.sql("""
                        update api_tokens set revoked_at = ? where id = ? and user_id = ? and revoked_at is null
                        returning id, name, prefix, created_at, expires_at, last_used_at, revoked_at""")
                .params(Timestamp.from(Instant.now(clock)), tokenId, userId)
                .query(ApiTokens::token).optional();
        forgetCached(); // after the write: a check in between must not cache the token as still valid
        return revoked;
    }

    /** Revokes every active token of the user (their password changed: whoever knew it may have made one); answers how many. */
    public int revokeAll(long userId) {
        int revoked = jdbc.sql("update api_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(Instant.now(clock)), userId).update();
        forgetCached(); // after the write, as in revoke
        return revoked;
    }

    /** The user's tokens, newest first; a person keeps a handful, so the list is not paginated. */
    public List<ApiToken> of(long userId) {
        return jdbc.sql("select id, name, prefix, created_at, expires_at, last_used_at, revoked_at from api_tokens where user_id = ? order by id desc")
                .param(userId)
                .query(ApiTokens::token)
                .list();
    }

    /** The authentication for a valid, active token of an active user; empty otherwise. */
    Optional<Authentication> authenticate(String secret) {
        Instant now = Instant.now(clock);
        String hash = hash(secret);
        Optional<Holder> holder = holders.get(hash).filter(h -> h.validAt(now));
        holder.ifPresent(h -> noteUse(hash, now));
        return holder.map(h -> UsernamePasswordAuthenticationToken.authenticated(h.username(), null, h.authorities()));
    }

    /** Forgets what was read about tokens and their users (a token revoked, a user changed). */
    void forgetCached() {
        holders.evictAllNowAndAfterCommit();
    }

    /** A token's user as the check needs it; {@code validUntil} null = no expiry. */
    private record Holder(String username, List<SimpleGrantedAuthority> authorities, boolean active, Instant expiresAt) {

        boolean validAt(Instant now) {
            return active && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private Map<String, Holder> load(Collection<String> hashes) {
        Map<String, Holder> found = new HashMap<>();
        for (String hash : hashes) {
            record Match(long userId, Timestamp expiresAt) {
            }
            jdbc.sql("select user_id, expires_at from api_tokens where token_hash = ? and revoked_at is null")
                    .param(hash).query(Match.class).optional()
                    .ifPresent(m -> users.findById(m.userId()).ifPresent(u -> found.put(hash, new Holder(u.getUsername(),
                            u.roleSet().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(), u.isActive(),
                            m.expiresAt() == null ? null : m.expiresAt().toInstant()))));
        }
        return found;
    }

    /**
     * Writes last_used_at at most once a minute per token and node, and none on most calls: every API call updating
     * the same row would serialise intake behind that row's lock.
     */
    private void noteUse(String hash, Instant now) {
        Instant written = lastUseWritten.get(hash);
        if (written != null && written.isAfter(now.minusSeconds(60))) {
            return;
        }
        lastUseWritten.put(hash, now);
        if (lastUseWritten.size() > MAX_CACHED) {
            lastUseWritten.clear(); // a bound, not an LRU: at worst a few extra writes
        }
        jdbc.sql("update api_tokens set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamp.from(now), hash, Timestamp.from(now.minusSeconds(60))).update();
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
