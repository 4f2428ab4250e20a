package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadThroughCacheTests {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String key) {
        return key + loads.incrementAndGet();
    }

    @Test
    void loadsOncePerKeyUntilCleared() {
        var cache = new ReadThroughCache<String, String>(Duration.ofMinutes(5));
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        assertThat(cache.get("b", this::load)).isEqualTo("b2");
        cache.clear();
        assertThat(cache.get("a", this::load)).isEqualTo("a3");
    }

    @Test
    void reloadsAnExpiredEntry() {
        var cache = new ReadThroughCache<String, String>(Duration.ZERO);
        cache.get("a", this::load);
        assertThat(cache.get("a", this::load)).isEqualTo("a2");
    }
}
