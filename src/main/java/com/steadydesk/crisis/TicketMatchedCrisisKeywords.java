package com.steadydesk.crisis;

import com.steadydesk.inbox.TicketId;

/** A ticket just opened mentions a declared crisis's keywords; crisis links it (auto-link), reliably after commit. */
public record TicketMatchedCrisisKeywords(CrisisId crisisId, TicketId ticketId) {
}
