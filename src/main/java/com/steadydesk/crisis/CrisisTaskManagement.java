package com.steadydesk.crisis;

import com.steadydesk.crisis.internal.CrisisTask;
import com.steadydesk.crisis.internal.CrisisTasks;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shared task list of a crisis for PR, product, tech, marketing, logistics, finance and customer service:
 * assignee, due time, status and comments; overdue tasks are flagged. Every change lands on the timeline.
 */
@Service
public class CrisisTaskManagement {

    private final CrisisTasks tasks;
    private final JdbcClient jdbc;
    private final CrisisTimeline timeline;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CrisisStaffNotices staff;

    CrisisTaskManagement(CrisisTasks tasks, JdbcClient jdbc, CrisisTimeline timeline, CurrentUser currentUser, Clock clock,
            CrisisStaffNotices staff) {
        this.staff = staff;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Adds a task by hand. */
    @Transactional
    public CrisisTaskView add(CrisisId crisis, NewTask command) {
        requireCrisis(crisis);
        Instant now = Instant.now(clock);
        CrisisTask task = tasks.save(CrisisTask.create(crisis.value(), null, command.title(), null, command.department(), null, command.assignee(),
                command.dueAt(), null, null, currentUser.username(), now));
        timeline.append(crisis, "TASK", "task added: " + task.getTitle() + " [" + task.getDepartment() + "]"
                + (task.getAssignee() == null ? "" : " → " + task.getAssignee()), CrisisTimeline.Caption.of("crisis.timeline.text.taskAdded", task.getTitle(),
                "@crisis.department." + task.getDepartment(), task.getAssignee() == null ? "-" : task.getAssignee()));
        staff.tellAssignee(crisis, task.getAssignee(), task.getTitle());
        return view(task, now, List.of());
    }

    @Transactional
    public CrisisTaskView assign(long taskId, String assignee) {
        CrisisTask task = load(taskId);
        String before = task.getAssignee();
        task.assign(assignee);
        tasks.save(task);
        if (task.getAssignee() != null && !task.getAssignee().equals(before)) {
            staff.tellAssignee(new CrisisId(task.getCrisisId()), task.getAssignee(), task.getTitle());
        }
        timeline.append(new CrisisId(task.getCrisisId()), "TASK", "task assigned: " + task.getTitle() + " → "
                + (task.getAssignee() == null ? "-" : task.getAssignee()));
        return find(taskId);
    }

    @Transactional
    public CrisisTaskView reschedule(long taskId, Instant dueAt) {
        CrisisTask task = load(taskId);
        task.reschedule(dueAt);
        tasks.save(task);
        timeline.append(new CrisisId(task.getCrisisId()), "TASK", "task due time changed: " + task.getTitle() + " → " + dueAt);
        return find(taskId);
    }

    /** Moves the task; skipping needs a reason. */
    @Transactional
    public CrisisTaskView changeStatus(long taskId, TaskStatus status, String reason) {
        CrisisTask task = load(taskId);
        TaskStatus before = task.getStatus();
        task.changeStatus(status, reason, Instant.now(clock));
        tasks.save(task);
        if (before != task.getStatus()) {
            timeline.append(new CrisisId(task.getCrisisId()), "TASK", "task " + before + " → " + task.getStatus() + ": " + task.getTitle()
                    + (task.getSkipReason() == null ? "" : " (" + task.getSkipReason() + ")"), CrisisTimeline.Caption.of("crisis.timeline.text.taskStatus",
                    task.getTitle(), "@crisis.task." + before, "@crisis.task." + task.getStatus(),
                    task.getSkipReason() == null ? "" : task.getSkipReason()));
        }
        return find(taskId);
    }

    @Transactional
    public CrisisTaskView comment(long taskId, String text) {
        CrisisTask task = load(taskId);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a comment needs a text");
        }
        jdbc.sql("insert into crisis_task_comments (task_id, author, at, text) values (?, ?, ?, ?)")
                .params(taskId, currentUser.username(), Timestamp.from(Instant.now(clock)), text.strip()).update();
        return find(taskId);
    }

    public CrisisTaskView find(long taskId) {
        CrisisTask task = load(taskId);
        return view(task, Instant.now(clock), comments(List.of(taskId)).getOrDefault(taskId, List.of()));
    }

    /** The crisis's tasks by due time, with comments and overdue flags. */
    public List<CrisisTaskView> of(CrisisId crisis) {
        Instant now = Instant.now(clock);
        List<CrisisTask> list = tasks.findByCrisisIdOrderByDueAtAscIdAsc(crisis.value());
        Map<Long, List<CrisisTaskView.Comment>> comments = comments(list.stream().map(CrisisTask::getId).toList());
        return list.stream().map(t -> view(t, now, comments.getOrDefault(t.getId(), List.of()))).toList();
    }

    public PlaybookProgress progress(CrisisId crisis) {
        List<CrisisTaskView> list = of(crisis);
        return new PlaybookProgress(list.size(), count(list, TaskStatus.DONE), count(list, TaskStatus.SKIPPED),
                count(list, TaskStatus.IN_PROGRESS), (int) list.stream().filter(CrisisTaskView::overdue).count());
    }

    private static int count(List<CrisisTaskView> list, TaskStatus status) {
        return (int) list.stream().filter(t -> t.status() == status).count();
    }

    private Map<Long, List<CrisisTaskView.Comment>> comments(List<Long> taskIds) {
        Map<Long, List<CrisisTaskView.Comment>> map = new HashMap<>();
        if (taskIds.isEmpty()) {
            return map;
        }
        jdbc.sql("select * from crisis_task_comments where task_id in (:ids) order by id").param("ids", taskIds).query(rs -> {
            map.computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(new CrisisTaskView.Comment(rs.getLong("id"),
                    rs.getString("author"), rs.getTimestamp("at").toInstant(), rs.getString("text")));
        });
        return map;
    }

    private CrisisTask load(long taskId) {
        return tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
    }

    private void requireCrisis(CrisisId crisis) {
        if (jdbc.sql("select count(*) from crises where id = ?").param(crisis.value()).query(Integer.class).single() == 0) {
            throw new NotFoundException("crisis", crisis.value());
        }
    }

    static CrisisTaskView view(CrisisTask t, Instant now, List<CrisisTaskView.Comment> comments) {
        return new CrisisTaskView(t.getId(), new CrisisId(t.getCrisisId()), t.getPlaybookStepId(), t.getTitle(), t.getTitleEn(), t.getDepartment(),
                t.getOwnerRole(), t.getAssignee(), t.getDueAt(), t.getStatus(), t.getSkipReason(), t.getScriptRef(), t.getArticleRef(),
                t.getCreatedBy(), t.getCreatedAt(), t.getCompletedAt(), t.overdueAt(now), t.doneLate(), comments);
    }

    /** A task added by hand. */
    public record NewTask(String title, Department department, String assignee, Instant dueAt) {
    }
}
