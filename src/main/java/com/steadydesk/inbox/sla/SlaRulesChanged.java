package com.steadydesk.inbox.sla;

/** A policy or calendar was changed: the open tickets' clocks are recalculated in the background. */
public record SlaRulesChanged(String what) {
}
