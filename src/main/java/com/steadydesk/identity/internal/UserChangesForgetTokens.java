package com.steadydesk.identity.internal;

import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Any saved change of a user (deactivated, roles changed, locked after failed logins) evicts the API token check's
 * cache, so that a token stops working, or loses a role, on this node at once. (An application event rather than an
 * entity callback, which would make the users repository depend on the token check that depends on it.)
 */
@Component
class UserChangesForgetTokens {

    private final ApiTokens tokens;

    UserChangesForgetTokens(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void on(AfterSaveEvent<?> event) {
        if (event.getEntity() instanceof User) {
            tokens.forgetCached();
        }
    }
}
