package com.steadydesk.scripts;

/** An agent inserted a script into a reply on a ticket (the ticket id lets insights join satisfaction later). */
public record ScriptUsed(ScriptId scriptId, Long ticketId, String username) {
}
