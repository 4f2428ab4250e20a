package com.steadydesk.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small in-memory cache for rarely changed settings that hot paths read on every request (SLA policies, business
 * calendars). The owner clears it on every write; entries also expire after a short time, so a change made by another
 * node (or straight in the database) shows within that time.
 * <p>
 * Clearing happens at once and again after the writing transaction commits: a reader that loaded the old rows while
 * the write was still uncommitted must not keep them.
 */
public final class ReadThroughCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    public ReadThroughCache(Duration timeToLive) {
        this.ttlNanos = timeToLive.toNanos();
    }

    public V get(K key, Function<K, V> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry == null || now - entry.loadedAt() > ttlNanos) {
            entry = new Entry<>(loader.apply(key), now);
            entries.put(key, entry);
        }
        return entry.value();
    }

    public void clear() {
        entries.clear();
        AfterCommit.run(entries::clear);
    }
}
