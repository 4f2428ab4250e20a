package com.steadydesk.inbox;

/** Lifecycle of a ticket. PENDING (waiting for the customer) pauses the SLA clocks; SOLVED stops resolution. */
public enum TicketStatus {
    NEW, OPEN, PENDING, ON_HOLD, SOLVED, CLOSED;

    /** Still needs work from the team. */
    public boolean isActive() {
        return this == NEW || this == OPEN || this == ON_HOLD;
    }
}
