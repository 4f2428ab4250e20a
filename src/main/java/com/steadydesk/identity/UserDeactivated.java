package com.steadydesk.identity;

/** A user may no longer log in; workforce starts a handover, inbox unassigns open tickets. */
public record UserDeactivated(UserId userId, String username) {
}
