package com.steadydesk.crisis.web;

import com.steadydesk.crisis.CrisisCleanup;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.PublicUpdate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/crises/{id}/cleanup: the clean-up checklist of a closed crisis, and the contact-point changes it must undo. */
@RestController
@RequestMapping("/api/v1/crises/{id}")
class CleanupApi {

    private final CrisisCleanup cleanup;

    CleanupApi(CrisisCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @GetMapping("/cleanup")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Progress checklist(@PathVariable long id) {
        return progress(id);
    }

    /** {@code decision}: RETIRE or KEEP. */
    @PostMapping("/cleanup/scripts/{scriptId}")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    Progress decideScript(@PathVariable long id, @PathVariable long scriptId, @Valid @RequestBody ScriptDecision body) {
        switch (body.decision()) {
            case RETIRE -> cleanup.retireScript(new CrisisId(id), scriptId);
            case KEEP -> cleanup.keepScript(new CrisisId(id), scriptId);
        }
        return progress(id);
    }

    /** {@code kind}: BANNER, CALLOUTS or MAIL_FOOTER. */
    @PostMapping("/cleanup/notices/{kind}/clearance")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    Progress clearNotice(@PathVariable long id, @PathVariable String kind) {
        cleanup.clearNotice(new CrisisId(id), kind);
        return progress(id);
    }

    @PostMapping("/cleanup/steps/{stepId}/confirmation")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    Progress confirm(@PathVariable long id, @PathVariable long stepId) {
        cleanup.confirm(new CrisisId(id), stepId);
        return progress(id);
    }

    @GetMapping("/cleanup/final-update")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    com.steadydesk.crisis.StatusPage.UpdateDraft finalUpdateDraft(@PathVariable long id) {
        return cleanup.draftFinalUpdate(new CrisisId(id));
    }

    @PostMapping("/cleanup/final-update")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    @ResponseStatus(HttpStatus.CREATED)
    PublicUpdate sendFinalUpdate(@PathVariable long id, @Valid @RequestBody FinalUpdate body) {
        return cleanup.sendFinalUpdate(new CrisisId(id), body.bodyZh(), body.bodyEn());
    }

    @PostMapping("/contact-point-changes")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    @ResponseStatus(HttpStatus.CREATED)
    CrisisCleanup.CleanupStep recordContactPointChange(@PathVariable long id, @Valid @RequestBody ContactPointChange body) {
        return cleanup.recordContactPointChange(new CrisisId(id), body.change());
    }

    private Progress progress(long id) {
        CrisisCleanup.Checklist checklist = cleanup.checklist(new CrisisId(id));
        return new Progress(checklist.done(), checklist.total(), checklist.steps());
    }

    /** The checklist with "n of m done". */
    record Progress(int done, int total, java.util.List<CrisisCleanup.CleanupStep> steps) {
    }

    /** Retire or keep a crisis-only script. */
    record ScriptDecision(@NotNull Decision decision) {
    }

    enum Decision { RETIRE, KEEP }

    /** The final "resolved" update; English falls back to the Chinese text. */
    record FinalUpdate(@NotBlank String bodyZh, String bodyEn) {
    }

    /** A temporary change to a contact point, as the lead describes it. */
    record ContactPointChange(@NotBlank String change) {
    }
}
