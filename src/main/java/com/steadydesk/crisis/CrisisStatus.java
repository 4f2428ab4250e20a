package com.steadydesk.crisis;

/**
 * Lifecycle: a report is REPORTED until the lead declares it a crisis (DECLARED) or dismisses it (DISMISSED);
 * a declared crisis is RESOLVED when the fault is over but follow-up continues, then CLOSED after clean-up.
 */
public enum CrisisStatus {
    REPORTED, DECLARED, RESOLVED, CLOSED, DISMISSED;

    /** Still being handled (reported or declared or in follow-up). */
    public boolean isOpen() {
        return this == REPORTED || this == DECLARED || this == RESOLVED;
    }
}
