package com.steadydesk.scripts;

/** A reviewer approved a version of a script; agents now see that version. */
public record ScriptApproved(ScriptId scriptId, int version, String reviewer) {
}
