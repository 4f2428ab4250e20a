package com.steadydesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.steadydesk.channels.MailboxManagement;
import com.steadydesk.channels.MailboxSettings;
import com.steadydesk.channels.OutboundMail;
import com.steadydesk.channels.OutgoingEmail;
import com.steadydesk.channels.QueuedEmail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** Mailbox passwords at rest: sealed in the table, opened only to connect (real GreenMail), legacy plain text sealed. */
@SpringBootTest
@AutoConfigureMockMvc
class MailboxSecretsTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired MailboxManagement management;
    @Autowired Mailboxes mailboxes;
    @Autowired MailboxPoller poller;
    @Autowired LegacyMailboxPasswords legacy;
    @Autowired OutboundMail outboundMail;
    @Autowired SecretBox secrets;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void theTableHoldsNoPlainPasswordAndThePollerStillLogsIn() throws Exception {
        String login = login();
        GreenMailUser user = greenMail.setUser(login + "@steadydesk.test", login, "imap-Secret-7");
        user.deliver(new MimeMessage(null, new ByteArrayInputStream(mail("<sealed-" + login + "@example.cn>"))));

        long id = management.create(settings(login, "imap-Secret-7", "smtp-Secret-8"));

        Map<String, Object> row = columns(id);
        assertThat(row.get("imap_password").toString()).startsWith("v1:").doesNotContain("imap-Secret-7");
        assertThat(row.get("smtp_password").toString()).startsWith("v1:").doesNotContain("smtp-Secret-8");
        assertThat(secrets.open(row.get("smtp_password").toString())).isEqualTo("smtp-Secret-8");
        MailboxPoller.PollResult result = poller.pollNow(id);
        assertThat(result.error()).isNull();
        assertThat(result.stored()).isEqualTo(1);

        management.update(id, settings(login, "", "smtp-New-9"));
        Map<String, Object> edited = columns(id);
        assertThat(edited.get("imap_password")).isEqualTo(row.get("imap_password"));
        assertThat(secrets.open(edited.get("smtp_password").toString())).isEqualTo("smtp-New-9");
    }

    @Test
    void aPlainPasswordFromBeforeIsSealedInPlaceOnceAndThenWorks() {
        String login = login();
        greenMail.setUser(login + "@steadydesk.test", login, "legacy-pw");
        long id = management.create(settings(login, null, null));
        jdbc.sql("update mailboxes set imap_password = 'legacy-pw', smtp_password = 'legacy-smtp' where id = ?").param(id).update();

        assertThat(legacy.sealAll()).isGreaterThanOrEqualTo(2);
        assertThat(legacy.sealAll()).isZero();

        Map<String, Object> row = columns(id);
        assertThat(row.get("imap_password").toString()).startsWith("v1:");
        assertThat(secrets.open(row.get("imap_password").toString())).isEqualTo("legacy-pw");
        assertThat(secrets.open(row.get("smtp_password").toString())).isEqualTo("legacy-smtp");
        assertThat(poller.pollNow(id).error()).isNull();
    }

    @Test
    void plainTextCannotBeSavedAround() {
        Mailbox plain = Mailbox.create(settings(login(), null, null), secrets);
        Mailbox withPlainPassword = new Mailbox(null, plain.name(), plain.address(), null, plain.imapHost(), plain.imapPort(), false,
                plain.imapUsername(), "plain", null, 465, false, false, null, null, 60, false, false, 0, null, null, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mailboxes.save(withPlainPassword))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aPasswordSealedWithAnotherKeyIsAnErrorOnThatMailboxOnly() throws Exception {
        String login = login();
        greenMail.setUser(login + "@steadydesk.test", login, "imap-pw");
        SecretBox otherKey = SecretBox.withRandomKey();
        MailboxSettings lostKey = new MailboxSettings("lost " + login, login + "@steadydesk.test", null, greenMail.getImap().getBindTo(),
                greenMail.getImap().getPort(), false, login, "imap-pw", greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort(),
                false, false, login, "smtp-pw", 60, false);
        long broken = mailboxes.save(Mailbox.create(lostKey, otherKey));
        mailboxes.setActive(broken, true);
        String goodLogin = login();
        greenMail.setUser(goodLogin + "@steadydesk.test", goodLogin, "good-pw");
        long good = management.create(settings(goodLogin, "good-pw", null));

        poller.tick(); // the scheduled round records it and goes on
        assertThat(mailboxes.get(broken).lastError()).startsWith("MailboxPasswordUnreadable");
        MailboxPoller.PollResult result = poller.pollNow(broken);

        assertThat(result.error()).startsWith("MailboxPasswordUnreadable").contains("IMAP password cannot be decrypted");
        assertThat(mailboxes.get(broken).lastError()).startsWith("MailboxPasswordUnreadable");
        assertThat(mailboxes.get(broken).passwordUnreadable()).isTrue();
        assertThat(poller.pollNow(good).error()).isNull();
        mvc.perform(get("/admin/mailboxes")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已保存的密码无法用当前密钥解密")));

        // sending from it fails the same way and is retried later; nothing reaches the server
        mailboxes.polled(broken, java.time.Instant.now(), null);
        QueuedEmail queued = outboundMail.queue(new OutgoingEmail(broken, "kehu@example.cn", null, "测试", "正文", null, null,
                List.of(), List.of(), null));
        outboundMail.deliverDue();
        OutboundMail.DeliveryStatus status = outboundMail.status(queued.outboundId());
        assertThat(status.status()).isEqualTo("QUEUED");
        assertThat(status.lastError()).contains("SMTP password cannot be decrypted");
        assertThat(mailboxes.get(broken).lastError()).contains("SMTP password cannot be decrypted");
        assertThat(greenMail.getReceivedMessages()).noneMatch(m -> subjectOf(m).equals("测试"));

        // entering the password again heals it
        management.update(broken, lostKey);
        assertThat(poller.pollNow(broken).error()).isNull();
    }

    private Map<String, Object> columns(long id) {
        return jdbc.sql("select imap_password, smtp_password from mailboxes where id = ?").param(id).query().singleRow();
    }

    private static MailboxSettings settings(String login, String imapPassword, String smtpPassword) {
        return new MailboxSettings("test " + login, login + "@steadydesk.test", null, greenMail.getImap().getBindTo(),
                greenMail.getImap().getPort(), false, login, imapPassword, greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort(),
                false, false, login, smtpPassword, 60, false);
    }

    private static String login() {
        return "s" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] mail(String messageId) {
        return ("From: kehu@example.cn\r\nTo: support@steadydesk.test\r\nSubject: hi\r\nMessage-ID: " + messageId
                + "\r\n\r\nhello\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
