package com.steadydesk.identity.web;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.AuditLog.AuditEntry;
import com.steadydesk.platform.Keyset;
import java.util.List;
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

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) Long before, Model model) {
        String actorFilter = blankToNull(actor);
        String actionFilter = blankToNull(action);
        List<AuditEntry> rows = audit.recent(actorFilter, actionFilter, before, PAGE_SIZE + 1);
        List<AuditEntry> shown = rows.stream().limit(PAGE_SIZE).toList();
        String older = rows.size() > PAGE_SIZE ? String.valueOf(shown.get(shown.size() - 1).id()) : null;
        model.addAttribute("page", new Keyset<>(shown, older));
        model.addAttribute("actor", actorFilter);
        model.addAttribute("action", actionFilter);
        model.addAttribute("first", before == null);
        return "identity/audit";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
