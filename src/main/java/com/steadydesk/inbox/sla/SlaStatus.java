package com.steadydesk.inbox.sla;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket's SLA at a glance, for the ticket page's countdown. Due times stay filled after a target is met
 * ({@code ...MetAt}/{@code resolutionDoneAt} say so); while paused they are the last running values.
 *
 * @param policyName null when no policy applies (state NONE)
 */
public record SlaStatus(SlaState state, String policyName, Instant firstResponseDueAt, Instant firstResponseMetAt,
        Instant resolutionDueAt, Instant resolutionDoneAt, Instant pausedSince, Set<SlaMetric> breached) {

    static final SlaStatus NONE = new SlaStatus(SlaState.NONE, null, null, null, null, null, null, Set.of());

    /** True while the ticket waits for the customer (PENDING) and the clocks stand still. */
    public boolean paused() {
        return pausedSince != null;
    }

    /** The due time a countdown should show: the first response while it runs, else the resolution; null if none. */
    public Instant nextDueAt() {
        if (firstResponseDueAt != null && firstResponseMetAt == null) {
            return firstResponseDueAt;
        }
        return resolutionDoneAt == null ? resolutionDueAt : null;
    }
}
