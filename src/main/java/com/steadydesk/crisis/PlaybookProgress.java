package com.steadydesk.crisis;

/** Progress of a crisis's tasks at a glance. */
public record PlaybookProgress(int total, int done, int skipped, int inProgress, int overdue) {

    /** Finished share in percent (done or skipped). */
    public int percent() {
        return total == 0 ? 0 : (done + skipped) * 100 / total;
    }
}
