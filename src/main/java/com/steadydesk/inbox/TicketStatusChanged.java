package com.steadydesk.inbox;

/** Status moved, e.g. OPEN → PENDING (SLA pauses) or → SOLVED (resolution target met). */
public record TicketStatusChanged(TicketId ticketId, TicketStatus from, TicketStatus to) {
}
