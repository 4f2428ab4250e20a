package com.steadydesk.identity;

/** Typed id of a user (agent, lead, admin...). */
public record UserId(long value) {
}
