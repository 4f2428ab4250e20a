package com.steadydesk.inbox;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import java.time.Instant;
import java.util.List;

/** A row of the inbox list. {@code slaState}: NONE, OK, AT_RISK or BREACHED (kept by the SLA engine). */
public record TicketSummary(TicketId id, long number, String subject, TicketStatus status, TicketPriority priority, Channel channel,
        CustomerId customerId, String requesterVipTier, Long assigneeId, String groupName, List<String> tags, Instant createdAt,
        Instant updatedAt, String slaState, Instant slaNextDueAt) {

    public boolean vip() {
        return requesterVipTier != null && !"NONE".equals(requesterVipTier);
    }
}
