package com.steadydesk.platform;

/**
 * An entry of the agent screens' top navigation. Each module declares its own as a bean, so the shared layout
 * never has to know the modules. {@code roles} lists who sees it (any of them, with the role hierarchy); empty = everyone.
 */
public record NavigationItem(String messageKey, String path, int order, String... roles) {
}
