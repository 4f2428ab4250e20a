package com.steadydesk.scripts;

import java.util.Set;

/**
 * A placeholder a script declares: {@code name} as written between {@code {{ }}}, a label the agent sees and whether the
 * reply may be sent without it. Names in {@link #AUTO} are filled from the ticket, customer, agent or crisis page.
 */
public record Placeholder(String name, String label, boolean required) {

    /** Placeholders filled automatically; every other name is typed by the agent. */
    public static final Set<String> AUTO = Set.of("customer.name", "ticket.number", "agent.name", "crisis.status_url");

    public Placeholder {
        if (name == null || !PlaceholderText.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("placeholder name must be letters, digits, _ and at most one dot: " + name);
        }
        label = label == null || label.isBlank() ? name : label.strip();
    }

    public boolean auto() {
        return AUTO.contains(name);
    }
}
