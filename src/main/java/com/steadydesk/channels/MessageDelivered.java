package com.steadydesk.channels;

/** The SMTP server accepted the mail. */
public record MessageDelivered(long outboundId, String correlation, String messageId) {
}
