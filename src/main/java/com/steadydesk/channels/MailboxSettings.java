package com.steadydesk.channels;

import com.steadydesk.customers.EmailAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A mailbox as configured (admin forms and {@link MailboxManagement} take it). Blank passwords mean "unchanged". */
public record MailboxSettings(
        @NotBlank(message = "{channels.error.required}") @Size(max = 100) String name,
        @NotBlank(message = "{channels.error.required}") @EmailAddress.Valid(message = "{channels.error.email}") @Size(max = 256) String address,
        @Size(max = 128) String displayName,
        @Size(max = 256) String imapHost,
        @NotNull(message = "{channels.error.required}") @Min(1) @Max(65535) Integer imapPort,
        Boolean imapSsl,
        @Size(max = 256) String imapUsername,
        @Size(max = 512) String imapPassword,
        @Size(max = 256) String smtpHost,
        @NotNull(message = "{channels.error.required}") @Min(1) @Max(65535) Integer smtpPort,
        Boolean smtpSsl,
        Boolean smtpStarttls,
        @Size(max = 256) String smtpUsername,
        @Size(max = 512) String smtpPassword,
        @NotNull(message = "{channels.error.required}") @Min(value = 5, message = "{channels.error.pollSeconds}") @Max(86400) Integer pollSeconds,
        Boolean isDefault) {

    /** Unchecked checkboxes are not sent at all: absent means false. */
    public MailboxSettings {
        imapSsl = Boolean.TRUE.equals(imapSsl);
        smtpSsl = Boolean.TRUE.equals(smtpSsl);
        smtpStarttls = Boolean.TRUE.equals(smtpStarttls);
        isDefault = Boolean.TRUE.equals(isDefault);
    }

    /** The same settings with blank passwords, as a form sends them back when they are left unchanged. */
    public MailboxSettings withoutPasswords() {
        return new MailboxSettings(name, address, displayName, imapHost, imapPort, imapSsl, imapUsername, null, smtpHost, smtpPort,
                smtpSsl, smtpStarttls, smtpUsername, null, pollSeconds, isDefault);
    }

    /** Defaults for a new mailbox: IMAPS and SMTPS on their standard ports, polled every minute. */
    public static MailboxSettings blank() {
        return new MailboxSettings("", "", "", "", 993, true, "", null, "", 465, true, false, "", null, 60, false);
    }
}
