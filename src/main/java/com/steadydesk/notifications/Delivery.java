package com.steadydesk.notifications;

import java.time.Instant;

/** One notice to one recipient (an email subscriber or a webhook): its status, attempts and last error. */
public record Delivery(long id, String noticeRef, String channel, String recipient, String status, int attempts, String lastError,
        Instant createdAt, Instant sentAt) {
}
