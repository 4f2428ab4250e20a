package com.steadydesk.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.steadydesk.channels.Channel;
import com.steadydesk.channels.DeliveryFailed;
import com.steadydesk.channels.MessageDelivered;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Delivery reports from channels update the reply's delivery status (the listeners run after commit, async). */
@SpringBootTest
@AutoConfigureMockMvc
class InboxListenersTests {

    @Autowired
    TicketManagement tickets;
    @Autowired
    Messages messages;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    long queuedReply(TicketId ticket) {
        Message reply = Message.byAgent(ticket.value(), Message.REPLY, null, "您好，已处理。", List.of(), null, Instant.now());
        reply.queuedAsEmail("<r-" + System.nanoTime() + "@steadydesk.test>", null, List.of());
        return messages.save(reply).getId();
    }

    String deliveryOf(TicketId ticket, long messageId) {
        return tickets.messages(ticket).stream().filter(m -> m.id() == messageId).map(TicketMessage::deliveryStatus).findFirst().orElseThrow();
    }

    @Test
    void deliveredAndFailedReportsUpdateTheReply() {
        TicketId ticket = tickets.open(OpenTicket.of("投递状态", "hi", new CustomerId(6_600_001), Channel.EMAIL), VipTier.NONE);
        long sent = queuedReply(ticket);
        long failed = queuedReply(ticket);
        assertThat(deliveryOf(ticket, sent)).isEqualTo("QUEUED");
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new MessageDelivered(1, "ticket-message:" + sent, "<x@y>"));
            events.publishEvent(new DeliveryFailed(2, "ticket-message:" + failed, "550 mailbox unavailable", true));
            events.publishEvent(new DeliveryFailed(3, "someone-else:" + failed, "not ours", false));
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryOf(ticket, sent)).isEqualTo("SENT"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(tickets.messages(ticket).stream()
                .filter(m -> m.id() == failed).findFirst().orElseThrow().deliveryError()).isEqualTo("550 mailbox unavailable"));
        assertThat(deliveryOf(ticket, failed)).isEqualTo("QUEUED"); // channels still retries
        transactions.executeWithoutResult(tx -> events.publishEvent(new DeliveryFailed(2, "ticket-message:" + failed, "gave up", false)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveryOf(ticket, failed)).isEqualTo("FAILED"));
    }
}
