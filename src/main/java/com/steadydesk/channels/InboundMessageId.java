package com.steadydesk.channels;

/** Typed id of a stored inbound message (raw first, parsed after). */
public record InboundMessageId(long value) {
}
