package com.steadydesk.inbox;

/** A ticket got (or changed) its satisfaction rating. */
public record TicketRated(TicketId ticketId, int score) {
}
