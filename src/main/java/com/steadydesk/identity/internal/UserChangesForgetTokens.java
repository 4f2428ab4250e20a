package com.steadydesk.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Any saved change of a user (deactivated, roles changed) evicts the API token check's cache and the open sessions'
 * role cache, so that a token or a session stops working, or loses a role, on this node at once. (An application event rather than an
 * entity callback, which would make the users repository depend on the token check that depends on it.)
 */
@Component
class UserChangesForgetTokens {

    private final ApiTokens tokens;
    private final LiveSessionRoles sessionRoles;

    UserChangesForgetTokens(ApiTokens tokens, LiveSessionRoles sessionRoles) {
        this.tokens = tokens;
        this.sessionRoles = sessionRoles;
    }

    @EventListener
    void on(AfterSaveEvent<?> event) {
        if (event.getEntity() instanceof User) {
            tokens.forgetCached();
            sessionRoles.forgetCached();
        }
    }
}
