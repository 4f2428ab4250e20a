package com.steadydesk.channels.internal;

/** Life of an inbound message: stored raw, then parsed, or quarantined until an admin retries or discards it. */
public enum InboundStatus {
    RECEIVED, PARSED, QUARANTINED, DISCARDED;

    /** Whether the parser may (re)run: a fresh message, or a quarantined one on retry. */
    boolean parseable() {
        return this == RECEIVED || this == QUARANTINED;
    }
}
