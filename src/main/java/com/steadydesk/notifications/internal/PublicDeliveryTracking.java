package com.steadydesk.notifications.internal;

import com.steadydesk.channels.DeliveryFailed;
import com.steadydesk.channels.MessageDelivered;
import com.steadydesk.notifications.WebhookNotifier;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the public deliveries' status true: channels tells whether each email went out or was given up, and the
 * webhook deliveries that are due are sent every few seconds (one node at a time, by advisory lock).
 */
@Component
class PublicDeliveryTracking {

    private static final String PREFIX = "public-notice:";
    private static final long LOCK_KEY = 0x5D_0850L;

    private final JdbcClient jdbc;
    private final WebhookNotifier webhooks;
    private final Clock clock;
    private final TransactionTemplate tx;

    PublicDeliveryTracking(JdbcClient jdbc, WebhookNotifier webhooks, Clock clock, TransactionTemplate tx) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "notifications.public-delivery-sent")
    void on(MessageDelivered event) {
        deliveryId(event.correlation()).ifPresent(id -> jdbc.sql("""
                        update notification_deliveries set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?""")
                .params(java.sql.Timestamp.from(Instant.now(clock)), id).update());
    }

    @ApplicationModuleListener(id = "notifications.public-delivery-failed")
    void on(DeliveryFailed event) {
        deliveryId(event.correlation()).ifPresent(id -> jdbc.sql("""
                        update notification_deliveries set status = ?, attempts = attempts + 1, last_error = ? where id = ?""")
                .params(event.willRetry() ? "QUEUED" : "FAILED", event.reason(), id).update());
    }

    @Scheduled(initialDelayString = "PT15S", fixedDelayString = "${steadydesk.notifications.webhook-every:PT10S}")
    void sendWebhooks() {
        tx.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single())) {
                webhooks.deliverDue(Instant.now(clock));
            }
        });
    }

    private static java.util.Optional<Long> deliveryId(String correlation) {
        return correlation != null && correlation.startsWith(PREFIX) && correlation.substring(PREFIX.length()).matches("\\d{1,18}")
                ? java.util.Optional.of(Long.parseLong(correlation.substring(PREFIX.length()))) : java.util.Optional.empty();
    }
}
