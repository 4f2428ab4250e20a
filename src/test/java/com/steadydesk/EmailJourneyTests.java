package com.steadydesk;

import static com.steadydesk.channels.internal.MailFixtures.encodedWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.steadydesk.channels.MailboxManagement;
import com.steadydesk.channels.MailboxSettings;
import com.steadydesk.channels.OutboundMail;
import com.steadydesk.channels.internal.MailFixtures;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The whole email journey over real IMAP and SMTP (GreenMail): a GBK mail becomes a ticket, the agent's reply reaches
 * the customer threaded, the customer's answer lands on the same ticket, and a malformed mail is quarantined while the
 * next good one is still processed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EmailJourneyTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired MailboxManagement mailboxes;
    @Autowired OutboundMail outboundMail;
    @Autowired TicketManagement tickets;
    @Autowired JdbcClient jdbc;

    @Test
    void gbkMailBecomesATicketTheReplyIsThreadedAndTheAnswerJoinsTheSameTicket() throws Exception {
        Support support = supportMailbox();
        String subject = "退款三天了还没到账（订单 SD1129）";
        String originalId = "<journey-" + UUID.randomUUID() + "@example.cn>";
        support.deliver(MailFixtures.plain(originalId, encodedWord(subject, "GBK", "GBK"), "GBK", "GBK",
                "您好，我三天前申请了退款，到现在还没有到账。"));

        mailboxes.pollNow(support.id());
        long ticketId = await().atMost(Duration.ofSeconds(20)).until(() -> ticketWithSubject(subject), id -> id != null);

        asAgent(() -> tickets.reply(new TicketId(ticketId),
                new AgentMessage("{{customer.name}}您好，退款已在处理中，预计 1-3 个工作日到账。", List.of(), null, null)));
        outboundMail.deliverDue();

        MimeMessage reply = await().atMost(Duration.ofSeconds(20))
                .until(() -> Arrays.stream(greenMail.getReceivedMessagesForDomain("example.cn"))
                        .filter(m -> headerContains(m, "In-Reply-To", originalId)).findFirst().orElse(null), m -> m != null);
        long number = tickets.find(new TicketId(ticketId)).orElseThrow().number();
        assertThat(reply.getSubject()).contains(subject).contains("[#" + number + "]");
        assertThat(reply.getHeader("References", " ")).contains(originalId);
        assertThat((String) reply.getContent()).contains("张三您好");

        String answer = "From: =?UTF-8?B?5byg5LiJ?= <zhangsan@example.cn>\r\nTo: " + support.address() + "\r\n"
                + "Subject: Re: " + reply.getHeader("Subject", null) + "\r\n"
                + "Message-ID: <answer-" + UUID.randomUUID() + "@example.cn>\r\n"
                + "In-Reply-To: " + reply.getMessageID() + "\r\nReferences: " + originalId + " " + reply.getMessageID() + "\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "收到，谢谢！\r\n";
        support.deliver(answer.getBytes(StandardCharsets.UTF_8));
        mailboxes.pollNow(support.id());

        await().atMost(Duration.ofSeconds(20)).until(() -> tickets.messages(new TicketId(ticketId)).stream()
                .anyMatch(m -> "CUSTOMER".equals(m.kind()) && m.bodyText().contains("收到，谢谢")));
        assertThat(jdbc.sql("select count(*) from tickets where customer_id = (select customer_id from tickets where id = ?)")
                .param(ticketId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void malformedMailIsQuarantinedWhileTheNextGoodOneBecomesATicket() throws Exception {
        Support support = supportMailbox();
        String brokenId = "<broken-" + UUID.randomUUID() + "@example.cn>";
        String goodSubject = "APP 闪退 " + UUID.randomUUID().toString().substring(0, 6);
        support.deliver(MailFixtures.brokenMultipart(brokenId));
        support.deliver(MailFixtures.plain("<good-" + UUID.randomUUID() + "@example.cn>", encodedWord(goodSubject, "UTF-8", "UTF-8"),
                "UTF-8", "UTF-8", "打开就闪退。"));

        var summary = mailboxes.pollNow(support.id());

        assertThat(summary.quarantined()).isEqualTo(1);
        assertThat(jdbc.sql("select status from inbound_messages where message_id = ?").param(brokenId.substring(1, brokenId.length() - 1))
                .query(String.class).optional().or(() -> jdbc.sql("select status from inbound_messages where message_id = ?")
                        .param(brokenId).query(String.class).optional())).contains("QUARANTINED");
        await().atMost(Duration.ofSeconds(20)).until(() -> ticketWithSubject(goodSubject), id -> id != null);
    }

    private Long ticketWithSubject(String subject) {
        return jdbc.sql("select id from tickets where subject = ?").param(subject).query(Long.class).optional().orElse(null);
    }

    private Support supportMailbox() {
        String login = "support" + UUID.randomUUID().toString().substring(0, 6);
        String address = login + "@steadydesk.test";
        GreenMailUser user = greenMail.setUser(address, login, "secret");
        long id = mailboxes.create(new MailboxSettings("客服 " + login, address, "稳客服", greenMail.getImap().getBindTo(),
                greenMail.getImap().getPort(), false, login, "secret", greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort(),
                false, false, null, null, 60, true));
        mailboxes.activate(id);
        return new Support(id, address, user);
    }

    private static boolean headerContains(MimeMessage message, String header, String value) {
        try {
            String h = message.getHeader(header, " ");
            return h != null && h.contains(value);
        } catch (Exception e) {
            return false;
        }
    }

    private static void asAgent(Runnable action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private record Support(long id, String address, GreenMailUser user) {
        void deliver(byte[] raw) throws Exception {
            user.deliver(new MimeMessage(null, new ByteArrayInputStream(raw)));
        }
    }
}
