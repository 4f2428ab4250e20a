package com.steadydesk.scripts;

/** Typed id of a script. */
public record ScriptId(long value) {
}
