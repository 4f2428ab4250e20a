package com.steadydesk.inbox;

/** Urgency of a ticket; SLA targets are set per priority. */
public enum TicketPriority {
    LOW, NORMAL, HIGH, URGENT
}
