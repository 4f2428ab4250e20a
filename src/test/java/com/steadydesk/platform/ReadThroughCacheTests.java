package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadThroughCacheTests {

    final Map<String, Integer> database = new HashMap<>(Map.of("a", 1, "b", 2));
    final List<List<String>> loads = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong();
    Runnable duringLoad = () -> {
    };

    ReadThroughCache<String, Integer> cache = new ReadThroughCache<>(keys -> {
        loads.add(List.copyOf(keys));
        Map<String, Integer> values = new HashMap<>();
        keys.forEach(k -> {
            if (database.containsKey(k)) {
                values.put(k, database.get(k));
            }
        });
        duringLoad.run();
        return values;
    }, Duration.ofSeconds(10), 100, nanos::get);

    @Test
    void loadsWhatItDoesNotHoldInOneBatchAndRemembersAbsentKeys() {
        assertThat(cache.getAll(List.of("a", "x"))).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1));
        assertThat(cache.getAll(List.of("a", "b", "x"))).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
        assertThat(loads).containsExactly(List.of("a", "x"), List.of("b"));
    }

    @Test
    void reloadsAfterTheMaximumAgeAndAfterAnEviction() {
        cache.getAll(List.of("a", "b"));
        database.put("a", 10);
        database.put("b", 20);
        assertThat(cache.getAll(List.of("a"))).containsEntry("a", 1);

        cache.evictIf("a"::equals);
        assertThat(cache.getAll(List.of("a", "b"))).containsEntry("a", 10).containsEntry("b", 2);

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(cache.getAll(List.of("b"))).containsEntry("b", 20);
    }

    @Test
    void doesNotKeepALoadThatAnEvictionOverlapped() {
        duringLoad = () -> {
            database.put("a", 10); // a change commits and evicts while the old value is on its way
            cache.evictAll();
        };
        assertThat(cache.getAll(List.of("a"))).containsEntry("a", 1);
        duringLoad = () -> {
        };
        assertThat(cache.getAll(List.of("a"))).containsEntry("a", 10);
    }
}
