package com.steadydesk.search.internal;

import com.steadydesk.search.SearchDocument;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live Lucene index of one kind: an {@link IndexWriter} kept open, a near-real-time {@link SearcherManager},
 * and a rebuild that fills a fresh generation directory while the old one keeps serving, then swaps atomically.
 * <p>
 * Layout: {@code <root>/<kind>/CURRENT} names the live generation directory {@code <root>/<kind>/g<n>}. Writes that
 * arrive during a rebuild go to both generations, and the rebuild skips the ids they touched, because its database
 * snapshot is older than they are.
 */
public final class KindIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(KindIndex.class);
    private static final int STRIPES = 64;

    private final String kind;
    private final Path root;
    private final Analyzer analyzer;
    /** Readers: writes; writer: the swap of generations. */
    private final ReentrantReadWriteLock swapLock = new ReentrantReadWriteLock();
    /** Orders a live write and a rebuild write of the same id, so the rebuild never overwrites newer data. */
    private final ReentrantLock[] idLocks = new ReentrantLock[STRIPES];
    private final Set<String> touchedDuringRebuild = ConcurrentHashMap.newKeySet();
    private volatile Generation live;
    private volatile Generation building;

    private record Generation(String name, FSDirectory directory, IndexWriter writer, SearcherManager searchers) {
        void close() throws IOException {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    KindIndex(String kind, Path root, Analyzer analyzer) {
        this.kind = IndexedDocuments.checkedKind(kind);
        this.root = root;
        this.analyzer = analyzer;
        for (int i = 0; i < STRIPES; i++) {
            idLocks[i] = new ReentrantLock();
        }
        try {
            Files.createDirectories(root);
            String current = currentGenerationName();
            this.live = open(current, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            removeGenerationsOtherThan(current);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index of " + kind + " at " + root, e);
        }
    }

    public String kind() {
        return kind;
    }

    /** Adds or replaces the document with the same id. */
    public void upsert(SearchDocument doc) {
        Document lucene = IndexedDocuments.toLucene(doc);
        write(doc.id(), writer -> writer.updateDocument(IndexedDocuments.idTerm(doc.id()), lucene));
    }

    public void delete(String id) {
        write(id, writer -> writer.deleteDocuments(IndexedDocuments.idTerm(id)));
    }

    private void write(String id, WriterAction action) {
        swapLock.readLock().lock();
        try {
            action.apply(live.writer());
            Generation next = building;
            if (next != null) {
                ReentrantLock lock = idLock(id);
                lock.lock();
                try {
                    touchedDuringRebuild.add(id);
                    action.apply(next.writer());
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            swapLock.readLock().unlock();
        }
    }

    private interface WriterAction {
        void apply(IndexWriter writer) throws IOException;
    }

    /** A searcher that must be given back with {@link Lease#close()}. */
    public Lease acquire() throws IOException {
        while (true) {
            SearcherManager manager = live.searchers();
            try {
                return new Lease(manager, manager.acquire());
            } catch (AlreadyClosedException swappedMeanwhile) {
                Thread.onSpinWait();
            }
        }
    }

    /** A borrowed searcher of one kind's index. */
    public record Lease(SearcherManager manager, IndexSearcher searcher) implements Closeable {
        @Override
        public void close() throws IOException {
            manager.release(searcher);
        }
    }

    public void maybeRefresh() throws IOException {
        try {
            live.searchers().maybeRefresh();
        } catch (AlreadyClosedException swappedMeanwhile) {
            // the new generation has its own fresh searcher
        }
    }

    public void refreshBlocking() throws IOException {
        swapLock.readLock().lock();
        try {
            live.searchers().maybeRefreshBlocking();
        } finally {
            swapLock.readLock().unlock();
        }
    }

    public void commit() throws IOException {
        swapLock.readLock().lock();
        try {
            if (live.writer().hasUncommittedChanges()) {
                live.writer().commit();
            }
        } finally {
            swapLock.readLock().unlock();
        }
    }

    public int documentCount() throws IOException {
        try (Lease lease = acquire()) {
            return lease.searcher().getIndexReader().numDocs();
        }
    }

    public boolean rebuilding() {
        return building != null;
    }

    /** Starts filling a fresh generation; searches keep using the live one until {@link #finishRebuild()}. */
    public synchronized void beginRebuild() throws IOException {
        if (building != null) {
            throw new IllegalStateException("A rebuild of " + kind + " is already running");
        }
        String name = nextGenerationName();
        Generation next = open(name, IndexWriterConfig.OpenMode.CREATE);
        swapLock.writeLock().lock();
        try {
            touchedDuringRebuild.clear();
            building = next;
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    /** Adds a document read by the rebuild unless a live write has already put a newer state of it. */
    public void addFromRebuild(SearchDocument doc) throws IOException {
        Generation next = building;
        if (next == null) {
            throw new IllegalStateException("No rebuild of " + kind + " is running");
        }
        Document lucene = IndexedDocuments.toLucene(doc);
        ReentrantLock lock = idLock(doc.id());
        lock.lock();
        try {
            if (!touchedDuringRebuild.contains(doc.id())) {
                next.writer().updateDocument(IndexedDocuments.idTerm(doc.id()), lucene);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Makes the rebuilt generation the live one, durably (CURRENT is replaced atomically), and drops the old. */
    public synchronized void finishRebuild() throws IOException {
        Generation next = building;
        if (next == null) {
            throw new IllegalStateException("No rebuild of " + kind + " is running");
        }
        Generation old;
        swapLock.writeLock().lock();
        try {
            next.writer().commit();
            next.searchers().maybeRefreshBlocking();
            writeCurrent(next.name());
            old = live;
            live = next;
            building = null;
            touchedDuringRebuild.clear();
        } finally {
            swapLock.writeLock().unlock();
        }
        // Searches still holding the old reader keep it open until they release it; on POSIX the deleted files stay
        // readable until then. What cannot be deleted now is removed at the next start.
        old.close();
        deleteQuietly(root.resolve(old.name()));
    }

    public synchronized void abortRebuild() {
        Generation next = building;
        if (next == null) {
            return;
        }
        swapLock.writeLock().lock();
        try {
            building = null;
            touchedDuringRebuild.clear();
        } finally {
            swapLock.writeLock().unlock();
        }
        try {
            next.searchers().close();
            next.writer().rollback();
            next.directory().close();
        } catch (IOException e) {
            log.warn("Could not discard the aborted rebuild of {}", kind, e);
        }
        deleteQuietly(root.resolve(next.name()));
    }

    @Override
    public synchronized void close() throws IOException {
        abortRebuild();
        swapLock.writeLock().lock();
        try {
            live.close();
        } finally {
            swapLock.writeLock().unlock();
        }
    }

    private Generation open(String name, IndexWriterConfig.OpenMode mode) throws IOException {
        FSDirectory directory = FSDirectory.open(root.resolve(name));
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(mode)
                .setRAMBufferSizeMB(64);
        IndexWriter writer = new IndexWriter(directory, config);
        SearcherManager searchers = new SearcherManager(writer, null);
        return new Generation(name, directory, writer, searchers);
    }

    private String currentGenerationName() throws IOException {
        Path current = root.resolve("CURRENT");
        if (Files.exists(current)) {
            String name = Files.readString(current, StandardCharsets.UTF_8).trim();
            if (name.matches("g\\d+")) {
                return name;
            }
        }
        writeCurrent("g1");
        return "g1";
    }

    private String nextGenerationName() {
        return "g" + (Long.parseLong(live.name().substring(1)) + 1);
    }

    private void writeCurrent(String name) throws IOException {
        Path tmp = root.resolve("CURRENT.tmp");
        Files.writeString(tmp, name, StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void removeGenerationsOtherThan(String current) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            children.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("g\\d+")
                            && !p.getFileName().toString().equals(current))
                    .forEach(KindIndex::deleteQuietly);
        }
    }

    private ReentrantLock idLock(String id) {
        return idLocks[Math.floorMod(id.hashCode(), STRIPES)];
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("Left {} behind", p);
                }
            });
        } catch (IOException e) {
            log.debug("Left {} behind", dir);
        }
    }
}
