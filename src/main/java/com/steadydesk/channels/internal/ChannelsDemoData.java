package com.steadydesk.channels.internal;

import com.steadydesk.channels.MailboxSettings;
import com.steadydesk.channels.Channel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo: the company's support mailbox (inactive: there is no mail server here, so the app starts cleanly) and two
 * messages that landed in quarantine, so that the quarantine screen shows what it is for.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class ChannelsDemoData implements ApplicationRunner {

    private final Mailboxes mailboxes;
    private final InboundMessageStore store;
    private final MailIntake intake;
    private final Clock clock;
    private final SecretBox secrets;

    ChannelsDemoData(Mailboxes mailboxes, InboundMessageStore store, MailIntake intake, Clock clock, SecretBox secrets) {
        this.mailboxes = mailboxes;
        this.store = store;
        this.intake = intake;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!mailboxes.isEmpty()) {
            return;
        }
        long mailboxId = mailboxes.save(Mailbox.create(new MailboxSettings("客服邮箱", "support@steadydesk.local", "稳客服 客服中心",
                "imap.steadydesk.local", 993, true, "support@steadydesk.local", null, "smtp.steadydesk.local", 465, true, false,
                "support@steadydesk.local", null, 60, true), secrets));
        mailboxes.save(Mailbox.create(new MailboxSettings("VIP 专线", "vip@steadydesk.local", "稳客服 VIP 服务",
                "imap.steadydesk.local", 993, true, "vip@steadydesk.local", null, "smtp.steadydesk.local", 465, true, false,
                "vip@steadydesk.local", null, 120, false), secrets));
        if (store.anyQuarantined()) {
            return;
        }
        quarantine(mailboxId, brokenMultipart());
        quarantine(mailboxId, bounceWithoutSender());
    }

    private void quarantine(long mailboxId, byte[] raw) {
        store.insertRaw(Channel.EMAIL, mailboxId, null, raw, InboundMailParser.messageIdOf(raw), Instant.now(clock))
                .ifPresent(intake::process);
    }

    /** A customer's mail whose client lost the multipart boundaries: unreadable, but every byte is kept. */
    private static byte[] brokenMultipart() {
        return ("From: =?GBK?B?" + b64("王小明", "GBK") + "?= <wangxm@example.cn>\r\n"
                + "To: support@steadydesk.local\r\n"
                + "Subject: =?GBK?B?" + b64("订单 SD20261128017 一直没有发货，请尽快处理", "GBK") + "?=\r\n"
                + "Message-ID: <demo-broken-1@mail.example.cn>\r\n"
                + "Date: Sat, 28 Nov 2026 21:14:05 +0800\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"----=_Part_8812_11.1764335645\"\r\n\r\n"
                + "------=_NextPart_000_0001 (the client rewrote the boundary)\r\n"
                + "Content-Type: text/plain; charset=GBK\r\n\r\n"
                + "(body cut off)\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An automatic notice from a mail server without a sender address. */
    private static byte[] bounceWithoutSender() {
        return ("To: support@steadydesk.local\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\n"
                + "Message-ID: <demo-bounce-2@mx.example.net>\r\n"
                + "Date: Sun, 29 Nov 2026 08:02:44 +0800\r\n"
                + "Auto-Submitted: auto-replied\r\n\r\n"
                + "This is the mail system at host mx.example.net.\r\n"
                + "I'm sorry to have to inform you that your message could not be delivered.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String b64(String text, String charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset)));
    }
}
