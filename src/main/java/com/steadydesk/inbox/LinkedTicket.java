package com.steadydesk.inbox;

/** A ticket linked to another one. {@code kind}: RELATED, FOLLOW_UP_OF (this one follows up it), FOLLOWED_UP_BY. */
public record LinkedTicket(TicketId id, long number, String subject, TicketStatus status, String kind) {
}
