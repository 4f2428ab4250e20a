package com.steadydesk.identity.internal;

import com.steadydesk.identity.AuditLog;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed logins towards the lock-out and writes logins to the audit log. */
@Component
class LoginAttempts {

    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(Users users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAs(username, "login.failed", username, event.getException().getClass().getSimpleName());
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            users.findByUsername(username).ifPresent(user -> {
                if (user.loginFailed(Instant.now(clock))) {
                    audit.recordAs("system", "login.locked", username, "after " + User.MAX_FAILED_LOGINS + " failed logins");
                }
                users.save(user);
            });
        }
    }

    @EventListener
    @Transactional
    public void succeeded(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.findByUsername(username).ifPresent(user -> {
            user.loginSucceeded(Instant.now(clock));
            users.save(user);
        });
        audit.recordAs(username, "login.succeeded", username, null);
    }

    @EventListener
    public void loggedOut(LogoutSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), "logout", event.getAuthentication().getName(), null);
    }
}
