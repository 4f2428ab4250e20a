package com.steadydesk.inbox;

/** Anything about the ticket changed (assignee, tags, priority, SLA state...); drives the live inbox (SSE). */
public record TicketChanged(TicketId ticketId) {
}
