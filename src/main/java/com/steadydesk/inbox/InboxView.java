package com.steadydesk.inbox;

/** The predefined ticket lists of the inbox sidebar. */
public enum InboxView {
    /** Assigned to the viewer and still needing work. */
    MINE,
    /** New or open tickets nobody has taken. */
    UNASSIGNED,
    /** Tickets of VIP customers still needing work. */
    VIP,
    /** Tickets carrying one tag. */
    TAG,
    SLA_AT_RISK,
    SLA_BREACHED,
    ALL
}
