package com.steadydesk.inbox;

/**
 * A message was added to a ticket. {@code kind}: CUSTOMER (from the requester), REPLY (public, by an agent),
 * NOTE (internal), PHONE (a logged call), SYSTEM.
 */
public record MessageAdded(TicketId ticketId, long messageId, String kind) {
}
