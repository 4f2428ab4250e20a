package com.steadydesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can set and move, so that timers (SLA, expiries, escalations) are tested without sleeping.
 * It follows the system clock until {@link #setTo} freezes it; {@link #advance} moves a frozen clock on.
 * Use it through {@link MutableClockConfiguration}.
 */
public class MutableClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();
    private final ZoneId zone;

    public MutableClock() {
        this(ZoneOffset.UTC);
    }

    private MutableClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Freezes the clock at the instant. */
    public MutableClock setTo(Instant instant) {
        fixed.set(instant);
        return this;
    }

    /** Moves the (frozen) clock on; a clock that follows the system clock is frozen at now first. */
    public MutableClock advance(Duration duration) {
        fixed.updateAndGet(i -> (i == null ? Instant.now() : i).plus(duration));
        return this;
    }

    /** Follows the system clock again. */
    public MutableClock reset() {
        fixed.set(null);
        return this;
    }

    @Override
    public Instant instant() {
        Instant i = fixed.get();
        return i == null ? Instant.now() : i;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // a zoned view must keep following this clock's time
        MutableClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }
}
