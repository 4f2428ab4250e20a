package com.steadydesk.crisis.web;

import com.steadydesk.platform.Keyset;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.InternalUpdates;
import com.steadydesk.identity.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/crises/{id}/internal-updates: updates for staff only, and following a crisis to get them. */
@RestController
@RequestMapping("/api/v1/crises/{id}")
class InternalUpdatesApi {

    private final InternalUpdates internalUpdates;
    private final CurrentUser currentUser;

    InternalUpdatesApi(InternalUpdates internalUpdates, CurrentUser currentUser) {
        this.internalUpdates = internalUpdates;
        this.currentUser = currentUser;
    }

    @GetMapping("/internal-updates")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Keyset<InternalUpdates.InternalUpdate> list(@PathVariable long id) {
        return Keyset.of(internalUpdates.of(new CrisisId(id)));
    }

    /** The lead and the squad post; everyone else gets 403. */
    @PostMapping("/internal-updates")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    ResponseEntity<InternalUpdates.InternalUpdate> post(@PathVariable long id, @Valid @RequestBody Body body) {
        InternalUpdates.InternalUpdate update = internalUpdates.post(new CrisisId(id), body.body());
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id + "/internal-updates/" + update.id())).body(update);
    }

    @PutMapping("/followers/me")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Map<String, Boolean> follow(@PathVariable long id) {
        internalUpdates.follow(new CrisisId(id));
        return Map.of("following", true);
    }

    @DeleteMapping("/followers/me")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    Map<String, Boolean> unfollow(@PathVariable long id) {
        internalUpdates.unfollow(new CrisisId(id));
        return Map.of("following", internalUpdates.follows(new CrisisId(id), currentUser.username()));
    }

    /** An internal update's text. */
    record Body(@NotBlank String body) {
    }
}
