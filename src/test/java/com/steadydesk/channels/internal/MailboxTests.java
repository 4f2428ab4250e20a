package com.steadydesk.channels.internal;

import com.steadydesk.channels.MailboxSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailboxTests {

    final SecretBox secrets = SecretBox.withRandomKey();

    final MailboxSettings settings = new MailboxSettings("客服", "Support@Example.CN", "客服中心", "imap.example.cn", 993, true, "u",
            "imap-pw", "smtp.example.cn", 465, true, false, "u", "smtp-pw", 60, true);

    @Test
    void aNewMailboxStartsInactiveWithItsAddressInLowerCase() {
        Mailbox mailbox = Mailbox.create(settings, secrets);
        assertThat(mailbox.active()).isFalse();
        assertThat(mailbox.address()).isEqualTo("support@example.cn");
        assertThat(mailbox.domain()).isEqualTo("example.cn");
        assertThat(mailbox.settings().imapPassword()).isNull();
        assertThat(mailbox.settings().smtpPassword()).isNull();
        assertThat(secrets.open(mailbox.sealedImapPassword())).isEqualTo("imap-pw");
        assertThat(secrets.open(mailbox.sealedSmtpPassword())).isEqualTo("smtp-pw");
    }

    @Test
    void blankPasswordsKeepTheStoredOnesAndAnotherServerStartsTheUidsOver() {
        Mailbox polled = new Mailbox(1L, "客服", "support@example.cn", null, "imap.example.cn", 993, true, "u", "v1:imap",
                "smtp.example.cn", 465, true, false, "u", "v1:smtp", 60, true, true, 42, 7L, Instant.now(), null);
        Mailbox edited = polled.withSettings(settings.withoutPasswords(), secrets);
        assertThat(edited.sealedImapPassword()).isEqualTo("v1:imap");
        assertThat(edited.sealedSmtpPassword()).isEqualTo("v1:smtp");
        assertThat(edited.lastUid()).isEqualTo(42);
        Mailbox moved = polled.withSettings(new MailboxSettings("客服", "support@example.cn", null, "imap.other.cn", 993, true, "u", "",
                null, 465, true, false, null, "", 60, false), secrets);
        assertThat(moved.lastUid()).isZero();
        assertThat(moved.uidValidity()).isNull();
        Mailbox newPassword = polled.withSettings(settings, secrets);
        assertThat(secrets.open(newPassword.sealedImapPassword())).isEqualTo("imap-pw");
        assertThat(secrets.open(newPassword.sealedSmtpPassword())).isEqualTo("smtp-pw");
    }

    @Test
    void isDueAfterItsPollInterval() {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");
        Mailbox mailbox = new Mailbox(1L, "客服", "s@example.cn", null, "imap.example.cn", 993, true, null, null, null, 465, true,
                false, null, null, 60, true, false, 0, null, now.minusSeconds(59), null);
        assertThat(mailbox.pollDue(now)).isFalse();
        assertThat(mailbox.pollDue(now.plusSeconds(1))).isTrue();
        Mailbox inactive = new Mailbox(1L, "客服", "s@example.cn", null, "imap.example.cn", 993, true, null, null, null, 465, true,
                false, null, null, 60, false, false, 0, null, null, null);
        assertThat(inactive.pollDue(now)).isFalse();
    }
}
