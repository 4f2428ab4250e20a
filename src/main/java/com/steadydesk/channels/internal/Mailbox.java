package com.steadydesk.channels.internal;

import com.steadydesk.channels.MailboxSettings;
import java.time.Instant;
import java.util.Locale;

/**
 * A support address: where mail is fetched (IMAP) and sent from (SMTP). Passwords are held here for the mail
 * servers and never leave the module; the web layer shows only whether one is set.
 */
public record Mailbox(Long id, String name, String address, String displayName,
        String imapHost, int imapPort, boolean imapSsl, String imapUsername, String imapPassword,
        String smtpHost, int smtpPort, boolean smtpSsl, boolean smtpStarttls, String smtpUsername, String smtpPassword,
        int pollSeconds, boolean active, boolean isDefault, long lastUid, Long uidValidity, Instant lastPolledAt,
        String lastError) {

    /** A new, inactive mailbox built from the admin's settings. */
    public static Mailbox create(MailboxSettings s) {
        return new Mailbox(null, s.name().strip(), s.address().strip().toLowerCase(Locale.ROOT), blankToNull(s.displayName()),
                blankToNull(s.imapHost()), s.imapPort(), s.imapSsl(), blankToNull(s.imapUsername()), blankToNull(s.imapPassword()),
                blankToNull(s.smtpHost()), s.smtpPort(), s.smtpSsl(), s.smtpStarttls(), blankToNull(s.smtpUsername()),
                blankToNull(s.smtpPassword()), s.pollSeconds(), false, s.isDefault(), 0, null, null, null);
    }

    /** The same mailbox with new settings; a blank password keeps the stored one (forms never show it back). */
    public Mailbox withSettings(MailboxSettings s) {
        boolean serverChanged = !eq(imapHost, blankToNull(s.imapHost())) || imapPort != s.imapPort()
                || !eq(imapUsername, blankToNull(s.imapUsername()));
        return new Mailbox(id, s.name().strip(), s.address().strip().toLowerCase(Locale.ROOT), blankToNull(s.displayName()),
                blankToNull(s.imapHost()), s.imapPort(), s.imapSsl(), blankToNull(s.imapUsername()),
                s.imapPassword() == null || s.imapPassword().isBlank() ? imapPassword : s.imapPassword(),
                blankToNull(s.smtpHost()), s.smtpPort(), s.smtpSsl(), s.smtpStarttls(), blankToNull(s.smtpUsername()),
                s.smtpPassword() == null || s.smtpPassword().isBlank() ? smtpPassword : s.smtpPassword(),
                s.pollSeconds(), active, s.isDefault(),
                // another server or account has other UIDs: start over (Message-IDs keep duplicates out)
                serverChanged ? 0 : lastUid, serverChanged ? null : uidValidity, lastPolledAt, lastError);
    }

    /** True when it is time to fetch mail again. */
    public boolean pollDue(Instant now) {
        return active && imapHost != null && (lastPolledAt == null || !lastPolledAt.plusSeconds(pollSeconds).isAfter(now));
    }

    /** The domain of the address, used for the Message-IDs of mail sent from it. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(at + 1);
    }

    public boolean canSend() {
        return smtpHost != null;
    }

    public boolean hasImapPassword() {
        return imapPassword != null;
    }

    public boolean hasSmtpPassword() {
        return smtpPassword != null;
    }

    /** The settings as a form shows them: everything but the passwords. */
    public MailboxSettings settings() {
        return new MailboxSettings(name, address, displayName, imapHost, imapPort, imapSsl, imapUsername, null,
                smtpHost, smtpPort, smtpSsl, smtpStarttls, smtpUsername, null, pollSeconds, isDefault).withoutPasswords();
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
