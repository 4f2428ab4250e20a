package com.steadydesk.crisis;

import com.steadydesk.crisis.internal.CrisisTask;
import com.steadydesk.crisis.internal.CrisisTasks;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Playbooks (应急预案) per crisis type and grade: admins edit the checklists; declaring a crisis starts the matching
 * one, turning each step into a task due at the declaration time plus the step's offset.
 */
@Service
public class PlaybookManagement {

    private final JdbcClient jdbc;
    private final CrisisTasks tasks;
    private final CrisisTimeline timeline;
    private final AuditLog audit;

    PlaybookManagement(JdbcClient jdbc, CrisisTasks tasks, CrisisTimeline timeline, AuditLog audit) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.timeline = timeline;
        this.audit = audit;
    }

    /** Every playbook with its steps, by type and grade. */
    public List<Playbook> all() {
        Map<Long, List<Playbook.Step>> steps = new LinkedHashMap<>();
        jdbc.sql("select * from crisis_playbook_steps order by playbook_id, position, id")
                .query(rs -> {
                    steps.computeIfAbsent(rs.getLong("playbook_id"), k -> new ArrayList<>()).add(step(rs));
                });
        return jdbc.sql("select * from crisis_playbooks order by crisis_type, min_grade").query((rs, n) ->
                new Playbook(rs.getLong("id"), CrisisType.valueOf(rs.getString("crisis_type")), CrisisGrade.valueOf(rs.getString("min_grade")),
                        rs.getString("name_zh"), rs.getString("name_en"), List.copyOf(steps.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    public Playbook get(long id) {
        return all().stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> new NotFoundException("playbook", id));
    }

    /** The playbook for the type whose lowest grade is the highest one not above the crisis's grade. */
    public Optional<Playbook> forCrisis(CrisisType type, CrisisGrade grade) {
        return all().stream().filter(p -> p.type() == type && grade.atLeast(p.minGrade()))
                .max(java.util.Comparator.comparing(Playbook::minGrade));
    }

    /** Creates a playbook (or answers the existing one for this type and grade). */
    @Transactional
    public Playbook create(CrisisType type, CrisisGrade minGrade, String nameZh, String nameEn) {
        if (type == null || minGrade == null || nameZh == null || nameZh.isBlank()) {
            throw new IllegalArgumentException("a playbook needs a type, a grade and a name");
        }
        long id = jdbc.sql("""
                        insert into crisis_playbooks (crisis_type, min_grade, name_zh, name_en) values (?, ?, ?, ?)
                        on conflict (crisis_type, min_grade) do update set name_zh = excluded.name_zh, name_en = excluded.name_en
                        returning id""")
                .params(type.name(), minGrade.name(), nameZh.strip(), nameEn == null || nameEn.isBlank() ? nameZh.strip() : nameEn.strip())
                .query(Long.class).single();
        audit.record("crisis.playbook.saved", "playbook " + id, type + "/" + minGrade);
        return get(id);
    }

    /** Adds a step at the end. */
    @Transactional
    public Playbook addStep(long playbookId, StepDraft draft) {
        get(playbookId);
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from crisis_playbook_steps where playbook_id = ?")
                .param(playbookId).query(Integer.class).single();
        jdbc.sql("""
                        insert into crisis_playbook_steps (playbook_id, position, title_zh, title_en, department, owner_role,
                            due_offset_minutes, script_ref, article_ref) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(playbookId, position, draft.titleZh(), draft.titleEn(), draft.department().name(), draft.ownerRole(),
                        draft.dueOffsetMinutes(), draft.scriptRef(), draft.articleRef()).update();
        audit.record("crisis.playbook.step-added", "playbook " + playbookId, draft.titleZh());
        return get(playbookId);
    }

    @Transactional
    public void removeStep(long playbookId, long stepId) {
        int removed = jdbc.sql("delete from crisis_playbook_steps where id = ? and playbook_id = ?").params(stepId, playbookId).update();
        if (removed == 0) {
            throw new NotFoundException("playbook step", stepId);
        }
        audit.record("crisis.playbook.step-removed", "playbook " + playbookId, "step " + stepId);
    }

    /**
     * Starts the playbook for the crisis: one task per step not started yet for it, due {@code declaredAt} + offset.
     * Calling it again (e.g. after the grade rose to a stronger playbook) adds only the steps not there yet.
     */
    @Transactional
    public List<CrisisTaskView> start(CrisisId crisis, CrisisType type, CrisisGrade grade, Instant declaredAt, String by) {
        Optional<Playbook> playbook = forCrisis(type, grade);
        if (playbook.isEmpty()) {
            return List.of();
        }
        List<CrisisTask> existing = tasks.findByCrisisIdOrderByDueAtAscIdAsc(crisis.value());
        List<String> titles = existing.stream().map(CrisisTask::getTitle).toList();
        List<CrisisTask> created = new ArrayList<>();
        for (Playbook.Step step : playbook.get().steps()) {
            if (titles.contains(step.titleZh())) {
                continue;
            }
            created.add(tasks.save(CrisisTask.create(crisis.value(), step.id(), step.titleZh(), step.titleEn(), step.department(), step.ownerRole(), null,
                    declaredAt.plus(Duration.ofMinutes(step.dueOffsetMinutes())), step.scriptRef(), step.articleRef(), by, declaredAt)));
        }
        if (!created.isEmpty()) {
            timeline.appendAs(by, crisis, "PLAYBOOK_STARTED", playbook.get().nameZh() + " / " + playbook.get().nameEn() + ": "
                    + created.size() + " tasks", CrisisTimeline.Caption.of("crisis.timeline.text.playbook", playbook.get().nameZh(), playbook.get().nameEn(),
                    created.size()));
        }
        return created.stream().map(t -> CrisisTaskManagement.view(t, declaredAt, List.of())).toList();
    }

    private static Playbook.Step step(ResultSet rs) throws SQLException {
        return new Playbook.Step(rs.getLong("id"), rs.getInt("position"), rs.getString("title_zh"), rs.getString("title_en"),
                Department.valueOf(rs.getString("department")), rs.getString("owner_role"), rs.getInt("due_offset_minutes"),
                rs.getString("script_ref"), rs.getString("article_ref"));
    }

    /** A new playbook step as an admin writes it. */
    public record StepDraft(String titleZh, String titleEn, Department department, String ownerRole, int dueOffsetMinutes, String scriptRef,
            String articleRef) {

        public StepDraft {
            if (titleZh == null || titleZh.isBlank()) {
                throw new IllegalArgumentException("a step needs a title");
            }
            if (department == null) {
                throw new IllegalArgumentException("a step needs a department");
            }
            if (dueOffsetMinutes < 0) {
                throw new IllegalArgumentException("the due offset cannot be negative");
            }
            titleZh = titleZh.strip();
            titleEn = titleEn == null || titleEn.isBlank() ? titleZh : titleEn.strip();
            ownerRole = ownerRole == null || ownerRole.isBlank() ? null : ownerRole.strip();
            scriptRef = scriptRef == null || scriptRef.isBlank() ? null : scriptRef.strip();
            articleRef = articleRef == null || articleRef.isBlank() ? null : articleRef.strip();
        }
    }
}
