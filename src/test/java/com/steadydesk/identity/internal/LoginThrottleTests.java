package com.steadydesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.platform.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock().setTo(Instant.parse("2026-12-07T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void delaysGrowWithEachFailureAndNeverBecomeALockOut() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor("zhangwei", "10.0.0.1")).isZero();
            throttle.failed("zhangwei", "10.0.0.1");
        }
        assertThat(throttle.waitFor("zhangwei", "10.0.0.1")).isEqualTo(Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(5));
        throttle.failed("zhangwei", "10.0.0.1");
        assertThat(throttle.waitFor("zhangwei", "10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        throttle.failed("zhangwei", "10.0.0.1");
        assertThat(throttle.waitFor("zhangwei", "10.0.0.1")).isEqualTo(Duration.ofSeconds(20));
        for (int i = 0; i < 30; i++) {
            clock.advance(LoginThrottle.MAX_DELAY);
            throttle.failed("zhangwei", "10.0.0.1");
        }
        assertThat(throttle.waitFor("zhangwei", "10.0.0.1")).isEqualTo(LoginThrottle.MAX_DELAY);
        // the guesser's address waits up to 15 minutes, another address at most a minute, the owner's usual one not at all
        assertThat(throttle.waitFor("zhangwei", "10.0.0.2")).isPositive().isLessThanOrEqualTo(LoginThrottle.MAX_ACCOUNT_DELAY);
        throttle.succeeded("zhangwei", "192.168.1.20");
        assertThat(throttle.waitFor("zhangwei", "192.168.1.20")).isZero();
    }

    @Test
    void anAccountGuessedFromManyAddressesWaitsAtMostAMinuteAndNotAtItsOwnersAddress() {
        throttle.succeeded("zhangwei", "192.168.1.20");
        for (int i = 0; i < 40; i++) {
            throttle.failed("zhangwei", "10.9.0." + i);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.waitFor("zhangwei", "10.9.1.1")).isPositive().isLessThanOrEqualTo(LoginThrottle.MAX_ACCOUNT_DELAY);
        assertThat(throttle.waitFor("zhangwei", "192.168.1.20")).isZero();
        assertThat(throttle.accountThrottledUntil("zhangwei")).isAfter(clock.instant());
    }

    @Test
    void successAdminUnlockAndAnHourOfQuietForgetFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("lina", "10.0.0.1");
        }
        assertThat(throttle.waitFor("lina", "10.0.0.1")).isPositive();
        throttle.forget("lina");
        assertThat(throttle.waitFor("lina", "10.0.0.1")).isZero();
        assertThat(throttle.accountThrottledUntil("lina")).isNull();

        for (int i = 0; i < 5; i++) {
            throttle.failed("lina", "10.0.0.1");
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        assertThat(throttle.waitFor("lina", "10.0.0.1")).isZero();
        throttle.failed("lina", "10.0.0.1");
        assertThat(throttle.waitFor("lina", "10.0.0.1")).as("counting starts afresh").isZero();
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownForAll() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertThat(throttle.waitFor("someone-else", "10.0.0.7")).isEqualTo(Duration.ofSeconds(5));
        // not the people who log in from that address as usual (an office behind one NAT address)
        throttle.succeeded("regular", "10.0.0.7");
        assertThat(throttle.waitFor("regular", "10.0.0.7")).isZero();
    }
}
