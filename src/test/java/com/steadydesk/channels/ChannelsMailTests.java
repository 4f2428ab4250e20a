package com.steadydesk.channels;

import static com.steadydesk.channels.internal.MailFixtures.b64;
import static com.steadydesk.channels.internal.MailFixtures.encodedWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.steadydesk.channels.internal.InboundMessageStore;
import com.steadydesk.channels.internal.InboundStatus;
import com.steadydesk.channels.internal.MailFixtures;
import com.steadydesk.channels.internal.MailIntake;
import com.steadydesk.channels.internal.Mailbox;
import com.steadydesk.channels.internal.MailboxPoller;
import com.steadydesk.channels.internal.MailboxPoller.PollResult;
import com.steadydesk.channels.internal.Mailboxes;
import com.steadydesk.channels.internal.SecretBox;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real IMAP and SMTP (GreenMail on dynamic ports): mail in, parsed and published or quarantined; mail out, threaded. */
@SpringBootTest
@AutoConfigureMockMvc
class ChannelsMailTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired Mailboxes mailboxes;
    @Autowired MailboxManagement mailboxManagement;
    @Autowired MailboxPoller poller;
    @Autowired MailIntake intake;
    @Autowired InboundMessageStore store;
    @Autowired InboundMessages inboundMessages;
    @Autowired OutboundMail outboundMail;
    @Autowired MailFooter footer;
    @Autowired Attachments attachments;
    @Autowired RecordedChannelEvents events;
    @Autowired JdbcClient jdbc;
    @Autowired SecretBox secrets;

    @Test
    void gbkMailIsStoredRawThenParsedWithItsSubjectAndPublished() throws Exception {
        TestMailbox box = imapMailbox();
        String subject = "我的订单还没有收到退款";
        String gbSubject = "发票抬头写错了（镕）";
        byte[] gbk = MailFixtures.plain("<gbk-" + UUID.randomUUID() + "@example.cn>", encodedWord(subject, "GBK", "GBK"), "GBK", "GBK",
                "您好，订单 SD20261129001 申请退款已经一周了。");
        byte[] gb2312 = MailFixtures.plain("<gb-" + UUID.randomUUID() + "@example.cn>", encodedWord(gbSubject, "gb2312", "GBK"),
                "gb2312", "GBK", "请帮我重开发票，谢谢。");
        box.deliver(gbk);
        box.deliver(gb2312);

        PollResult result = poller.pollNow(box.id());

        assertThat(result.error()).isNull();
        long id = idOf(InboundMailParserMessageId.of(gbk));
        assertThat(store.find(id).orElseThrow().raw()).isEqualTo(gbk);
        ParsedInboundMessage parsed = inboundMessages.get(new InboundMessageId(id));
        assertThat(parsed.subject()).isEqualTo(subject);
        assertThat(parsed.textBody()).contains("订单 SD20261129001 申请退款已经一周了");
        assertThat(parsed.fromName()).isEqualTo("张三");
        assertThat(parsed.channel()).isEqualTo(Channel.EMAIL);
        assertThat(parsed.mailboxId()).isEqualTo(box.id());
        assertThat(inboundMessages.get(new InboundMessageId(idOf(InboundMailParserMessageId.of(gb2312)))).subject()).isEqualTo(gbSubject);
        assertThat(events.of(InboundMessageReceived.class)).contains(new InboundMessageReceived(new InboundMessageId(id), Channel.EMAIL));
        assertThat(mailboxes.get(box.id()).lastUid()).isEqualTo(2);
    }

    @Test
    void big5AndIso2022JpBodiesDecode() throws Exception {
        TestMailbox box = imapMailbox();
        byte[] big5 = MailFixtures.plain("<big5-" + UUID.randomUUID() + "@example.tw>", encodedWord("帳戶無法登入", "Big5", "Big5"),
                "Big5", "Big5", "您好，我的帳戶從昨天開始無法登入。");
        ByteArrayOutputStream jp = new ByteArrayOutputStream();
        String jpId = "<jp-" + UUID.randomUUID() + "@example.jp>";
        jp.writeBytes(("From: tanaka@example.jp\r\nTo: support@steadydesk.test\r\nSubject: "
                + encodedWord("配送について", "ISO-2022-JP", "ISO-2022-JP") + "\r\nMessage-ID: " + jpId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        jp.writeBytes("注文の配送状況を教えてください。\r\n".getBytes(Charset.forName("ISO-2022-JP")));
        box.deliver(big5);
        box.deliver(jp.toByteArray());

        poller.pollNow(box.id());

        ParsedInboundMessage chinese = inboundMessages.get(new InboundMessageId(idOf(InboundMailParserMessageId.of(big5))));
        assertThat(chinese.subject()).isEqualTo("帳戶無法登入");
        assertThat(chinese.textBody()).contains("我的帳戶從昨天開始無法登入");
        ParsedInboundMessage japanese = inboundMessages.get(new InboundMessageId(idOf(jpId)));
        assertThat(japanese.subject()).isEqualTo("配送について");
        assertThat(japanese.textBody()).contains("注文の配送状況を教えてください。");
    }

    @Test
    void malformedMailGoesToQuarantineAndTheNextMailIsStillProcessed() throws Exception {
        TestMailbox box = imapMailbox();
        String brokenId = "<broken-" + UUID.randomUUID() + "@example.cn>";
        byte[] good = MailFixtures.plain("<good-" + UUID.randomUUID() + "@example.cn>", encodedWord("正常邮件", "UTF-8", "UTF-8"),
                "UTF-8", "UTF-8", "正文");
        box.deliver(MailFixtures.brokenMultipart(brokenId));
        box.deliver(good);

        PollResult result = poller.pollNow(box.id());

        assertThat(result.quarantined()).isEqualTo(1);
        assertThat(result.parsed()).isEqualTo(1);
        long broken = idOf(brokenId);
        assertThat(store.status(broken)).isEqualTo(InboundStatus.QUARANTINED);
        assertThat(store.find(broken).orElseThrow().error()).isNotBlank();
        assertThat(store.find(broken).orElseThrow().raw()).isEqualTo(MailFixtures.brokenMultipart(brokenId));
        assertThat(store.status(idOf(InboundMailParserMessageId.of(good)))).isEqualTo(InboundStatus.PARSED);
        assertThat(events.of(InboundMessageReceived.class)).extracting(e -> e.id().value()).doesNotContain(broken);
    }

    @Test
    void aDuplicateMessageIdIsStoredOnce() throws Exception {
        TestMailbox box = imapMailbox();
        String messageId = "<dup-" + UUID.randomUUID() + "@example.cn>";
        byte[] mail = MailFixtures.plain(messageId, "hello", "UTF-8", "UTF-8", "same mail twice");
        box.deliver(mail);
        box.deliver(mail);

        PollResult result = poller.pollNow(box.id());
        PollResult again = poller.pollNow(box.id());

        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(again.stored() + again.duplicates()).isZero();
        assertThat(jdbc.sql("select count(*) from inbound_messages where message_id = ?").param(messageId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aReusedMessageIdWithOtherContentIsIngestedAndMarked() throws Exception {
        TestMailbox box = imapMailbox();
        String messageId = "<reused-" + UUID.randomUUID() + "@example.cn>";
        box.deliver(MailFixtures.plain(messageId, "first", "UTF-8", "UTF-8", "the first mail"));
        box.deliver(MailFixtures.plain(messageId, "second", "UTF-8", "UTF-8", "another mail, same Message-ID"));

        PollResult result = poller.pollNow(box.id());

        assertThat(result.stored()).isEqualTo(2);
        assertThat(result.duplicates()).isZero();
        assertThat(jdbc.sql("select message_id_reused from inbound_messages where message_id = ? order by id").param(messageId)
                .query(Boolean.class).list()).containsExactly(false, true);
        assertThat(jdbc.sql("select count(*) from inbound_messages where message_id = ? and status = 'PARSED'").param(messageId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void onShutdownThePollerFetchesNothingMoreAndAStartedOneGoesOnWhereItStopped() throws Exception {
        TestMailbox box = imapMailbox();
        box.deliver(MailFixtures.plain("<stop1-" + UUID.randomUUID() + "@example.cn>", "one", "UTF-8", "UTF-8", "1"));
        box.deliver(MailFixtures.plain("<stop2-" + UUID.randomUUID() + "@example.cn>", "two", "UTF-8", "UTF-8", "2"));
        poller.stop();
        try {
            PollResult whileStopping = poller.pollNow(box.id());
            assertThat(whileStopping.stored()).isZero();
            assertThat(mailboxes.get(box.id()).lastUid()).isZero();
        } finally {
            poller.start();
        }

        PollResult afterStart = poller.pollNow(box.id());

        assertThat(afterStart.stored()).isEqualTo(2);
        assertThat(mailboxes.get(box.id()).lastUid()).isEqualTo(2);
    }

    @Test
    void aNewUidValidityFetchesAgainWithoutStoringTwice() throws Exception {
        TestMailbox box = imapMailbox();
        box.deliver(MailFixtures.plain("<v1-" + UUID.randomUUID() + "@example.cn>", "one", "UTF-8", "UTF-8", "1"));
        poller.pollNow(box.id());
        jdbc.sql("update mailboxes set uidvalidity = uidvalidity + 1000 where id = ?").param(box.id()).update();
        box.deliver(MailFixtures.plain("<v2-" + UUID.randomUUID() + "@example.cn>", "two", "UTF-8", "UTF-8", "2"));

        PollResult result = poller.pollNow(box.id());

        assertThat(result.stored()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(mailboxes.get(box.id()).lastUid()).isEqualTo(2);
    }

    @Test
    void aMailboxThatCannotBeReachedRecordsTheErrorAndKeepsItsPlace() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long id = mailboxes.save(Mailbox.create(settings("down@steadydesk.test", "127.0.0.1", closedPort, null, 0), secrets));

        PollResult result = poller.pollNow(id);

        assertThat(result.error()).isNotBlank();
        assertThat(mailboxes.get(id).lastError()).isNotBlank();
        assertThat(mailboxes.get(id).lastPolledAt()).isNotNull();
        assertThat(mailboxes.get(id).lastUid()).isZero();
    }

    @Test
    void retryFromQuarantinePublishesWhatTheParserCanNowRead() {
        long mailboxId = mailboxes.save(Mailbox.create(settings("retry@steadydesk.test", null, 0, null, 0), secrets));
        // stored and quarantined by an earlier parser that could not read it; today's parser can
        String messageId = "<retry-" + UUID.randomUUID() + "@example.cn>";
        byte[] raw = MailFixtures.plain(messageId, encodedWord("重新解析", "GB2312", "GBK"), "GB2312", "GBK", "可以读了");
        long id = store.insertRaw(Channel.EMAIL, mailboxId, null, raw, messageId, java.time.Instant.now()).orElseThrow();
        jdbc.sql("update inbound_messages set status = 'QUARANTINED', error = 'old parser failed' where id = ?").param(id).update();
        String stillBrokenId = "<still-" + UUID.randomUUID() + "@example.cn>";
        long stillBroken = intake.storeRaw(mailboxId, 1, 1, MailFixtures.brokenMultipart(stillBrokenId)).orElseThrow();
        intake.process(stillBroken);

        MailIntake.Outcome outcome = intake.retry(id);
        MailIntake.Outcome failing = intake.retry(stillBroken);

        assertThat(outcome.parsed()).isTrue();
        assertThat(inboundMessages.get(new InboundMessageId(id)).subject()).isEqualTo("重新解析");
        assertThat(events.of(InboundMessageReceived.class)).contains(new InboundMessageReceived(new InboundMessageId(id), Channel.EMAIL));
        assertThat(failing.quarantined()).isTrue();
        assertThat(store.find(stillBroken).orElseThrow().attempts()).isEqualTo(2);
        intake.discard(stillBroken);
        assertThat(store.status(stillBroken)).isEqualTo(InboundStatus.DISCARDED);
    }

    @Test
    void htmlIsSanitisedAndAnOversizedAttachmentIsNotStored() {
        long mailboxId = mailboxes.save(Mailbox.create(settings("html@steadydesk.test", null, 0, null, 0), secrets));
        byte[] big = new byte[(int) attachments.maxBytes() + 1];
        Arrays.fill(big, (byte) 'A');
        String html = "<p onclick=\"steal()\">您好<script>alert(1)</script><a href=\"javascript:alert(2)\">点此</a></p>";
        String messageId = "<html-" + UUID.randomUUID() + "@example.cn>";
        String raw = "From: kehu@example.cn\r\nTo: support@steadydesk.test\r\nSubject: html\r\nMessage-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/html; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(html, "GBK") + "\r\n"
                + "--b\r\nContent-Type: text/plain; name=\"small.txt\"\r\nContent-Disposition: attachment; filename=\"small.txt\"\r\n\r\n"
                + "small file\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"huge.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(big) + "\r\n--b--\r\n";
        long id = intake.storeRaw(mailboxId, 1, 1, raw.getBytes(StandardCharsets.US_ASCII)).orElseThrow();

        assertThat(intake.process(id).parsed()).isTrue();

        ParsedInboundMessage parsed = inboundMessages.get(new InboundMessageId(id));
        assertThat(parsed.sanitizedHtml()).contains("您好").doesNotContain("<script", "onclick", "javascript:");
        assertThat(parsed.textBody()).contains("您好").contains("huge.bin");
        assertThat(parsed.attachments()).extracting(AttachmentRef::filename).containsExactly("small.txt");
        assertThat(new String(attachments.load(parsed.attachments().get(0).id()).content(), StandardCharsets.US_ASCII)).isEqualTo("small file");
    }

    @Test
    void outboundMailIsDeliveredWithThreadingHeadersAChineseSubjectAndTheFooter() throws Exception {
        long mailboxId = mailboxManagement.create(settings("support-out@steadydesk.test", null, 0,
                greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort()));
        mailboxManagement.activate(mailboxId);
        footer.show("crisis-7", "系统故障处理中，最新进展请看状态页", "https://status.example.cn/");
        AttachmentRef file = attachments.store("说明.txt", "text/plain", "附件内容".getBytes(StandardCharsets.UTF_8));
        try {
            QueuedEmail queued = outboundMail.queue(new OutgoingEmail(mailboxId, "kehu@example.cn", "客户 李四", "回复：[#10023] 退款进度",
                    "您好，退款已处理。", "<p>您好，退款<b>已处理</b>。</p>", "abc@example.cn", List.of("<root@example.cn>", "abc@example.cn"),
                    List.of(file.id()), "ticket-message:42"));
            assertThat(queued.messageId()).matches("<[0-9a-f-]{36}@steadydesk\\.test>");

            outboundMail.deliverDue();

            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
            MimeMessage received = greenMail.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("回复：[#10023] 退款进度");
            assertThat(received.getMessageID()).isEqualTo(queued.messageId());
            assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<abc@example.cn>");
            assertThat(received.getHeader("References", " ")).isEqualTo("<root@example.cn> <abc@example.cn>");
            assertThat(received.getFrom()[0].toString()).contains("support-out@steadydesk.test");
            String whole = GreenMailUtil.getWholeMessage(received);
            assertThat(whole).contains("multipart/alternative").contains("说明.txt".isEmpty() ? "" : "attachment");
            MimeMultipart mixed = (MimeMultipart) received.getContent();
            MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
            assertThat((String) alternative.getBodyPart(0).getContent()).contains("退款已处理").contains("系统故障处理中").contains("https://status.example.cn/");
            assertThat((String) alternative.getBodyPart(1).getContent()).contains("<b>已处理</b>").contains("系统故障处理中");
            assertThat(outboundMail.status(queued.outboundId()).status()).isEqualTo("SENT");
            await().atMost(Duration.ofSeconds(5)).until(() -> events.of(MessageDelivered.class).stream()
                    .anyMatch(e -> e.outboundId() == queued.outboundId() && "ticket-message:42".equals(e.correlation())));
        } finally {
            footer.clear("crisis-7");
        }
    }

    @Test
    void aFailingSmtpServerGivesDeliveryFailedAndKeepsTheMailForRetry() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long mailboxId = mailboxes.save(Mailbox.create(settings("broken-out@steadydesk.test", null, 0, "127.0.0.1", closedPort), secrets));
        mailboxes.setActive(mailboxId, true);
        QueuedEmail queued = outboundMail.queue(new OutgoingEmail(mailboxId, "kehu@example.cn", null, "测试", "正文", null, null,
                List.of(), List.of(), "ticket-message:43"));

        outboundMail.deliverDue();

        OutboundMail.DeliveryStatus status = outboundMail.status(queued.outboundId());
        assertThat(status.status()).isEqualTo("QUEUED");
        assertThat(status.attempts()).isEqualTo(1);
        assertThat(status.lastError()).isNotBlank();
        assertThat(events.of(DeliveryFailed.class)).anySatisfy(e -> {
            assertThat(e.outboundId()).isEqualTo(queued.outboundId());
            assertThat(e.willRetry()).isTrue();
            assertThat(e.correlation()).isEqualTo("ticket-message:43");
        });
    }

    @Test
    void footerNoticesAreShownReplacedAndCleared() {
        footer.show("crisis-1", "旧通知", null);
        footer.show("crisis-1", "服务中断，进展见状态页", "https://status.example.cn/1");
        assertThat(footer.current()).extracting(MailFooter.FooterNotice::text).containsExactly("服务中断，进展见状态页");
        QueuedEmail queued = outboundMail.queue(new OutgoingEmail(null, "a@example.cn", null, "s", "正文", null, null, null, null, null));
        String text = jdbc.sql("select text_body from outbound_messages where id = ?").param(queued.outboundId()).query(String.class).single();
        assertThat(text).startsWith("正文").contains("服务中断，进展见状态页").contains("https://status.example.cn/1");

        footer.clear("crisis-1");

        assertThat(footer.current()).isEmpty();
        QueuedEmail plain = outboundMail.queue(new OutgoingEmail(null, "a@example.cn", null, "s", "正文", null, null, null, null, null));
        assertThat(jdbc.sql("select text_body from outbound_messages where id = ?").param(plain.outboundId()).query(String.class).single())
                .isEqualTo("正文");
    }

    private long idOf(String messageId) {
        return jdbc.sql("select id from inbound_messages where message_id = ?").param(messageId).query(Long.class).single();
    }

    private TestMailbox imapMailbox() {
        String login = "u" + UUID.randomUUID().toString().substring(0, 8);
        String address = login + "@steadydesk.test";
        GreenMailUser user = greenMail.setUser(address, login, "secret");
        MailboxSettings s = new MailboxSettings("test " + login, address, "Test", greenMail.getImap().getBindTo(),
                greenMail.getImap().getPort(), false, login, "secret", null, 25, false, false, null, null, 60, false);
        return new TestMailbox(mailboxes.save(Mailbox.create(s, secrets)), user);
    }

    private static MailboxSettings settings(String address, String imapHost, int imapPort, String smtpHost, int smtpPort) {
        return new MailboxSettings("test " + address, address, "稳客服 测试", imapHost, imapPort == 0 ? 993 : imapPort, false, null, null,
                smtpHost, smtpPort == 0 ? 465 : smtpPort, false, false, null, null, 60, false);
    }

    private record TestMailbox(long id, GreenMailUser user) {
        void deliver(byte[] raw) throws Exception {
            user.deliver(new MimeMessage(null, new ByteArrayInputStream(raw)));
        }
    }

    /** Reads the Message-ID of a fixture the way the poller does. */
    private static final class InboundMailParserMessageId {
        static String of(byte[] raw) {
            return com.steadydesk.channels.internal.InboundMailParser.messageIdOf(raw);
        }
    }
}
