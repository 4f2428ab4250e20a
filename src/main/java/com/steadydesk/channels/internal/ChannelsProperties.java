package com.steadydesk.channels.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the channels module ({@code steadydesk.channels.*}).
 *
 * @param maxAttachmentBytes  largest attachment stored; bigger ones are noted in the message, not kept
 * @param defaultDomain       domain of generated Message-IDs when no mailbox is configured
 * @param contactMaxPerWindow contact-form submissions allowed per client address and window
 * @param contactWindow       the rate-limit window
 * @param contactMinFill      a form sent back faster than this is taken for a bot
 * @param smtpTimeout         connect and read timeout for IMAP and SMTP
 */
@ConfigurationProperties("steadydesk.channels")
public record ChannelsProperties(Long maxAttachmentBytes, String defaultDomain, Integer contactMaxPerWindow,
        Duration contactWindow, Duration contactMinFill, Duration smtpTimeout) {

    public ChannelsProperties {
        if (maxAttachmentBytes == null || maxAttachmentBytes <= 0) maxAttachmentBytes = 10L * 1024 * 1024;
        if (defaultDomain == null || defaultDomain.isBlank()) defaultDomain = "steadydesk.local";
        if (contactMaxPerWindow == null || contactMaxPerWindow <= 0) contactMaxPerWindow = 5;
        if (contactWindow == null) contactWindow = Duration.ofMinutes(10);
        if (contactMinFill == null) contactMinFill = Duration.ofSeconds(3);
        if (smtpTimeout == null) smtpTimeout = Duration.ofSeconds(20);
    }
}
