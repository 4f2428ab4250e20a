package com.steadydesk.inbox.web;

import com.steadydesk.inbox.MessageAdded;
import com.steadydesk.inbox.TicketChanged;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketOpened;
import com.steadydesk.inbox.TicketStatusChanged;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live inbox: open browser streams, and the pushes to them after a ticket change commits. Each change is sent as
 * {@code ticket-changed} (the list) and {@code ticket-<id>} (that ticket's page). This node's events only; at cluster
 * scale the events arrive externalised (RabbitMQ) and are fed to {@link #push} the same way.
 */
@Component
class TicketStream {

    /** Open streams are closed after this long; the browser's EventSource reconnects by itself. */
    static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private final Set<SseEmitter> emitters = ConcurrentHashMap.newKeySet();

    SseEmitter connect() {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    int connections() {
        return emitters.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TicketOpened event) {
        push(event.ticketId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TicketChanged event) {
        push(event.ticketId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TicketStatusChanged event) {
        push(event.ticketId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MessageAdded event) {
        push(event.ticketId());
    }

    void push(TicketId id) {
        String data = String.valueOf(id.value());
        for (SseEmitter emitter : emitters) {
            if (send(emitter, SseEmitter.event().name("ticket-changed").data(data))) {
                send(emitter, SseEmitter.event().name("ticket-" + data).data(data));
            }
        }
    }

    /** Comments keep proxies from closing idle streams and reveal dead ones. */
    @Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void heartbeat() {
        for (SseEmitter emitter : emitters) {
            send(emitter, SseEmitter.event().comment("heartbeat"));
        }
    }

    private boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter); // the browser went away
            emitter.completeWithError(e);
            return false;
        }
    }
}
