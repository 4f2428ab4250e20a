package com.steadydesk.crisis;

/** Where a crisis task stands; DONE and SKIPPED are final (a task can be reopened). */
public enum TaskStatus {
    TODO, IN_PROGRESS, DONE, SKIPPED;

    public boolean isOpen() {
        return this == TODO || this == IN_PROGRESS;
    }
}
