/**
 * Crisis command: crisis events and their grading, the reporting chain with escalation, playbooks and
 * cross-department tasks, the timeline and linked tickets. Orchestrates the lower modules; none depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Crisis",
        allowedDependencies = {"inbox", "scripts", "knowledge", "channels", "notifications", "customers", "identity", "search",
                "platform"})
package com.steadydesk.crisis;
