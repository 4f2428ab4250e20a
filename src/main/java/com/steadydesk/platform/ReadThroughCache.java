package com.steadydesk.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A node-local cache for what hot paths read on every call but rarely changes (SLA policies, business calendars,
 * which scripts are visible): a Caffeine cache (expiry after write, size bound) with our two rules on top. Values are
 * loaded in one batch for all keys not held, absent values included (held as empty). The maximum age bounds how long a
 * change this node was not told about (another node's write) stays unseen. A load that overlaps an eviction is not kept,
 * so an eviction after commit can never be undone by a slower reader.
 */
public final class ReadThroughCache<K, V> {

    private final Cache<K, Optional<V>> entries;
    private final AtomicLong evictions = new AtomicLong();
    private final Function<Collection<K>, Map<K, V>> loader;

    public ReadThroughCache(Function<Collection<K>, Map<K, V>> loader, Duration maxAge, int maxEntries) {
        this(loader, maxAge, maxEntries, System::nanoTime);
    }

    /** With the clock the maximum age is measured on (tests move it). */
    public ReadThroughCache(Function<Collection<K>, Map<K, V>> loader, Duration maxAge, int maxEntries, LongSupplier nanoTime) {
        this.loader = loader;
        this.entries = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maxEntries).ticker(nanoTime::getAsLong)
                .executor(Runnable::run).build();
    }

    /** The value of one key, or empty when it has none. */
    public Optional<V> get(K key) {
        return Optional.ofNullable(getAll(List.of(key)).get(key));
    }

    /** The values of the keys that have one; keys without a value are left out. */
    public Map<K, V> getAll(Collection<K> keys) {
        long evictionsBefore = evictions.get();
        Map<K, Optional<V>> held = entries.getAll(keys, missing -> {
            Map<K, V> loaded = loader.apply(List.copyOf(missing));
            Map<K, Optional<V>> all = new HashMap<>();
            missing.forEach(key -> all.put(key, Optional.ofNullable(loaded.get(key))));
            return all;
        });
        if (evictions.get() != evictionsBefore) {
            entries.invalidateAll(keys); // what was just loaded may predate the change that evicted
        }
        Map<K, V> found = new HashMap<>();
        held.forEach((key, value) -> value.ifPresent(v -> found.put(key, v)));
        return found;
    }

    public void evictIf(Predicate<K> which) {
        evictions.incrementAndGet();
        entries.asMap().keySet().removeIf(which);
    }

    public void evictAll() {
        evictions.incrementAndGet();
        entries.invalidateAll();
    }

    /**
     * Evicts everything now and again once the current transaction commits: a reader that loaded the old rows while
     * the write was still uncommitted must not keep them. Call it after the write: without a transaction the write is
     * already committed then, and "after commit" is now, so a reader can no longer load the old rows.
     */
    public void evictAllNowAndAfterCommit() {
        evictAll();
        AfterCommit.run(this::evictAll);
    }
}
