package com.steadydesk.channels;

/** A message came in and was parsed; inbox fetches it with {@link InboundMessages#get} and threads it into a ticket. */
public record InboundMessageReceived(InboundMessageId id, Channel channel) {
}
