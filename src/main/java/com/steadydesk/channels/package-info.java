/**
 * Mailboxes (IMAP/SMTP), the raw inbound store and quarantine, the public web form, outbound delivery.
 * Publishes {@link com.steadydesk.channels.InboundMessageReceived} (read the message with
 * {@link com.steadydesk.channels.InboundMessages}), {@link com.steadydesk.channels.MessageDelivered} and
 * {@link com.steadydesk.channels.DeliveryFailed}; offers {@link com.steadydesk.channels.OutboundMail} to send,
 * {@link com.steadydesk.channels.MailFooter} for notices under every outgoing mail,
 * {@link com.steadydesk.channels.Attachments} and {@link com.steadydesk.channels.MailboxManagement}.
 * Never depends on inbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels")
package com.steadydesk.channels;
