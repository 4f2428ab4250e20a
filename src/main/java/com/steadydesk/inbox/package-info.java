/**
 * Tickets and their conversations, notes, tags, views, assignment, merging and links, SLA policies and clocks,
 * business hours. Listens to channels' {@code InboundMessageReceived}; calls channels to send replies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package com.steadydesk.inbox;
