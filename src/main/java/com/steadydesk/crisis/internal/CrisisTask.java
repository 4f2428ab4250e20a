package com.steadydesk.crisis.internal;

import com.steadydesk.crisis.Department;
import com.steadydesk.crisis.TaskStatus;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A cross-department task of a crisis, from its playbook or added by hand; knows when it is overdue. */
@Table("crisis_tasks")
public class CrisisTask {

    @Id
    private Long id;
    private long crisisId;
    private Long playbookStepId;
    private String title;
    /** The English title of a task started from a playbook step; null for tasks written by hand (shown as written). */
    private String titleEn;
    private Department department;
    private String ownerRole;
    private String assignee;
    private Instant dueAt;
    private TaskStatus status;
    private String skipReason;
    private String scriptRef;
    private String articleRef;
    private String createdBy;
    private Instant createdAt;
    private Instant completedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    CrisisTask(Long id, long crisisId, Long playbookStepId, String title, String titleEn, Department department, String ownerRole,
            String assignee, Instant dueAt, TaskStatus status, String skipReason, String scriptRef, String articleRef, String createdBy,
            Instant createdAt, Instant completedAt, Integer version) {
        this.id = id;
        this.crisisId = crisisId;
        this.playbookStepId = playbookStepId;
        this.title = title;
        this.titleEn = titleEn;
        this.department = department;
        this.ownerRole = ownerRole;
        this.assignee = assignee;
        this.dueAt = dueAt;
        this.status = status;
        this.skipReason = skipReason;
        this.scriptRef = scriptRef;
        this.articleRef = articleRef;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.completedAt = completedAt;
        this.version = version;
    }

    public static CrisisTask create(long crisisId, Long playbookStepId, String title, String titleEn, Department department,
            String ownerRole, String assignee, Instant dueAt, String scriptRef, String articleRef, String by, Instant now) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a task needs a title");
        }
        if (department == null) {
            throw new IllegalArgumentException("a task needs a department");
        }
        String t = title.strip();
        String en = blankToNull(titleEn);
        return new CrisisTask(null, crisisId, playbookStepId, t.length() > 300 ? t.substring(0, 300) : t,
                en == null || en.length() <= 300 ? en : en.substring(0, 300), department, ownerRole,
                blankToNull(assignee), dueAt, TaskStatus.TODO, null, scriptRef, articleRef, by, now, null, null);
    }

    public void assign(String username) {
        requireOpen();
        assignee = blankToNull(username);
    }

    public void reschedule(Instant due) {
        requireOpen();
        dueAt = due;
    }

    /** Moves the task on; SKIPPED needs a reason; a finished task must be reopened (to TODO) before it moves again. */
    public void changeStatus(TaskStatus to, String reason, Instant now) {
        if (to == null || to == status) {
            return;
        }
        if (!status.isOpen() && to != TaskStatus.TODO) {
            throw new DomainRuleViolation("crisis.task.finished", "the task is " + status + "; reopen it first");
        }
        if (to == TaskStatus.SKIPPED && (reason == null || reason.isBlank())) {
            throw new DomainRuleViolation("crisis.task.skip-reason", "skipping a task needs a reason");
        }
        status = to;
        skipReason = to == TaskStatus.SKIPPED ? reason.strip() : null;
        completedAt = to.isOpen() ? null : now;
    }

    /** Open and past its due time. */
    public boolean overdueAt(Instant now) {
        return status.isOpen() && dueAt != null && dueAt.isBefore(now);
    }

    /** Done after its due time (for the review). */
    public boolean doneLate() {
        return status == TaskStatus.DONE && dueAt != null && completedAt != null && completedAt.isAfter(dueAt);
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new DomainRuleViolation("crisis.task.finished", "the task is " + status);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public long getCrisisId() { return crisisId; }
    public Long getPlaybookStepId() { return playbookStepId; }
    public String getTitle() { return title; }
    public String getTitleEn() { return titleEn; }
    public Department getDepartment() { return department; }
    public String getOwnerRole() { return ownerRole; }
    public String getAssignee() { return assignee; }
    public Instant getDueAt() { return dueAt; }
    public TaskStatus getStatus() { return status; }
    public String getSkipReason() { return skipReason; }
    public String getScriptRef() { return scriptRef; }
    public String getArticleRef() { return articleRef; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCompletedAt() { return completedAt; }
}
