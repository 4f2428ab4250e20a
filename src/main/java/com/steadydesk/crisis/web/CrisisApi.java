package com.steadydesk.crisis.web;

import com.steadydesk.crisis.ChainNotice;
import com.steadydesk.crisis.CrisisDetails;
import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisTaskManagement;
import com.steadydesk.crisis.CrisisTaskView;
import com.steadydesk.crisis.CrisisTimeline;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.Department;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.GradingMatrix;
import com.steadydesk.crisis.LinkedTicketStats;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.crisis.ReportingChain;
import com.steadydesk.crisis.TaskStatus;
import com.steadydesk.crisis.TimelineEntry;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.platform.Keyset;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/crises: reports (monitoring tools open a crisis report with an API token), declaration, grading, tasks,
 * timeline and linked tickets.
 */
@RestController
@RequestMapping("/api/v1/crises")
class CrisisApi {

    private final CrisisManagement crises;
    private final ReportingChain chain;
    private final CrisisTaskManagement tasks;
    private final CrisisTimeline timeline;

    CrisisApi(CrisisManagement crises, ReportingChain chain, CrisisTaskManagement tasks, CrisisTimeline timeline) {
        this.crises = crises;
        this.chain = chain;
        this.tasks = tasks;
        this.timeline = timeline;
    }

    @PostMapping("/reports")
    @PreAuthorize("hasRole('TEMP_AGENT') or hasRole('CRISIS_LEAD')")
    ResponseEntity<CrisisDetails> report(@Valid @RequestBody ReportBody body) {
        CrisisId id = crises.report(new NewCrisisReport(body.type(), body.title(), body.description(), body.occurringSince(),
                body.exampleTicketIds()));
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id.value())).body(crises.find(id));
    }

    @GetMapping
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Keyset<CrisisDetails> list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return crises.all(cursor, Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    CrisisDetails get(@PathVariable long id) {
        return crises.find(new CrisisId(id));
    }

    @PostMapping("/{id}/declaration")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    CrisisDetails declare(@PathVariable long id, @RequestBody DeclarationBody body) {
        return crises.declare(new CrisisId(id), body.type(), body.title(), body.factors());
    }

    @PostMapping("/{id}/grade")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    GradingMatrix.GradeAssessment grade(@PathVariable long id, @RequestBody GradingFactors factors) {
        return crises.regrade(new CrisisId(id), factors);
    }

    @PostMapping("/{id}/grade-override")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    CrisisDetails override(@PathVariable long id, @Valid @RequestBody OverrideBody body) {
        return crises.overrideGrade(new CrisisId(id), body.grade(), body.reason());
    }

    @PostMapping("/{id}/acknowledgement")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Map<String, Integer> acknowledge(@PathVariable long id) {
        return Map.of("acknowledged", chain.acknowledge(new CrisisId(id)));
    }

    @GetMapping("/{id}/reports")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Keyset<ChainNotice> reports(@PathVariable long id) {
        return Keyset.of(chain.notices(new CrisisId(id)));
    }

    @GetMapping("/{id}/tasks")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Keyset<CrisisTaskView> tasks(@PathVariable long id) {
        return Keyset.of(tasks.of(new CrisisId(id)));
    }

    @PostMapping("/{id}/tasks")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    ResponseEntity<CrisisTaskView> addTask(@PathVariable long id, @Valid @RequestBody TaskBody body) {
        CrisisTaskView task = tasks.add(new CrisisId(id), new CrisisTaskManagement.NewTask(body.title(), body.department(), body.assignee(),
                body.dueAt()));
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id + "/tasks/" + task.id())).body(task);
    }

    @PatchMapping("/{id}/tasks/{taskId}")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    CrisisTaskView changeTask(@PathVariable long id, @PathVariable long taskId, @RequestBody TaskChangeBody body) {
        if (tasks.find(taskId).crisisId().value() != id) {
            throw new com.steadydesk.platform.NotFoundException("task", taskId);
        }
        if (body.assignee() != null) {
            tasks.assign(taskId, body.assignee());
        }
        if (body.dueAt() != null) {
            tasks.reschedule(taskId, body.dueAt());
        }
        if (body.comment() != null && !body.comment().isBlank()) {
            tasks.comment(taskId, body.comment());
        }
        if (body.status() != null) {
            tasks.changeStatus(taskId, body.status(), body.reason());
        }
        return tasks.find(taskId);
    }

    @GetMapping("/{id}/timeline")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Keyset<TimelineEntry> timeline(@PathVariable long id) {
        crises.find(new CrisisId(id));
        return Keyset.of(timeline.entries(new CrisisId(id)));
    }

    @PostMapping("/{id}/timeline")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    TimelineEntry note(@PathVariable long id, @Valid @RequestBody NoteBody body) {
        return timeline.write(new CrisisId(id), body.kind() == null ? "NOTE" : body.kind(), body.text());
    }

    @GetMapping("/{id}/linked-tickets")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    LinkedTickets linked(@PathVariable long id) {
        CrisisId crisis = new CrisisId(id);
        return new LinkedTickets(crises.linkedTickets(crisis).stream().map(TicketId::value).toList(), crises.linkedTicketStats(crisis, 14));
    }

    @PostMapping("/{id}/linked-tickets")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Map<String, Integer> link(@PathVariable long id, @Valid @RequestBody LinkBody body) {
        return Map.of("linked", crises.linkTickets(new CrisisId(id), body.ticketIds().stream().map(TicketId::new).toList(),
                CrisisManagement.BY_HAND));
    }

    /** A crisis report. */
    record ReportBody(CrisisType type, @NotBlank @Size(max = 200) String title, String description, Instant occurringSince,
            List<Long> exampleTicketIds) {
    }

    /** Declaration: type and title may change; the factors give the grade. */
    record DeclarationBody(CrisisType type, String title, GradingFactors factors) {
    }

    /** A grade set against the matrix, with the mandatory reason. */
    record OverrideBody(@NotNull CrisisGrade grade, @NotBlank String reason) {
    }

    /** A task added by hand. */
    record TaskBody(@NotBlank String title, @NotNull Department department, String assignee, Instant dueAt) {
    }

    /** Changes to a task; null fields stay. */
    record TaskChangeBody(TaskStatus status, String reason, String assignee, Instant dueAt, String comment) {
    }

    /** A note or decision. */
    record NoteBody(String kind, @NotBlank String text) {
    }

    /** Tickets to link. */
    record LinkBody(@NotNull @Size(min = 1, max = 1000) List<Long> ticketIds) {
    }

    /** Linked ticket ids and their trend. */
    record LinkedTickets(List<Long> ticketIds, LinkedTicketStats stats) {
    }
}
