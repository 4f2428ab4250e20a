package com.steadydesk.inbox;

import com.steadydesk.channels.Channel;

/**
 * A new ticket exists; automation evaluates rules, crisis matches its keywords. The subject and the text of the
 * first message travel with the event so that listeners matching words need not read the ticket back: at a thousand
 * tickets a second, a read per listener per ticket is what would cost.
 */
public record TicketOpened(TicketId ticketId, Channel channel, String subject, String firstMessage) {
}
