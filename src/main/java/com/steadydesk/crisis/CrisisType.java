package com.steadydesk.crisis;

/** What kind of crisis it is; each type has its own playbook. */
public enum CrisisType {
    TECHNICAL_FAILURE, COMPLAINT_ESCALATION, PR, NATURAL_DISASTER, SOCIAL_EVENT, MANAGEMENT_FAILURE, CYBERSECURITY,
    STAFF_WALKOUT, OTHER
}
