package com.steadydesk.scripts;

/** Review state of a script's working version: draft → in review → approved → retired. */
public enum ScriptStatus {
    DRAFT, IN_REVIEW, APPROVED, RETIRED
}
