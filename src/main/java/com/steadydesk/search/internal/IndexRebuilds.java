package com.steadydesk.search.internal;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a kind's index from its owner's {@link SearchSource}: the source is streamed inside one read-only
 * transaction into a fresh index generation while searches keep using the old one, which is swapped out at the
 * end. One rebuild per kind at a time; progress lives in memory while it runs, the last run per kind in
 * {@code search_rebuilds}.
 * <p>
 * Cluster note: each node holds its own local index, so a rebuild started on one node rebuilds that node only; in a
 * cluster the index would be OpenSearch (rebuilt once, through the same port) or every node would rebuild on an
 * externalised "rebuild requested" event.
 */
@Component
public class IndexRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuilds.class);

    private final KindIndexes indexes;
    private final ObjectProvider<SearchSource> sources;
    private final TransactionTemplate readOnly;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Progress> running = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "search-rebuild");
        t.setDaemon(true);
        return t;
    });

    IndexRebuilds(KindIndexes indexes, ObjectProvider<SearchSource> sources, PlatformTransactionManager transactions,
            JdbcClient jdbc, Clock clock) {
        this.indexes = indexes;
        this.sources = sources;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where a rebuild stands: done of total, rate per second, estimated time left. */
    public record Progress(String kind, long total, AtomicLong done, Instant startedAt, String startedBy,
            Instant finishedAt, String status, String error) {

        public long doneCount() {
            return done.get();
        }

        public int percent() {
            return total <= 0 ? (finishedAt != null ? 100 : 0) : (int) Math.min(100, doneCount() * 100 / total);
        }

        public double ratePerSecond(Instant now) {
            long millis = Duration.between(startedAt, finishedAt != null ? finishedAt : now).toMillis();
            return millis <= 0 ? 0 : doneCount() * 1000.0 / millis;
        }

        public Optional<Duration> eta(Instant now) {
            double rate = ratePerSecond(now);
            if (finishedAt != null || rate <= 0 || total <= doneCount()) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofSeconds((long) Math.ceil((total - doneCount()) / rate)));
        }

        public boolean isRunning() {
            return "RUNNING".equals(status);
        }

        Progress finished(Instant at, String finalStatus, String failure) {
            return new Progress(kind, total, done, startedAt, startedBy, at, finalStatus, failure);
        }
    }

    /** Kinds whose owners registered a source, so they can be rebuilt. */
    public List<String> rebuildableKinds() {
        return sources.orderedStream().map(SearchSource::kind).distinct().sorted().toList();
    }

    /** Starts rebuilding the kind in the background; refused while one runs for it. */
    public Progress start(String kind, String by) {
        SearchSource source = sources.orderedStream().filter(s -> s.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("Search source", kind));
        Progress progress = new Progress(kind, -1, new AtomicLong(), Instant.now(clock), by, null, "RUNNING", null);
        if (running.putIfAbsent(kind, progress) != null) {
            throw new DomainRuleViolation("search.rebuild-running", "A rebuild of " + kind + " is already running");
        }
        try {
            Future<?> ignored = workers.submit(() -> run(source, progress));
        } catch (RuntimeException e) {
            running.remove(kind);
            throw e;
        }
        return progress;
    }

    /** Starts every kind that is not running already. */
    public List<Progress> startAll(String by) {
        return rebuildableKinds().stream().filter(k -> !running.containsKey(k)).map(k -> start(k, by)).toList();
    }

    /** The running rebuild of each kind, or else its last recorded run. */
    public Map<String, Progress> status() {
        Map<String, Progress> status = new TreeMap<>();
        jdbc.sql("select kind, started_at, finished_at, total, done, status, error, started_by from search_rebuilds")
                .query((rs, n) -> new Progress(rs.getString("kind"), rs.getLong("total"), new AtomicLong(rs.getLong("done")),
                        rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("status"), rs.getString("error")))
                .list().forEach(p -> status.put(p.kind(), p));
        status.putAll(running);
        return status;
    }

    public Optional<Progress> running(String kind) {
        return Optional.ofNullable(running.get(kind));
    }

    private void run(SearchSource source, Progress initial) {
        String kind = source.kind();
        KindIndex index = indexes.forKind(kind);
        Progress progress = initial;
        try {
            long total = readOnly.execute(tx -> source.count());
            progress = new Progress(kind, total, initial.done(), initial.startedAt(), initial.startedBy(), null, "RUNNING", null);
            running.put(kind, progress);
            saveRun(progress);
            index.beginRebuild();
            AtomicLong done = progress.done();
            readOnly.executeWithoutResult(tx -> {
                try (Stream<SearchDocument> documents = source.all()) {
                    documents.forEach(doc -> {
                        try {
                            index.addFromRebuild(doc);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        done.incrementAndGet();
                    });
                }
            });
            index.finishRebuild();
            progress = progress.finished(Instant.now(clock), "DONE", null);
            log.info("Rebuilt the {} index: {} documents in {}", kind, done.get(), Duration.between(progress.startedAt(), progress.finishedAt()));
        } catch (RuntimeException | java.io.IOException e) {
            index.abortRebuild();
            progress = progress.finished(Instant.now(clock), "FAILED", String.valueOf(e.getMessage()));
            log.warn("Rebuilding the {} index failed; the previous index stays in use", kind, e);
        } finally {
            try {
                saveRun(progress);
            } catch (RuntimeException e) {
                log.warn("Could not record the rebuild of {}", kind, e);
            }
            running.remove(kind);
        }
    }

    private void saveRun(Progress p) {
        jdbc.sql("""
                insert into search_rebuilds (kind, started_at, finished_at, total, done, status, error, started_by)
                values (:kind, :started, :finished, :total, :done, :status, :error, :by)
                on conflict (kind) do update set started_at = excluded.started_at, finished_at = excluded.finished_at,
                    total = excluded.total, done = excluded.done, status = excluded.status, error = excluded.error,
                    started_by = excluded.started_by
                """)
                .param("kind", p.kind()).param("started", Timestamp.from(p.startedAt()))
                .param("finished", p.finishedAt() == null ? null : Timestamp.from(p.finishedAt()), java.sql.Types.TIMESTAMP)
                .param("total", Math.max(0, p.total())).param("done", p.doneCount()).param("status", p.status())
                .param("error", p.error(), java.sql.Types.VARCHAR).param("by", p.startedBy())
                .update();
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
