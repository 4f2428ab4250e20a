package com.steadydesk.inbox;

/** How a phone call ended, as the agent logs it. */
public enum CallOutcome {
    RESOLVED, CALLBACK_NEEDED, ESCALATED, NO_ANSWER, INFO_ONLY
}
