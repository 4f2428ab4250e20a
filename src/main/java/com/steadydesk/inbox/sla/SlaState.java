package com.steadydesk.inbox.sla;

/** Where a ticket stands against its SLA (the {@code tickets.sla_state} column). BREACHED stays once reached. */
public enum SlaState {
    NONE, OK, AT_RISK, BREACHED
}
