package com.steadydesk.crisis;

/** The crisis is over; lower modules clean up their crisis-only content. */
public record CrisisClosed(CrisisId crisisId) {
}
