package com.steadydesk.identity;

/**
 * What a person may do. ADMIN ⊃ SUPERVISOR ⊃ AGENT ⊃ TEMP_AGENT by hierarchy; ADMIN also holds REVIEWER and
 * CRISIS_LEAD. A TEMP_AGENT (secondee, outsourcer, part-timer) answers tickets but sees contact data masked.
 */
public enum Role {
    ADMIN, SUPERVISOR, AGENT, TEMP_AGENT, REVIEWER, CRISIS_LEAD;

    /** The Spring Security authority name, e.g. {@code ROLE_AGENT}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The hierarchy in Spring Security's notation; one source for filter chains and method security. */
    public static String hierarchy() {
        return """
                ROLE_ADMIN > ROLE_SUPERVISOR
                ROLE_SUPERVISOR > ROLE_AGENT
                ROLE_AGENT > ROLE_TEMP_AGENT
                ROLE_ADMIN > ROLE_REVIEWER
                ROLE_ADMIN > ROLE_CRISIS_LEAD
                """;
    }
}
