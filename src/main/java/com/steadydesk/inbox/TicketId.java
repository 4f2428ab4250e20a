package com.steadydesk.inbox;

/** Typed id of a ticket (the database key; people see the ticket number). */
public record TicketId(long value) {
}
