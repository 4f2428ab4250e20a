package com.steadydesk.identity;

import java.time.Instant;
import java.util.Set;

/** A user as an administrator sees it: the summary plus lock-out state and login history. */
public record UserAccount(UserId id, String username, String displayName, String email, Set<Role> roles, boolean active,
        Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

    /** Locked out by failed logins at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
