package com.steadydesk.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A node-local cache for what hot paths read on every call but rarely changes (SLA policies, business calendars,
 * which scripts are visible). Values by key, loaded in one batch for all keys not held (or held longer than the maximum age), absent values
 * included. The maximum age bounds how long a change this node was not told about (another node's write) stays unseen.
 * A load that overlaps an eviction is not kept, so an eviction after commit can never be undone by a slower reader.
 */
public final class ReadThroughCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final Function<Collection<K>, Map<K, V>> loader;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    public ReadThroughCache(Function<Collection<K>, Map<K, V>> loader, Duration maxAge, int maxEntries) {
        this(loader, maxAge, maxEntries, System::nanoTime);
    }

    public ReadThroughCache(Function<Collection<K>, Map<K, V>> loader, Duration maxAge, int maxEntries, LongSupplier nanoTime) {
        this.loader = loader;
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The values of the keys that have one; keys without a value are left out. */
    /** The value of one key, or empty when it has none. */
    public java.util.Optional<V> get(K key) {
        return java.util.Optional.ofNullable(getAll(List.of(key)).get(key));
    }

    public Map<K, V> getAll(Collection<K> keys) {
        long now = nanoTime.getAsLong();
        Map<K, V> found = new HashMap<>();
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
            Entry<V> entry = entries.get(key);
            if (entry == null || now - entry.loadedAt() > maxAgeNanos) {
                missing.add(key);
            } else if (entry.value() != null) {
                found.put(key, entry.value());
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long evictionsBefore = evictions.get();
        Map<K, V> loaded = loader.apply(missing);
        if (entries.size() + missing.size() > maxEntries) {
            entries.clear(); // crude, but a full cache means a library far larger than any team's; it refills in a few calls
        }
        for (K key : missing) {
            V value = loaded.get(key);
            if (value != null) {
                found.put(key, value);
            }
            entries.put(key, new Entry<>(value, now));
        }
        if (evictions.get() != evictionsBefore) {
            missing.forEach(entries::remove); // what was just loaded may predate the change that evicted
        }
        return found;
    }

    public void evictIf(Predicate<K> which) {
        evictions.incrementAndGet();
        entries.keySet().removeIf(which);
    }

    public void evictAll() {
        evictions.incrementAndGet();
        entries.clear();
    }

    /**
     * Evicts everything now and again once the current transaction commits: a reader that loaded the old rows while
     * the write was still uncommitted must not keep them. For owners that write in the same transaction.
     */
    public void evictAllNowAndAfterCommit() {
        evictAll();
        AfterCommit.run(this::evictAll);
    }
}
