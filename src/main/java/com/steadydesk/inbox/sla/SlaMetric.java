package com.steadydesk.inbox.sla;

/** The two SLA targets of a ticket; the names are those carried by {@code SlaBreached.metric}. */
public enum SlaMetric {
    FIRST_RESPONSE, RESOLUTION
}
