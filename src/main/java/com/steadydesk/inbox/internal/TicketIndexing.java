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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the "ticket" search index in step with the inbox: subject and conversation text, internal only.
 * Indexing runs after commit on one background thread, off the intake path. A lost update (crash, full queue) is not
 * replayed: the index is rebuildable from PostgreSQL at any time through this {@link SearchSource}, so the event
 * publication registry's write per event is not worth paying on every intake.
 */
@Component
class TicketIndexing implements SearchSource {

    static final String KIND = "ticket";
    private static final Logger log = LoggerFactory.getLogger(TicketIndexing.class);
    /** Enough of a conversation to find it by; long threads are cut. */
    private static final int MAX_BODY = 8000;
    private static final String SELECT = """
            select t.id, t.number, t.subject, t.status, t.channel, t.tags, t.updated_at,
                   (select string_agg(m.body_text, E'\\n' order by m.created_at, m.id) from ticket_messages m
                     where m.ticket_id = t.id and m.kind <> 'SYSTEM') as body
            from tickets t""";

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(50_000),
            r -> {
                Thread t = new Thread(r, "ticket-indexing");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    TicketIndexing(JdbcClient jdbc, SearchIndex index) {
        this.jdbc = jdbc;
        this.index = index;
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
        AfterCommit.run(() -> worker.execute(() -> reindex(id.value())));
    }

    void reindex(long ticketId) {
        try {
            jdbc.sql(SELECT + " where t.id = ?").param(ticketId).query(TicketIndexing::document).optional()
                    .ifPresentOrElse(index::index, () -> index.delete(KIND, String.valueOf(ticketId)));
        } catch (RuntimeException e) {
            log.warn("Ticket {} not indexed ({}); a rebuild will pick it up", ticketId, e.toString());
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
