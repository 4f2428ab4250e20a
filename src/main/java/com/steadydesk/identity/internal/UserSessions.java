package com.steadydesk.identity.internal;

import com.steadydesk.identity.UserDeactivated;
import com.steadydesk.platform.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's browser sessions when the user is deactivated or their password changes: the login check alone would
 * let an open session (of someone who just left, or of whoever learnt the old password) go on working until it times
 * out. Role changes need no ending: {@link LiveSessionRoles} hands the open sessions the new roles.
 */
@Component
public class UserSessions {

    private final SessionRegistry sessions;

    UserSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    // Not an @ApplicationModuleListener: the sessions live in this node's memory, there is nothing to replay after a crash.
    @EventListener
    void on(UserDeactivated event) {
        endAfterCommit(event.username(), null);
    }

    /** Ends the user's sessions once the transaction commits, except the one of the current request (their own). */
    public void endOthersAfterCommit(String username) {
        var session = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getSession(false) : null;
        endAfterCommit(username, session == null ? null : session.getId());
    }

    /** Ends every session of the user once the transaction commits. */
    public void endAllAfterCommit(String username) {
        endAfterCommit(username, null);
    }

    private void endAfterCommit(String username, String keepSessionId) {
        AfterCommit.run(() -> sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails user && user.getUsername().equals(username))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .filter(session -> !session.getSessionId().equals(keepSessionId))
                .forEach(session -> session.expireNow()));
    }
}
