/**
 * Mailboxes (IMAP/SMTP), the raw inbound store and quarantine, the public web form, outbound delivery.
 * Publishes {@link com.steadydesk.channels.InboundMessageReceived}; never depends on inbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package com.steadydesk.channels;
