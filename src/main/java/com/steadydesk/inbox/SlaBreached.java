package com.steadydesk.inbox;

import java.time.Instant;

/** A ticket missed an SLA target. {@code metric}: FIRST_RESPONSE or RESOLUTION. */
public record SlaBreached(TicketId ticketId, String metric, Instant dueAt) {
}
