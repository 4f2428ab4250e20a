package com.steadydesk.inbox;

import java.time.Instant;
import java.util.Set;

/**
 * Which tickets a statistic counts: those opened in {@code [from, to)}, and, when {@code only} is given, just those
 * (e.g. the tickets linked to a crisis). Tickets merged into another are duplicates and never count.
 */
public record TicketScope(Instant from, Instant to, Set<TicketId> only) {

    public TicketScope {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a ticket scope needs a time window with from <= to");
        }
        only = only == null ? null : Set.copyOf(only);
    }

    /** Every ticket opened in the window. */
    public static TicketScope opened(Instant from, Instant to) {
        return new TicketScope(from, to, null);
    }

    /** The given tickets, if they were opened in the window. */
    public static TicketScope openedAmong(Instant from, Instant to, Set<TicketId> tickets) {
        return new TicketScope(from, to, tickets);
    }
}
