package com.steadydesk.inbox;

import com.steadydesk.channels.AttachmentRef;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a ticket's conversation. {@code kind}: CUSTOMER, REPLY, NOTE, PHONE, SYSTEM. {@code deliveryStatus}
 * (QUEUED, SENT, FAILED) only for replies sent by email. {@code ticketId} differs from the ticket shown when the
 * message came from a ticket merged into it.
 */
public record TicketMessage(long id, TicketId ticketId, String kind, Long authorUserId, Long authorCustomerId, String bodyText,
        String bodyHtml, String channel, String emailMessageId, List<AttachmentRef> attachments, String deliveryStatus,
        String deliveryError, String scriptRefs, String callCaller, String callOutcome, Instant createdAt) {
}
