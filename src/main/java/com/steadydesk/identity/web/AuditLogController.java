package com.steadydesk.identity.web;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.AuditLog.AuditEntry;
import com.steadydesk.platform.Keyset;
import com.steadydesk.identity.Role;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, filtered by actor and action prefix; read-only, for admins and supervisors. */
@Controller
@RequestMapping("/admin/audit")
class AuditLogController {

    static final int PAGE_SIZE = 50;

    /** Role codes as identity's own entries write them ("roles=[AGENT] -> [TEMP_AGENT]"). */
    private static final Pattern ROLE_CODE = Pattern.compile("\\b(" + Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.joining("|")) + ")\\b");

    private final AuditLog audit;
    private final IdentityPages pages;

    AuditLogController(AuditLog audit, IdentityPages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) Long before, Model model) {
        String actorFilter = blankToNull(actor);
        String actionFilter = blankToNull(action);
        List<AuditEntry> rows = audit.recent(actorFilter, actionFilter, before, PAGE_SIZE + 1);
        List<AuditEntry> shown = rows.stream().limit(PAGE_SIZE).map(this::withRoleNames).toList();
        String older = rows.size() > PAGE_SIZE ? String.valueOf(shown.get(shown.size() - 1).id()) : null;
        model.addAttribute("page", new Keyset<>(shown, older));
        model.addAttribute("actor", actorFilter);
        model.addAttribute("action", actionFilter);
        model.addAttribute("first", before == null);
        return "identity/audit";
    }

    /**
     * The log stores role codes (stable, searchable); a person reads role names in their language. Only identity's
     * user entries are rewritten: elsewhere a word like AGENT may mean something else (who wrote a message).
     */
    private AuditEntry withRoleNames(AuditEntry e) {
        if (e.details() == null || e.action() == null || !e.action().startsWith("user.")) {
            return e;
        }
        String details = ROLE_CODE.matcher(e.details()).replaceAll(m -> Matcher.quoteReplacement(pages.message("role." + m.group(1))));
        return new AuditEntry(e.id(), e.at(), e.actor(), e.action(), e.target(), details, e.remote());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
