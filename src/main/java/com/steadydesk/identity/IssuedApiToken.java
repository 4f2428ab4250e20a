package com.steadydesk.identity;

/** A token just created, with its secret: shown to its owner once and never stored in clear. */
public record IssuedApiToken(long id, String secret) {
}
