package com.steadydesk.inbox;

import com.steadydesk.customers.VipTier;

/**
 * One ticket to open in a batch: the command and the requester's VIP tier as the caller knows it (null = not VIP;
 * later changes arrive with {@code CustomerUpdated}). Whoever is the current user opens it (the intake writers act as
 * the sender).
 */
public record TicketOpening(OpenTicket command, VipTier requesterTier) {
}
