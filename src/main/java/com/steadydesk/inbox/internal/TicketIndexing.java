package com.steadydesk.inbox.internal;

import com.steadydesk.inbox.MessageAdded;
import com.steadydesk.inbox.TicketChanged;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketOpened;
import com.steadydesk.inbox.TicketStatusChanged;
import com.steadydesk.platform.AfterCommit;
import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the "ticket" search index in step with the inbox: subject and conversation text, internal only.
 * Indexing runs after commit on one background thread, off the intake path. Changed tickets are collected in a
 * set, so a ticket changed five times while the thread was busy is indexed once, and the thread reads up to
 * {@value #BATCH} of them with one query: a surge of a thousand tickets a second costs a query per batch, not per
 * ticket. A lost update (crash) is not replayed: the index is rebuildable from PostgreSQL at any time through this
 * {@link SearchSource}, so the event publication registry's write per event is not worth paying on every intake.
 */
@Component
class TicketIndexing implements SearchSource {

    static final String KIND = "ticket";
    private static final Logger log = LoggerFactory.getLogger(TicketIndexing.class);
    /** Enough of a conversation to find it by; long threads are cut. */
    private static final int MAX_BODY = 8000;
    private static final int BATCH = 500;
    private static final String SELECT = """
            select t.id, t.number, t.subject, t.status, t.channel, t.tags, t.updated_at,
                   (select string_agg(m.body_text, E'\\n' order by m.created_at, m.id) from ticket_messages m
                     where m.ticket_id = t.id and m.kind <> 'SYSTEM') as body
            from tickets t""";

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final Queue<Long> order = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ticket-indexing");
        t.setDaemon(true);
        return t;
    });

    TicketIndexing(JdbcClient jdbc, SearchIndex index, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.index = index;
        Gauge.builder("steadydesk.search.tickets.waiting", pending, Set::size)
                .description("changed tickets not yet in the search index (how far search lags behind the inbox)").register(meters);
    }

    @EventListener
    void on(TicketOpened event) {
        later(event.ticketId());
    }

    @EventListener
    void on(MessageAdded event) {
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

    private void later(TicketId id) {
        AfterCommit.run(() -> {
            if (pending.add(id.value())) {
                order.add(id.value());
                if (draining.compareAndSet(false, true)) {
                    worker.execute(this::drain);
                }
            }
        });
    }

    private void drain() {
        while (true) {
            List<Long> batch = new ArrayList<>(BATCH);
            for (Long id; batch.size() < BATCH && (id = order.poll()) != null; ) {
                pending.remove(id); // before reading, so a change committed after the read queues the ticket again
                batch.add(id);
            }
            if (batch.isEmpty()) {
                draining.set(false);
                if (order.isEmpty() || !draining.compareAndSet(false, true)) {
                    return; // nothing left, or another drain took over what arrived meanwhile
                }
                continue;
            }
            reindex(batch);
        }
    }

    private void reindex(List<Long> ticketIds) {
        try {
            Set<Long> missing = new HashSet<>(ticketIds);
            jdbc.sql(SELECT + " where t.id = any(:ids)").param("ids", ticketIds.toArray(Long[]::new)).query(TicketIndexing::document)
                    .list().forEach(document -> {
                        missing.remove(Long.valueOf(document.id()));
                        index.index(document);
                    });
            missing.forEach(id -> index.delete(KIND, String.valueOf(id)));
        } catch (RuntimeException e) {
            log.warn("{} tickets not indexed ({}); a rebuild will pick them up", ticketIds.size(), e.toString());
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from tickets").query(Long.class).single();
    }

    @Override
    public Stream<SearchDocument> all() {
        return jdbc.sql(SELECT + " order by t.id").withFetchSize(2000).query(TicketIndexing::document).stream();
    }

    private static SearchDocument document(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String body = rs.getString("body");
        if (body != null && body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        List<String> tags = rs.getArray("tags") == null ? List.of() : Arrays.asList((String[]) rs.getArray("tags").getArray());
        return new SearchDocument(KIND, String.valueOf(id), "#" + rs.getLong("number") + " " + rs.getString("subject"),
                body == null ? "" : body, tags,
                Map.of("status", rs.getString("status"), "channel", rs.getString("channel"), "url", "/inbox/tickets/" + id),
                null, false, rs.getTimestamp("updated_at").toInstant());
    }
}
