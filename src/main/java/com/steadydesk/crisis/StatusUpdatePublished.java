package com.steadydesk.crisis;

/** A public update went out; subscribers are told and the status page shows it. */
public record StatusUpdatePublished(CrisisId crisisId, long updateId) {
}
