package com.steadydesk.identity;

import java.time.Instant;

/** An API token as listed to its owner or an admin: never the secret, only its first characters. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    /** Whether the token would authenticate a request at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
