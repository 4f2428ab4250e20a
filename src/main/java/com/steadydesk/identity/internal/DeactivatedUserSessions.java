package com.steadydesk.identity.internal;

import com.steadydesk.identity.UserDeactivated;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import com.steadydesk.platform.AfterCommit;
import org.springframework.context.event.EventListener;

/**
 * Ends the browser sessions of a user who was just deactivated: the login check alone would let an open session
 * (say, of someone who just left the company) go on working until it times out.
 */
@Component
class DeactivatedUserSessions {

    private final SessionRegistry sessions;

    DeactivatedUserSessions(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    // Not an @ApplicationModuleListener: the sessions live in this node's memory, there is nothing to replay after a crash.
    @EventListener
    void on(UserDeactivated event) {
        AfterCommit.run(() -> sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails user && user.getUsername().equals(event.username()))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .forEach(session -> session.expireNow()));
    }
}
