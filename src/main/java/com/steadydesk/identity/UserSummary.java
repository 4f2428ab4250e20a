package com.steadydesk.identity;

import java.util.Set;

/** What other modules may know of a user: enough to show and assign, nothing secret. */
public record UserSummary(UserId id, String username, String displayName, String email, Set<Role> roles, boolean active) {
}
