package com.steadydesk.crisis.web;

import com.steadydesk.crisis.CrisisCallouts;
import com.steadydesk.crisis.CrisisId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The callouts of a crisis for API clients; errors as problem details (platform.ApiProblems). */
@RestController
class CrisisCalloutsApi {

    private final CrisisCallouts callouts;

    CrisisCalloutsApi(CrisisCallouts callouts) {
        this.callouts = callouts;
    }

    @GetMapping("/api/v1/crises/{id}/callouts")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    List<CrisisCallouts.Callout> list(@PathVariable long id) {
        return callouts.of(new CrisisId(id));
    }

    @PostMapping("/api/v1/crises/{id}/callouts")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    @ResponseStatus(HttpStatus.CREATED)
    CrisisCallouts.Callout create(@PathVariable long id, @Valid @RequestBody NewCallout body) {
        return callouts.add(new CrisisId(id), body.articleId(), body.text());
    }

    @DeleteMapping("/api/v1/crises/{id}/callouts/{articleId}")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @PathVariable long articleId) {
        callouts.remove(new CrisisId(id), articleId);
    }

    /** A callout as an API client sends it. */
    record NewCallout(@NotNull Long articleId, @NotBlank String text) {
    }
}
