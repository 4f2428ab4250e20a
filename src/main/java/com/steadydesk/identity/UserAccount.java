package com.steadydesk.identity;

import java.time.Instant;
import java.util.Set;

/** A user as an administrator sees it: the summary plus login delay ({@code lockedUntil}, from the login throttle) and login history. */
public record UserAccount(UserId id, String username, String displayName, String email, Set<Role> roles, boolean active,
        Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

    /** Logins to the account wait at {@code now} because of failed logins (see the identity module's LoginThrottle). */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
