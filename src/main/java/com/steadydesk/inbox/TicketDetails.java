package com.steadydesk.inbox;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ticket with everything its page shows, including the SLA targets (read-only here) and the web-form fields.
 * {@code mergedIntoId} is set when the ticket was closed as a duplicate.
 */
public record TicketDetails(TicketId id, long number, String subject, TicketStatus status, TicketPriority priority, Channel channel,
        CustomerId customerId, String requesterVipTier, Long assigneeId, String groupName, List<String> tags, Long crisisId,
        TicketId mergedIntoId, Instant createdAt, Instant updatedAt, Instant lastCustomerMessageAt, Instant lastAgentReplyAt,
        Instant firstRespondedAt, Instant solvedAt, Instant closedAt, String slaState, Instant slaFirstResponseDueAt,
        Instant slaResolutionDueAt, Instant slaPausedSince, Instant slaNextDueAt, Map<String, String> fields) {

    public boolean vip() {
        return requesterVipTier != null && !"NONE".equals(requesterVipTier);
    }
}
