package com.steadydesk.scripts;

import com.steadydesk.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Shared by the scripts tests: a clock the tests move (expiry), and running code as a given user with given roles. */
public final class ScriptsTestSupport {

    private ScriptsTestSupport() {
    }

    /** A clock that stands still until a test moves it. */
    public static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        public void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Import into a @SpringBootTest to drive time. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** Runs as the user with the roles, then restores the previous authentication. */
    public static <T> T as(String username, Role role, Callable<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(username, "n/a",
                Arrays.asList(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            var restored = SecurityContextHolder.createEmptyContext();
            restored.setAuthentication(previous);
            SecurityContextHolder.setContext(restored);
        }
    }

    public static void run(String username, Role role, Runnable action) {
        as(username, role, () -> {
            action.run();
            return null;
        });
    }
}
