package com.steadydesk.scripts;

/** A script was retired and disappeared from agents' view. */
public record ScriptRetired(ScriptId scriptId, String by) {
}
