package com.steadydesk.channels;

import java.util.List;

/**
 * A mail to send. {@code mailboxId} null = the default mailbox. {@code correlation} is the sender's own reference
 * (e.g. "ticket-message:42"), handed back in {@link MessageDelivered} and {@link DeliveryFailed}.
 */
public record OutgoingEmail(Long mailboxId, String to, String toName, String subject, String textBody, String htmlBody,
        String inReplyTo, List<String> references, List<Long> attachmentIds, String correlation) {
}
