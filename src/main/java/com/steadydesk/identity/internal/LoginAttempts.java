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

/** Counts failed logins towards the {@link LoginThrottle} and writes logins to the audit log. */
@Component
class LoginAttempts {

    private final Users users;
    private final AuditLog audit;
    private final Clock clock;
    private final LoginThrottle throttle;

    LoginAttempts(Users users, AuditLog audit, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.throttle = throttle;
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAs(username, "login.failed", username, event.getException().getClass().getSimpleName());
        // a refusal while the throttle runs (a locked stand-in) does not count: only checked passwords make the delay grow
        if (event instanceof AuthenticationFailureBadCredentialsEvent) {
            throttle.failed(username, LoginThrottle.currentAddress());
        }
    }

    @EventListener
    @Transactional
    public void succeeded(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        throttle.succeeded(username, LoginThrottle.currentAddress());
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
