package com.steadydesk.inbox.internal;

import com.steadydesk.channels.DeliveryFailed;
import com.steadydesk.channels.InboundMessageReceived;
import com.steadydesk.channels.InboundMessages;
import com.steadydesk.channels.MessageDelivered;
import com.steadydesk.channels.ParsedInboundMessage;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.CustomerUpdated;
import com.steadydesk.identity.UserDeactivated;
import com.steadydesk.inbox.TicketChanged;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the inbox does when other modules report: inbound messages become tickets (or thread into one), delivery
 * reports update the reply's status, a changed VIP tier is copied onto the customer's tickets, a deactivated agent's
 * open tickets go back to the queue. The ids are stable:
 * the event publication registry stores them, so renaming a method never orphans pending work.
 */
@Component
class InboxListeners {

    private static final Logger log = LoggerFactory.getLogger(InboxListeners.class);
    private static final String CORRELATION = "ticket-message:";

    private final TicketManagement tickets;
    private final InboundMessages inbound;
    private final CustomerManagement customers;
    private final Messages messages;
    private final TicketJournal journal;
    private final ApplicationEventPublisher events;

    InboxListeners(TicketManagement tickets, InboundMessages inbound, CustomerManagement customers, Messages messages,
            TicketJournal journal, ApplicationEventPublisher events) {
        this.tickets = tickets;
        this.inbound = inbound;
        this.customers = customers;
        this.messages = messages;
        this.journal = journal;
        this.events = events;
    }

    @ApplicationModuleListener(id = "inbox.intake")
    void on(InboundMessageReceived event) {
        ParsedInboundMessage message = inbound.get(event.id());
        CustomerProfile customer = message.fromAddress() != null && !message.fromAddress().isBlank()
                ? customers.identifyByEmail(message.fromAddress(), message.fromName())
                : customers.identifyByPhone(message.fields() == null ? null : message.fields().get("phone"), message.fromName());
        TicketId ticket = tickets.receive(message, customer);
        log.debug("inbound {} threaded into ticket {}", event.id().value(), ticket.value());
    }

    @ApplicationModuleListener(id = "inbox.delivery-sent")
    void on(MessageDelivered event) {
        updateDelivery(event.correlation(), "SENT", null);
    }

    @ApplicationModuleListener(id = "inbox.delivery-failed")
    void on(DeliveryFailed event) {
        // while channels retries, the reply stays QUEUED with the reason; the last attempt makes it FAILED
        updateDelivery(event.correlation(), event.willRetry() ? "QUEUED" : "FAILED", event.reason());
    }

    @ApplicationModuleListener(id = "inbox.customer-tier")
    void on(CustomerUpdated event) {
        customers.find(event.customerId()).ifPresent(c -> tickets.requesterTierChanged(c.id(), c.vipTier()));
    }

    /**
     * Nothing may stay assigned to someone who is gone. The hand-over page has usually moved her tickets already;
     * a deactivation through the API (or anything left over) returns them to the queue, each with a history entry.
     */
    @ApplicationModuleListener(id = "inbox.assignee-deactivated")
    void on(UserDeactivated event) {
        int returned = tickets.handOver(event.userId(), List.of());
        if (returned > 0) {
            log.info("{} open tickets of deactivated user {} returned to the queue", returned, event.username());
        }
    }

    private void updateDelivery(String correlation, String status, String error) {
        if (correlation == null || !correlation.startsWith(CORRELATION)) {
            return; // not ours
        }
        long messageId = Long.parseLong(correlation.substring(CORRELATION.length()));
        if (messages.updateDelivery(messageId, status, error) > 0) {
            journal.ticketsOfMessage(messageId).forEach(t -> events.publishEvent(new TicketChanged(new TicketId(t))));
        }
    }
}
