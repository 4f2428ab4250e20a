package com.steadydesk.crisis;

/** A report was declared a crisis; its playbook started. */
public record CrisisDeclared(CrisisId crisisId) {
}
