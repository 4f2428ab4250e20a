package com.steadydesk.identity;

/**
 * An entry of the admin area's sub-navigation (Users, Audit log, Mailboxes, SLA...). A module adds its admin screen
 * by declaring a {@code @Bean AdminLink} and including {@code templates/identity/admin-nav.html} with its {@code key}
 * as the active one. {@code roles} lists who sees it (with the role hierarchy); empty means every admin-area visitor.
 */
public record AdminLink(String key, String messageKey, String path, int order, String... roles) {
}
