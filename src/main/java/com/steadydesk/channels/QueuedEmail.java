package com.steadydesk.channels;

/** A mail accepted for delivery; its Message-ID is fixed at once so that the sender can thread replies to it. */
public record QueuedEmail(long outboundId, String messageId) {
}
