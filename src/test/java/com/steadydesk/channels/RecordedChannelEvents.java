package com.steadydesk.channels;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the channels events that were committed, for tests to assert on. A plain component under the test
 * sources, so every test context has it and the contexts stay shared.
 */
@Component
public class RecordedChannelEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(fallbackExecution = true)
    void received(InboundMessageReceived event) {
        events.add(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void delivered(MessageDelivered event) {
        events.add(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void failed(DeliveryFailed event) {
        events.add(event);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
