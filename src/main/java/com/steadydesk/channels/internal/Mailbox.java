package com.steadydesk.channels.internal;

import com.steadydesk.channels.MailboxSettings;
import java.time.Instant;
import java.util.Locale;

/**
 * A support address: where mail is fetched (IMAP) and sent from (SMTP). Its passwords are held sealed by the
 * {@link SecretBox}, as stored; {@link MailServers} opens them only to connect. The web layer shows only whether one is set.
 */
public record Mailbox(Long id, String name, String address, String displayName,
        String imapHost, int imapPort, boolean imapSsl, String imapUsername, String sealedImapPassword,
        String smtpHost, int smtpPort, boolean smtpSsl, boolean smtpStarttls, String smtpUsername, String sealedSmtpPassword,
        int pollSeconds, boolean active, boolean isDefault, long lastUid, Long uidValidity, Instant lastPolledAt,
        String lastError) {

    /** A new, inactive mailbox built from the admin's settings, its passwords sealed by {@code secrets}. */
    public static Mailbox create(MailboxSettings s, SecretBox secrets) {
        return new Mailbox(null, s.name().strip(), s.address().strip().toLowerCase(Locale.ROOT), blankToNull(s.displayName()),
                blankToNull(s.imapHost()), s.imapPort(), s.imapSsl(), blankToNull(s.imapUsername()), sealed(s.imapPassword(), null, secrets),
                blankToNull(s.smtpHost()), s.smtpPort(), s.smtpSsl(), s.smtpStarttls(), blankToNull(s.smtpUsername()),
                sealed(s.smtpPassword(), null, secrets), s.pollSeconds(), false, s.isDefault(), 0, null, null, null);
    }

    /** The same mailbox with new settings; a blank password keeps the stored one (forms never show it back). */
    public Mailbox withSettings(MailboxSettings s, SecretBox secrets) {
        boolean serverChanged = !eq(imapHost, blankToNull(s.imapHost())) || imapPort != s.imapPort()
                || !eq(imapUsername, blankToNull(s.imapUsername()));
        return new Mailbox(id, s.name().strip(), s.address().strip().toLowerCase(Locale.ROOT), blankToNull(s.displayName()),
                blankToNull(s.imapHost()), s.imapPort(), s.imapSsl(), blankToNull(s.imapUsername()),
                sealed(s.imapPassword(), sealedImapPassword, secrets),
                blankToNull(s.smtpHost()), s.smtpPort(), s.smtpSsl(), s.smtpStarttls(), blankToNull(s.smtpUsername()),
                sealed(s.smtpPassword(), sealedSmtpPassword, secrets),
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
        return sealedImapPassword != null;
    }

    public boolean hasSmtpPassword() {
        return sealedSmtpPassword != null;
    }

    /** True when the last poll or send failed because a stored password cannot be decrypted with the current key. */
    public boolean passwordUnreadable() {
        return MailboxPasswordUnreadable.describes(lastError);
    }

    /** The settings as a form shows them: everything but the passwords. */
    public MailboxSettings settings() {
        return new MailboxSettings(name, address, displayName, imapHost, imapPort, imapSsl, imapUsername, null,
                smtpHost, smtpPort, smtpSsl, smtpStarttls, smtpUsername, null, pollSeconds, isDefault).withoutPasswords();
    }

    /** A password as typed, sealed; blank keeps {@code stored} (passwords keep their spaces: no strip). */
    private static String sealed(String typed, String stored, SecretBox secrets) {
        return typed == null || typed.isBlank() ? stored : secrets.seal(typed);
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
