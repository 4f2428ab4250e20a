package com.steadydesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * All kinds' indexes under {@code steadydesk.search.directory} (default {@code ./data/index}), opened on demand,
 * refreshed for near-real-time search every {@value #REFRESH_MILLIS} ms, committed every {@value #COMMIT_SECONDS} s
 * and on shutdown. When the database is a throw-away one (tests), the index is too: a temporary directory, because
 * an index that outlives its database would answer with documents that no longer exist.
 */
@Component
public class KindIndexes implements DisposableBean {

    static final long REFRESH_MILLIS = 500;
    static final long COMMIT_SECONDS = 15;
    private static final Logger log = LoggerFactory.getLogger(KindIndexes.class);

    private final Path root;
    private final boolean temporary;
    private final Analyzer analyzer = TextAnalysis.perField();
    private final Map<String, KindIndex> indexes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService maintenance;

    @Autowired
    KindIndexes(Environment env) {
        this(resolveRoot(env), isThrowaway(env));
    }

    /** For tools outside Spring (the benchmark): indexes under the given directory. */
    public KindIndexes(Path root, boolean temporary) {
        this.root = root;
        this.temporary = temporary;
        try {
            Files.createDirectories(root);
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(name -> name.matches("[a-z][a-z0-9_-]{0,31}"))
                        .forEach(this::forKind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search indexes under " + root, e);
        }
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-index-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::refreshAll, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::commitAll, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
        log.info("Search indexes in {}{}", root.toAbsolutePath(), temporary ? " (temporary)" : "");
    }

    private static Path resolveRoot(Environment env) {
        String configured = env.getProperty("steadydesk.search.directory");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (isThrowaway(env)) {
            try {
                return Files.createTempDirectory("steadydesk-index");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Path.of("./data/index");
    }

    private static boolean isThrowaway(Environment env) {
        String configured = env.getProperty("steadydesk.search.directory");
        return (configured == null || configured.isBlank())
                && env.getProperty("steadydesk.embedded-db.fresh-database", Boolean.class, false);
    }

    public KindIndex forKind(String kind) {
        return indexes.computeIfAbsent(IndexedDocuments.checkedKind(kind), k -> new KindIndex(k, root.resolve(k), analyzer));
    }

    /** The kind's index if it exists already; searching a kind never creates it. */
    public KindIndex existing(String kind) {
        return indexes.get(kind);
    }

    /** Every kind that has an index, in name order. */
    public List<String> kinds() {
        return List.copyOf(new TreeMap<>(indexes).keySet());
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** Makes every write so far visible to searches now (tests; the schedule does it within a second anyway). */
    public void refreshNow() {
        indexes.values().forEach(index -> {
            try {
                index.refreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void refreshAll() {
        indexes.values().forEach(index -> {
            try {
                index.maybeRefresh();
            } catch (Exception e) {
                log.warn("Refreshing the {} index failed", index.kind(), e);
            }
        });
    }

    void commitAll() {
        indexes.values().forEach(index -> {
            try {
                index.commit();
            } catch (Exception e) {
                log.warn("Committing the {} index failed", index.kind(), e);
            }
        });
    }

    @Override
    public void destroy() {
        maintenance.shutdownNow();
        for (KindIndex index : indexes.values()) {
            try {
                index.close();
            } catch (Exception e) {
                log.warn("Closing the {} index failed", index.kind(), e);
            }
        }
        indexes.clear();
        if (temporary) {
            KindIndex.deleteQuietly(root);
        }
    }
}
