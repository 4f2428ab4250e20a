package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A crisis task as lists and the API show it, with its overdue flag computed at the time of reading. {@code title} is
 * the Chinese (or as-written) title, {@code titleEn} the English one of a playbook task (null when written by hand).
 */
public record CrisisTaskView(long id, CrisisId crisisId, Long playbookStepId, String title, String titleEn, Department department,
        String ownerRole, String assignee, Instant dueAt, TaskStatus status, String skipReason, String scriptRef, String articleRef, String createdBy,
        Instant createdAt, Instant completedAt, boolean overdue, boolean doneLate, List<Comment> comments) {

    /** The title in the reader's language: English screens show a playbook task's English title. */
    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null ? titleEn : title;
    }

    /** A comment on a task. */
    public record Comment(long id, String author, Instant at, String text) {
    }
}
