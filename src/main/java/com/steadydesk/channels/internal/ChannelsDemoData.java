package com.steadydesk.channels.internal;

import com.steadydesk.channels.MailboxSettings;
import com.steadydesk.channels.Channel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo: the company's support and VIP mailboxes, active and pointing at the {@link DemoMailServer} (so replies and
 * notices really leave and customer mail really arrives by IMAP), a customer's mail waiting in the support mailbox,
 * and two messages that landed in quarantine, so that the quarantine screen shows what it is for.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class ChannelsDemoData implements ApplicationRunner {

    static final String SUPPORT = "support@steadydesk.local", VIP = "vip@steadydesk.local";
    private static final java.util.Set<String> DEMO_ADDRESSES = java.util.Set.of(SUPPORT, VIP);

    private final Mailboxes mailboxes;
    private final InboundMessageStore store;
    private final MailIntake intake;
    private final Clock clock;
    private final SecretBox secrets;
    private final DemoMailServer server;

    ChannelsDemoData(Mailboxes mailboxes, InboundMessageStore store, MailIntake intake, Clock clock, SecretBox secrets,
            DemoMailServer server) {
        this.server = server;
        this.mailboxes = mailboxes;
        this.store = store;
        this.intake = intake;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public void run(ApplicationArguments args) {
        // the demo mail server is new on every start (in memory, maybe on other ports): point the demo mailboxes at it
        List<Mailbox> demo = mailboxes.all().stream().filter(m -> DEMO_ADDRESSES.contains(m.address())).toList();
        if (mailboxes.isEmpty()) {
            long support = mailboxes.save(Mailbox.create(local("客服邮箱", SUPPORT, "稳客服 客服中心", 60, true), secrets));
            long vip = mailboxes.save(Mailbox.create(local("VIP 专线", VIP, "稳客服 VIP 服务", 120, false), secrets));
            mailboxes.setActive(support, true);
            mailboxes.setActive(vip, true);
            if (!store.anyQuarantined()) {
                quarantine(support, brokenMultipart());
                quarantine(support, bounceWithoutSender());
            }
        } else {
            for (Mailbox m : demo) {
                mailboxes.save(m.withSettings(local(m.name(), m.address(), m.displayName(), m.pollSeconds(), m.isDefault()), secrets));
                mailboxes.setActive(m.id(), true);
            }
        }
        // a customer's mail waiting in the support mailbox: the first poll fetches it by IMAP and opens a ticket
        server.deliver(SUPPORT, customerMail());
    }

    private MailboxSettings local(String name, String address, String displayName, int pollSeconds, boolean isDefault) {
        return new MailboxSettings(name, address, displayName, "127.0.0.1", server.imapPort(), false, address, DemoMailServer.PASSWORD,
                "127.0.0.1", server.smtpPort(), false, false, address, DemoMailServer.PASSWORD, pollSeconds, isDefault);
    }

    /** What a demo customer writes (the same bytes on every start, so it is one message however often it arrives). */
    static byte[] customerMail() {
        return ("From: =?UTF-8?B?" + b64("陈静", "UTF-8") + "?= <chenjing@example.cn>\r\n"
                + "To: support@steadydesk.local\r\n"
                + "Subject: =?UTF-8?B?" + b64("耳机左边没有声音，能换一副吗？", "UTF-8") + "?=\r\n"
                + "Message-ID: <demo-customer-1@mail.example.cn>\r\n"
                + "Date: Sun, 29 Nov 2026 09:12:00 +0800\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("您好，上周买的蓝牙耳机（订单 SD20261122008）左边没有声音，请问能换一副吗？谢谢。"
                        .getBytes(StandardCharsets.UTF_8)) + "\r\n").getBytes(StandardCharsets.US_ASCII);
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
