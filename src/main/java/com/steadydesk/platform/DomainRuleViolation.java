package com.steadydesk.platform;

/**
 * An illegal transition or a broken business rule (approving one's own script, sending with an empty placeholder).
 * {@code rule} is a stable code, used for the message key shown to people and in problem details.
 */
public class DomainRuleViolation extends RuntimeException {

    private final String rule;

    public DomainRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
