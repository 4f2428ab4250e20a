/**
 * The script library (话术库): approved wording with placeholders, snippets, review and versions, usage,
 * quality checks (linter, contradictions) and fast retrieval. Knows a crisis only as an opaque id; the crisis
 * module calls {@link com.steadydesk.scripts.ScriptManagement#crisisClosed(long)} and
 * {@link com.steadydesk.scripts.ScriptManagement#retireCrisisScripts(long)}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scripts")
package com.steadydesk.scripts;
