package com.steadydesk.channels;

/** Sending failed; {@code willRetry} false means it was the last attempt. */
public record DeliveryFailed(long outboundId, String correlation, String reason, boolean willRetry) {
}
