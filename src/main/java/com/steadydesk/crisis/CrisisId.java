package com.steadydesk.crisis;

/** Typed id of a crisis event; lower modules know it only as a plain {@code long}. */
public record CrisisId(long value) {
}
