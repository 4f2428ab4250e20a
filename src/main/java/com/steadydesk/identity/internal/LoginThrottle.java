package com.steadydesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows down password guessing with delays that grow with each failed login, counted per account and address, per
 * address, and per account. A lock-out after N failures would let anyone lock anybody out (the admin included) by
 * typing a wrong password five times; here the one who guesses mostly slows themselves down:
 * <ul>
 * <li>one address guessing one account waits 5 s, 10 s, 20 s ... up to 15 minutes after its third failure;</li>
 * <li>one address trying many accounts waits likewise after ten failures;</li>
 * <li>an account guessed from many addresses waits at most a minute between tries.</li>
 * </ul>
 * An account's own user at an address they have logged in from before is exempt from the last two: neither a
 * distributed guesser nor a guesser sharing their address (an office NAT, a proxy) can keep them out.
 * While a delay runs, a login is refused without checking the password and does not count as a failure. Counters are
 * forgotten an hour after their last failure, on success, or when an admin unlocks the account. They live in this
 * node's memory: with several nodes each node throttles on its own (a guesser gains at most a factor of the node count).
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS = 3;
    static final int FREE_FAILURES_PER_ADDRESS = 10;
    static final int FREE_FAILURES_PER_ACCOUNT = 10;
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration MAX_ACCOUNT_DELAY = Duration.ofMinutes(1);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;
    private static final int KNOWN_ADDRESSES_PER_ACCOUNT = 20;

    private record Failures(int count, Instant last) {

        Failures plusOne(Instant now) {
            return new Failures(count + 1, now);
        }

        /** When the next try is allowed: after {@code free} failures, 5 s doubling up to {@code cap} after the last one. */
        Instant nextTry(int free, Duration cap) {
            if (count < free) {
                return Instant.MIN;
            }
            int doublings = Math.min(count - free, 20);
            Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
            return last.plus(delay.compareTo(cap) > 0 ? cap : delay);
        }
    }

    private final Map<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a login for this account from this address has to wait; zero when it may try now. */
    public Duration waitFor(String username, String address) {
        Instant now = Instant.now(clock);
        String account = key(username);
        Instant next = nextTry(byAccountAndAddress, account + " " + address, FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_DELAY);
        // the owner at an address they logged in from before is only held back by their own failures there
        if (!known(account, address)) {
            next = max(next, nextTry(byAddress, address, FREE_FAILURES_PER_ADDRESS, MAX_DELAY),
                    nextTry(byAccount, account, FREE_FAILURES_PER_ACCOUNT, MAX_ACCOUNT_DELAY));
        }
        return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
    }

    /** Until when logins to the account are slowed down, from any address (what an admin sees and can lift), or null. */
    public Instant accountThrottledUntil(String username) {
        String account = key(username);
        Instant next = nextTry(byAccount, account, FREE_FAILURES_PER_ACCOUNT, MAX_ACCOUNT_DELAY);
        for (String pair : byAccountAndAddress.keySet()) {
            if (pair.startsWith(account + " ")) {
                next = max(next, nextTry(byAccountAndAddress, pair, FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS, MAX_DELAY));
            }
        }
        return next.isAfter(Instant.now(clock)) ? next : null;
    }

    /** Counts a wrong password (or an unknown user name) from the address. */
    public void failed(String username, String address) {
        Instant now = Instant.now(clock);
        if (byAccountAndAddress.size() + byAddress.size() + byAccount.size() > MAX_ENTRIES) {
            forgetOld(now);
        }
        String account = key(username);
        byAccountAndAddress.merge(account + " " + address, new Failures(1, now), (old, one) -> fresh(old, now).plusOne(now));
        byAddress.merge(address, new Failures(1, now), (old, one) -> fresh(old, now).plusOne(now));
        byAccount.merge(account, new Failures(1, now), (old, one) -> fresh(old, now).plusOne(now));
    }

    /** A successful login clears the account's counters and remembers the address as one the owner uses. */
    void succeeded(String username, String address) {
        String account = key(username);
        byAccountAndAddress.remove(account + " " + address);
        byAccount.remove(account);
        Set<String> addresses = knownAddresses.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet());
        if (addresses.size() >= KNOWN_ADDRESSES_PER_ACCOUNT) {
            addresses.clear();
        }
        addresses.add(address);
    }

    /** An admin lifts every delay on the account (not the address counters, which may be a guesser's). */
    public void forget(String username) {
        String account = key(username);
        byAccount.remove(account);
        byAccountAndAddress.keySet().removeIf(k -> k.startsWith(account + " "));
    }

    /** The client address of the current request ({@code server.forward-headers-strategy} decides whether a proxy's
     * X-Forwarded-For counts); "unknown" outside a request. */
    static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : "unknown";
    }

    private boolean known(String account, String address) {
        Set<String> addresses = knownAddresses.get(account);
        return addresses != null && addresses.contains(address);
    }

    private Instant nextTry(Map<String, Failures> counters, String key, int free, Duration cap) {
        Failures failures = counters.get(key);
        return failures == null ? Instant.MIN : fresh(failures, Instant.now(clock)).nextTry(free, cap);
    }

    private static Failures fresh(Failures failures, Instant now) {
        return failures.last().plus(FORGET_AFTER).isBefore(now) ? new Failures(0, failures.last()) : failures;
    }

    private void forgetOld(Instant now) {
        for (Map<String, Failures> counters : java.util.List.of(byAccountAndAddress, byAddress, byAccount)) {
            counters.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant max(Instant... instants) {
        Instant max = Instant.MIN;
        for (Instant i : instants) {
            if (i.isAfter(max)) {
                max = i;
            }
        }
        return max;
    }
}
