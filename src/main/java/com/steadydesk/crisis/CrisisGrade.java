package com.steadydesk.crisis;

/** How serious a crisis is (轻微 / 中度 / 重大); decides the reporting chain and the playbook. */
public enum CrisisGrade {
    MINOR, MODERATE, MAJOR;

    public boolean atLeast(CrisisGrade other) {
        return compareTo(other) >= 0;
    }
}
