package com.steadydesk.crisis;

import java.time.Instant;

/**
 * One line of a crisis's timeline. {@code kind}: REPORTED, DECLARED, DISMISSED, GRADED, GRADE_OVERRIDDEN, CHAIN_NOTIFIED,
 * ACKNOWLEDGED, ESCALATED, PLAYBOOK_STARTED, TASK, PUBLIC_UPDATE, INTERNAL_UPDATE, DECISION, NOTE, TICKETS_LINKED, RESOLVED,
 * CLOSED, CLEAN_UP.
 */
public record TimelineEntry(long id, CrisisId crisisId, Instant at, String author, String kind, String text) {
}
