package com.steadydesk.scripts;

/** How bad a lint finding is; an ERROR blocks approval, a WARNING is shown to author and reviewer. */
public enum Severity {
    INFO, WARNING, ERROR
}
