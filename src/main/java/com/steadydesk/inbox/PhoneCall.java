package com.steadydesk.inbox;

import com.steadydesk.customers.CustomerId;

/**
 * A call an agent logs. With {@code ticketId} it is added to that ticket; without, a new PHONE ticket is opened for
 * {@code customerId}, or for the customer identified by {@code callerPhone} when no customer id is given.
 */
public record PhoneCall(TicketId ticketId, CustomerId customerId, String callerName, String callerPhone, String subject,
        String summary, CallOutcome outcome) {
}
