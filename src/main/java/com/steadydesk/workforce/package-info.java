/**
 * Workforce continuity: staffing for surges (Erlang C and Erlang A per interval). Roster, backups, onboarding and
 * handover are to come; today the module is the staffing arithmetic the plans will be built on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce", allowedDependencies = {"platform"})
package com.steadydesk.workforce;
