package com.steadydesk.inbox;

import com.steadydesk.channels.Channel;

/** A new ticket exists. SLA clocks start; automation evaluates rules; crisis counts it. */
public record TicketOpened(TicketId ticketId, Channel channel) {
}
