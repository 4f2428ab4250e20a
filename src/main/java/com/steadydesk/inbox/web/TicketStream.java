package com.steadydesk.inbox.web;

import com.steadydesk.inbox.MessageAdded;
import com.steadydesk.inbox.TicketChanged;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketOpened;
import com.steadydesk.inbox.TicketStatusChanged;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import com.steadydesk.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live inbox: open browser streams, and the pushes to them after ticket changes commit. Changes are collected
 * and sent every {@value #FLUSH_MS} ms: an inbox list gets one {@code ticket-changed} (data: how many tickets
 * changed), a ticket page (connected with {@code ?ticket=<id>}) gets {@code ticket-<id>} when its ticket was among
 * them. In a crisis surge of a thousand tickets a second with fifty agents watching, that is two hundred small writes a
 * second instead of a hundred thousand. This node's events only; at cluster scale the events arrive externalised and
 * are fed to {@link #changed} the same way.
 */
@Component
class TicketStream {

    /** Open streams are closed after this long; the browser's EventSource reconnects by itself. */
    static final long TIMEOUT_MS = 30 * 60 * 1000L;
    static final long FLUSH_MS = 250;

    /** Each open stream, with the ticket its page shows (null: an inbox list). */
    private final Map<SseEmitter, Optional<Long>> emitters = new ConcurrentHashMap<>();
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    SseEmitter connect(Long ticketId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        emitters.put(emitter, Optional.ofNullable(ticketId));
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(e -> emitters.remove(emitter));
        send(emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    int connections() {
        return emitters.size();
    }

    @EventListener
    void on(TicketOpened event) {
        later(event.ticketId());
    }

    @EventListener
    void on(TicketChanged event) {
        later(event.ticketId());
    }

    @EventListener
    void on(TicketStatusChanged event) {
        later(event.ticketId());
    }

    @EventListener
    void on(MessageAdded event) {
        later(event.ticketId());
    }

    private void later(TicketId id) {
        AfterCommit.run(() -> changed(id));
    }

    void changed(TicketId id) {
        if (!emitters.isEmpty()) {
            changed.add(id.value());
        }
    }

    @Scheduled(fixedDelay = FLUSH_MS, initialDelay = FLUSH_MS)
    void flush() {
        if (changed.isEmpty()) {
            return;
        }
        Set<Long> batch = new HashSet<>();
        for (Iterator<Long> it = changed.iterator(); it.hasNext(); ) {
            batch.add(it.next());
            it.remove();
        }
        String count = String.valueOf(batch.size());
        emitters.forEach((emitter, ticket) -> {
            if (ticket.isEmpty()) {
                send(emitter, SseEmitter.event().name("ticket-changed").data(count));
            } else if (batch.contains(ticket.get())) {
                send(emitter, SseEmitter.event().name("ticket-" + ticket.get()).data(String.valueOf(ticket.get())));
            }
        });
    }

    /** Comments keep proxies from closing idle streams and reveal dead ones. */
    @Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void heartbeat() {
        for (SseEmitter emitter : emitters.keySet()) {
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
