package com.steadydesk.inbox;

/** Sort orders of the inbox list; each is backed by an index and paginated by keyset. */
public enum InboxSort {
    /** Most recently updated first. */
    UPDATED,
    /** Newest first. */
    CREATED,
    /** Most urgent first, then most recently updated. */
    PRIORITY,
    /** Nearest SLA target first; tickets without a running target last. */
    SLA
}
