package com.steadydesk.knowledge.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is asking, as far as the anonymous help center needs to know: a keyed hash of the visitor's address (never the
 * address itself) and how many votes and unanswered-question logs that address has caused this hour, so that one
 * visitor cannot stuff the helpful counts or the gap list. Counts are per node, which bounds a flood well enough.
 */
@Component
public class HelpCenterVisitors {

    /** What an address may do a limited number of times an hour. */
    public enum Action { VOTE, GAP_LOG }

    private final JdbcClient jdbc;
    private final int votesPerHour;
    private final int gapLogsPerHour;
    private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
            .maximumSize(100_000).build();
    private volatile SecretKeySpec key;

    HelpCenterVisitors(JdbcClient jdbc, @Value("${steadydesk.help.votes-per-hour:30}") int votesPerHour,
            @Value("${steadydesk.help.gap-logs-per-hour:20}") int gapLogsPerHour) {
        this.jdbc = jdbc;
        this.votesPerHour = votesPerHour;
        this.gapLogsPerHour = gapLogsPerHour;
    }

    /** The address, HMAC-SHA256 with this installation's key, hex. */
    public String addressHash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(String.valueOf(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the action for the address and answers whether it is still within this hour's allowance. */
    public boolean allow(Action action, String addressHash) {
        int limit = action == Action.VOTE ? votesPerHour : gapLogsPerHour;
        // the window starts with an address's first action and the count expires an hour after it was created
        return counts.get(action + ":" + addressHash, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }

    private SecretKeySpec key() {
        if (key == null) {
            String stored = jdbc.sql("select hash_key from kb_visitor_hash_key").query(String.class).single();
            key = new SecretKeySpec(stored.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        }
        return key;
    }
}
