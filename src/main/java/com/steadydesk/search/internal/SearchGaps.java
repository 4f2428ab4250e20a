package com.steadydesk.search.internal;

import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.search.SearchTextMasking;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Questions without an answer (table {@code search_gaps}): searches whose best hit is missing or weak, counted per
 * normalised question and audience, so that the team writes the missing article or script. Recorded off the
 * caller's thread: a search must stay fast, and may run inside a caller's read-only transaction.
 */
@Component
public class SearchGaps implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchGaps.class);
    private static final int MAX_QUERY_CHARS = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    /** Bounded: under a flood of unanswered searches, dropping some counts beats slowing every search. */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
            r -> {
                Thread t = new Thread(r, "search-gaps");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    private final ObjectProvider<SearchTextMasking> masking;

    SearchGaps(JdbcClient jdbc, Clock clock, ObjectProvider<SearchTextMasking> masking) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.masking = masking;
    }

    /** How the list is ordered. */
    public enum Order { NEWEST, MOST_ASKED }

    /** One open question. */
    public record Gap(long id, String query, boolean publicSearch, String kinds, int askedCount, Instant firstAsked, Instant lastAsked) {

        /** Whether the question is asked in Chinese, so that the article written for it starts in the same language. */
        public boolean chinese() {
            return query.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }
    }

    /**
     * Counts the question (asynchronously); asking a resolved question again reopens it. Phone numbers and email
     * addresses in it are stored masked: supervisors read this list, and a customer's number typed into a search box is
     * no question for the knowledge team. Without a masking policy, questions with such data are not stored at all.
     */
    public void record(String text, Collection<String> kinds, boolean publicSearch) {
        SearchTextMasking masker = masking.getIfAvailable();
        if (masker == null && text != null && text.matches("(?s).*(@|\\d{5}).*")) {
            return;
        }
        String query = SynonymGroups.normalise(masker == null ? text : masker.maskedForStorage(text));
        if (query.length() < 2) {
            return;
        }
        String normalised = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
        String kindList = kinds.isEmpty() ? "*" : String.join(",", kinds.stream().sorted().toList());
        Instant at = Instant.now(clock);
        writer.execute(() -> {
            try {
                jdbc.sql("""
                        insert into search_gaps (query_text, public_search, kinds, asked_count, first_asked, last_asked)
                        values (:q, :pub, :kinds, 1, :at, :at)
                        on conflict (query_text, public_search) do update
                        set asked_count = search_gaps.asked_count + 1, last_asked = excluded.last_asked,
                            kinds = excluded.kinds, resolved_at = null, resolved_by = null
                        """)
                        .param("q", normalised).param("pub", publicSearch).param("kinds", kindList.length() > 200 ? kindList.substring(0, 200) : kindList)
                        .param("at", Timestamp.from(at)).update();
            } catch (RuntimeException e) {
                log.warn("Could not record the unanswered search '{}'", normalised, e);
            }
        });
    }

    /** Open questions, newest or most asked first, keyset-paginated ({@code cursor} from the previous page). */
    public Keyset<Gap> open(Order order, String cursor, int limit) {
        int size = Math.max(1, Math.min(limit, 200));
        String sortColumn = order == Order.MOST_ASKED ? "asked_count" : "last_asked";
        var sql = new StringBuilder("select id, query_text, public_search, kinds, asked_count, first_asked, last_asked from search_gaps where resolved_at is null");
        Object sortValue = null;
        long lastId = 0;
        if (cursor != null && !cursor.isBlank()) {
            String[] parts = cursor.split("_", 2);
            try {
                sortValue = order == Order.MOST_ASKED ? (Object) Integer.parseInt(parts[0]) : Timestamp.from(fromMicros(Long.parseLong(parts[0])));
                lastId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid cursor: " + cursor);
            }
            sql.append(" and (").append(sortColumn).append(", id) < (:sortValue, :lastId)");
        }
        sql.append(" order by ").append(sortColumn).append(" desc, id desc limit :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", size + 1);
        if (sortValue != null) {
            statement = statement.param("sortValue", sortValue).param("lastId", lastId);
        }
        List<Gap> rows = statement.query((rs, n) -> new Gap(rs.getLong("id"), rs.getString("query_text"), rs.getBoolean("public_search"),
                rs.getString("kinds"), rs.getInt("asked_count"), rs.getTimestamp("first_asked").toInstant(),
                rs.getTimestamp("last_asked").toInstant())).list();
        if (rows.size() <= size) {
            return new Keyset<>(rows, null);
        }
        Gap last = rows.get(size - 1);
        String next = (order == Order.MOST_ASKED ? String.valueOf(last.askedCount()) : String.valueOf(toMicros(last.lastAsked()))) + "_" + last.id();
        return new Keyset<>(rows.subList(0, size), next);
    }

    public void resolve(long id, String by) {
        int rows = jdbc.sql("update search_gaps set resolved_at = :at, resolved_by = :by where id = :id and resolved_at is null")
                .param("at", Timestamp.from(Instant.now(clock))).param("by", by).param("id", id).update();
        if (rows == 0) {
            throw new NotFoundException("Open search gap", id);
        }
    }

    /** Waits until the gaps recorded so far are written (tests, shutdown). */
    public void flush() {
        long deadline = System.currentTimeMillis() + 5000;
        while ((writer.getQueue().size() > 0 || writer.getActiveCount() > 0) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long toMicros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
    }

    private static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }

    @Override
    public void destroy() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
