package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;

/** A crisis task as lists and the API show it, with its overdue flag computed at the time of reading. */
public record CrisisTaskView(long id, CrisisId crisisId, Long playbookStepId, String title, Department department, String ownerRole,
        String assignee, Instant dueAt, TaskStatus status, String skipReason, String scriptRef, String articleRef, String createdBy,
        Instant createdAt, Instant completedAt, boolean overdue, boolean doneLate, List<Comment> comments) {

    /** A comment on a task. */
    public record Comment(long id, String author, Instant at, String text) {
    }
}
