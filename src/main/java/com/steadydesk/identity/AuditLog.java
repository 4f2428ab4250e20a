package com.steadydesk.identity;

import com.steadydesk.identity.internal.AuditEntries;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who did what, when: every module records its decisions here (approvals, logins, admin actions, grades). */
@Service
public class AuditLog {

    private final AuditEntries entries;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditLog(AuditEntries entries, CurrentUser currentUser, Clock clock) {
        this.entries = entries;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Records an action by the current user (or "system"). {@code action} is a stable code such as {@code script.approved}. */
    public void record(String action, String target, String details) {
        recordAs(currentUser.username(), action, target, details);
    }

    public void recordAs(String actor, String action, String target, String details) {
        entries.append(Instant.now(clock), actor, action, target, details, remoteAddress());
    }

    /** Newest first, keyset-paginated by id. */
    public List<AuditEntry> recent(String actorOrNull, String actionPrefixOrNull, Long beforeId, int limit) {
        return entries.recent(actorOrNull, actionPrefixOrNull, beforeId, limit);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** One line of the audit log. */
    public record AuditEntry(long id, Instant at, String actor, String action, String target, String details, String remote) {
    }
}
