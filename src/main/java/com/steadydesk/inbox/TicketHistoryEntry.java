package com.steadydesk.inbox;

import java.time.Instant;

/** One change of a ticket: who changed which field from what to what, when. */
public record TicketHistoryEntry(String actor, String field, String from, String to, Instant at) {
}
