package com.steadydesk.crisis;

/**
 * The phase a public status update announces. Forms bind to it, so a value outside the list is a field error before
 * it gets near a template (it is shown through the message key {@code crisis.phase.<NAME>}).
 */
public enum UpdatePhase {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED
}
