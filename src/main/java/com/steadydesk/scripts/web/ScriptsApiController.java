package com.steadydesk.scripts.web;

import com.steadydesk.platform.Keyset;
import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptManagement.Contradiction;
import com.steadydesk.scripts.ScriptManagement.LibraryFilter;
import com.steadydesk.scripts.ScriptManagement.SaveResult;
import com.steadydesk.scripts.ScriptManagement.ScriptSummary;
import com.steadydesk.scripts.ScriptManagement.ScriptView;
import com.steadydesk.scripts.ScriptManagement.Suggestion;
import com.steadydesk.scripts.ScriptManagement.SuggestionRequest;
import com.steadydesk.scripts.ScriptManagement.UsageReport;
import com.steadydesk.scripts.ScriptManagement.VersionInfo;
import com.steadydesk.scripts.ScriptStatus;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The script library over REST. Agents (TEMP_AGENT and up) read approved scripts and suggestions; editors (SUPERVISOR,
 * REVIEWER, CRISIS_LEAD) write and submit; only REVIEWERs approve, reject and retire.
 */
@RestController
@RequestMapping("/api/v1/scripts")
class ScriptsApiController {

    static final String EDITORS = "hasAnyRole('SUPERVISOR','REVIEWER','CRISIS_LEAD')";
    /** Everyone who answers customers or looks after wording (reviewers and crisis leads need not be agents). */
    static final String READERS = "hasAnyRole('TEMP_AGENT','REVIEWER','CRISIS_LEAD')";

    private final ScriptManagement scripts;

    ScriptsApiController(ScriptManagement scripts) {
        this.scripts = scripts;
    }

    @GetMapping
    @PreAuthorize(ScriptsApiController.READERS)
    Keyset<ScriptSummary> list(@RequestParam(required = false) Long categoryId, @RequestParam(required = false) String tag,
            @RequestParam(required = false) String language, @RequestParam(required = false) ScriptStatus status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return scripts.list(new LibraryFilter(categoryId, tag, language, status), cursor, Math.min(Math.max(limit, 1), 200));
    }

    @GetMapping("/search")
    @PreAuthorize(ScriptsApiController.READERS)
    Keyset<ScriptSummary> search(@RequestParam String q, @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "20") int limit) {
        return Keyset.of(scripts.search(q, new LibraryFilter(categoryId, tag, language, null), Math.min(Math.max(limit, 1), 100)));
    }

    @GetMapping("/suggestions")
    @PreAuthorize(ScriptsApiController.READERS)
    Keyset<Suggestion> suggestions(@RequestParam String text, @RequestParam(defaultValue = "false") boolean vip,
            @RequestParam(required = false) String segment) {
        return Keyset.of(scripts.suggestions(new SuggestionRequest(text, vip, segment, 5)));
    }

    @GetMapping("/{id}")
    @PreAuthorize(ScriptsApiController.READERS)
    ScriptView get(@PathVariable long id) {
        return scripts.view(new ScriptId(id));
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<SaveResult> create(@Valid @RequestBody ScriptDraft draft) {
        SaveResult result = scripts.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/scripts/" + result.id().value())).body(result);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    SaveResult update(@PathVariable long id, @Valid @RequestBody ScriptDraft draft) {
        return scripts.update(new ScriptId(id), draft);
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(EDITORS)
    ResponseEntity<Void> submit(@PathVariable long id) {
        scripts.submitForReview(new ScriptId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('REVIEWER')")
    ResponseEntity<Void> approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        scripts.approve(new ScriptId(id), decision == null ? null : decision.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('REVIEWER')")
    ResponseEntity<Void> reject(@PathVariable long id, @RequestBody Decision decision) {
        scripts.reject(new ScriptId(id), decision.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasRole('REVIEWER')")
    ResponseEntity<Void> retire(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        scripts.retire(new ScriptId(id), decision == null ? null : decision.comment());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/versions")
    @PreAuthorize(ScriptsApiController.READERS)
    Keyset<VersionInfo> versions(@PathVariable long id) {
        return Keyset.of(scripts.versions(new ScriptId(id)));
    }

    @GetMapping("/{id}/diff")
    @PreAuthorize(EDITORS)
    Diff diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return new Diff(from, to, scripts.diff(new ScriptId(id), from, to));
    }

    @GetMapping("/{id}/lint")
    @PreAuthorize(EDITORS)
    Keyset<LintFinding> lint(@PathVariable long id) {
        return Keyset.of(scripts.lint(new ScriptId(id)));
    }

    @GetMapping("/{id}/usage")
    @PreAuthorize(ScriptsApiController.READERS)
    UsageReport usage(@PathVariable long id) {
        return scripts.usage(new ScriptId(id));
    }

    @PostMapping("/{id}/used")
    @PreAuthorize(ScriptsApiController.READERS)
    ResponseEntity<Void> used(@PathVariable long id, @RequestBody Use use) {
        scripts.recordUse(new ScriptId(id), use.ticketId(), use.text());
        return ResponseEntity.noContent().build();
    }

    /** Whether a reply text may be sent: it may not while a placeholder is still unfilled. */
    @PostMapping("/placeholders/check")
    @PreAuthorize(ScriptsApiController.READERS)
    PlaceholderCheck check(@RequestBody Text text) {
        List<String> unfilled = scripts.unfilledPlaceholders(text.text());
        return new PlaceholderCheck(unfilled, unfilled.isEmpty());
    }

    @GetMapping("/contradictions")
    @PreAuthorize(EDITORS)
    Keyset<Contradiction> contradictions() {
        return Keyset.of(scripts.contradictions());
    }

    /** A reviewer's comment. */
    record Decision(String comment) {
    }

    /** A use of a script on a ticket. */
    record Use(Long ticketId, String text) {
    }

    /** A reply text. */
    record Text(String text) {
    }

    /** The unfilled placeholders of a reply text. */
    record PlaceholderCheck(List<String> unfilled, boolean sendable) {
    }

    /** A diff rendered as HTML with ins/del. */
    record Diff(int from, int to, String html) {
    }
}
