package com.steadydesk.inbox;

import com.steadydesk.customers.VipTier;

/**
 * One ticket to open in a batch: the command, the requester's VIP tier as the caller knows it (null = not VIP; later
 * changes arrive with {@code CustomerUpdated}) and who opens it (for the history of an assignment made at opening).
 */
public record TicketOpening(OpenTicket command, VipTier requesterTier, String actor) {
}
