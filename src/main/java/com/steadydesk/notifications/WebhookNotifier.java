package com.steadydesk.notifications;

import com.steadydesk.identity.AuditLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhooks through which a company plugs in SMS or app push: every public notice is POSTed as JSON, signed with
 * the webhook's secret ({@code X-SteadyDesk-Signature: sha256=<hex>}), retried with growing pauses, and given up
 * (FAILED, visible) after {@link #MAX_ATTEMPTS}.
 */
@Service
public class WebhookNotifier {

    public static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookNotifier(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a webhook; answers its id and the secret to verify signatures with. */
    @Transactional
    public Registered register(String name, String url) {
        if (url == null || !url.strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("a webhook needs an http(s) URL");
        }
        String secret = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        long id = jdbc.sql("insert into notification_webhooks (name, url, secret, created_at) values (?, ?, ?, ?) returning id")
                .params(name == null || name.isBlank() ? url.strip() : name.strip(), url.strip(), secret, Timestamp.from(Instant.now(clock)))
                .query(Long.class).single();
        audit.record("notifications.webhook.registered", "webhook " + id, url.strip());
        return new Registered(id, secret);
    }

    @Transactional
    public void deactivate(long id) {
        jdbc.sql("update notification_webhooks set active = false where id = ?").param(id).update();
        audit.record("notifications.webhook.deactivated", "webhook " + id, null);
    }

    /** Active and inactive webhooks, without their secrets. */
    public List<Webhook> webhooks() {
        return jdbc.sql("select * from notification_webhooks order by id").query((rs, n) -> new Webhook(rs.getLong("id"), rs.getString("name"),
                rs.getString("url"), rs.getBoolean("active"))).list();
    }

    /** Sends every webhook delivery due at {@code now}; answers how many were attempted. The schedule calls it; tests too. */
    public int deliverDue(Instant now) {
        List<Long> due = jdbc.sql("""
                        select id from notification_deliveries where channel = 'WEBHOOK' and status = 'QUEUED' and next_attempt_at <= ?
                        order by next_attempt_at limit 100""").param(Timestamp.from(now)).query(Long.class).list();
        for (long id : due) {
            attempt(id, now);
        }
        return due.size();
    }

    private void attempt(long deliveryId, Instant now) {
        record Target(String url, String secret, String body, int attempts) {
        }
        Target t = jdbc.sql("""
                        select w.url, w.secret, d.body, d.attempts from notification_deliveries d join notification_webhooks w on w.id = d.webhook_id
                        where d.id = ?""").param(deliveryId)
                .query((rs, n) -> new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))).single();
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(t.url())).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-SteadyDesk-Signature", "sha256=" + signature(t.secret(), t.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(t.body(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                error = "HTTP " + response.statusCode();
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = t.attempts() + 1;
        if (error == null) {
            jdbc.sql("update notification_deliveries set status = 'SENT', attempts = ?, sent_at = ?, last_error = null, next_attempt_at = null where id = ?")
                    .params(attempts, Timestamp.from(now), deliveryId).update();
        } else if (attempts >= MAX_ATTEMPTS) {
            jdbc.sql("update notification_deliveries set status = 'FAILED', attempts = ?, last_error = ?, next_attempt_at = null where id = ?")
                    .params(attempts, error, deliveryId).update();
        } else {
            // 1, 2, 4, 8 minutes: a gateway that is down for a moment gets the notice soon after it is back
            Instant next = now.plus(Duration.ofMinutes(1L << (attempts - 1)));
            jdbc.sql("update notification_deliveries set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                    .params(attempts, error, Timestamp.from(next), deliveryId).update();
        }
    }

    static String payload(PublicNotice notice) {
        return "{\"ref\":\"" + json(notice.ref()) + "\",\"subject\":{\"zh\":\"" + json(notice.subjectZh()) + "\",\"en\":\""
                + json(notice.subjectEn()) + "\"},\"text\":{\"zh\":\"" + json(notice.textZh()) + "\",\"en\":\"" + json(notice.textEn())
                + "\"},\"link\":" + (notice.link() == null ? "null" : "\"" + json(notice.link()) + "\"") + "}";
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A registered webhook and its secret (shown once). */
    public record Registered(long id, String secret) {
    }

    /** A webhook as listed. */
    public record Webhook(long id, String name, String url, boolean active) {
    }
}
